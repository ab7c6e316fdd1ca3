import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DESKTOP,
  openNav,
  PHONE,
  registerViaUi,
  screenshot,
  useServerAndBrowser,
} from '../support/browser.ts';
import { testEngines } from '../support/db.ts';

/** Full-page screenshots from the top, so the sticky header sits where it belongs. */
async function shot(page: Page, name: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await screenshot(page, name);
}

const statusOf = (page: Page, goal: string) =>
  page.locator(`.today-goals [data-goal="${goal}"]`).first().getAttribute('data-status');

describe.each(testEngines())('30-day challenge in Chromium on %s', (engine) => {
  const run = useServerAndBrowser(engine);

  it('enrol → log a fermented food and 20 minutes of movement → both goals ticked on Today and the calendar', async () => {
    const context = await run.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await registerViaUi(page, run.server.url, 'Kim');

    await openNav(page, 'Programs');
    await page.getByRole('heading', { name: 'Choose a program' }).waitFor();
    if (engine === 'sqlite') await shot(page, 'programs-choose-phone');
    await page.getByRole('button', { name: 'Start the 30-day program' }).click();
    await page
      .getByText(/^Day 1 of 30/)
      .first()
      .waitFor();

    await openNav(page, 'Log');
    await page.getByRole('heading', { name: 'Log food and habits' }).waitFor();
    await page.getByLabel('Find a food').fill('kefr');
    await page
      .getByRole('list', { name: 'Search results' })
      .getByRole('button', { name: /^Kefir/ })
      .first()
      .click();
    await page.getByRole('form', { name: 'Log Kefir' }).getByRole('button', { name: 'Breakfast' }).click();
    await page.getByRole('button', { name: 'Log', exact: true }).click();
    await expect
      .poll(() => page.getByRole('list', { name: 'Food logged' }).getByText('Kefir').count())
      .toBe(1);

    // Two taps from the recent list: the food, then Log.
    await page.getByRole('button', { name: 'Kefir', exact: true }).click();
    await page.getByRole('button', { name: 'Log', exact: true }).click();
    await expect
      .poll(() => page.getByRole('list', { name: 'Food logged' }).getByText('Kefir').count())
      .toBe(2);

    await page.getByLabel('Movement (minutes)').fill('20');
    await page.getByRole('button', { name: 'Save habits' }).click();
    await page.getByText('Habits saved.').waitFor();
    if (engine === 'sqlite') await shot(page, 'log-phone');

    await openNav(page, 'Today');
    await page.getByRole('heading', { name: 'Today’s check-in' }).waitFor();
    await page.locator('.today-goals [data-goal]').first().waitFor();
    await expect.poll(() => statusOf(page, 'fermented_food')).toBe('met');
    await expect.poll(() => statusOf(page, 'movement_20')).toBe('met');
    await expect.poll(() => statusOf(page, 'morning_sunlight')).toBe('not_met');
    if (engine === 'sqlite') await shot(page, 'today-goals-phone');

    await openNav(page, 'Programs');
    const day1 = page.locator('.calendar-day').first();
    await day1.waitFor();
    // The page may first show the cached calendar, then the refetched one.
    await expect
      .poll(async () => (await day1.getAttribute('data-met'))?.split(' ') ?? [])
      .toEqual(expect.arrayContaining(['fermented_food', 'movement_20']));
    expect(await day1.getAttribute('class')).toContain('state-partial');
    expect(await day1.getAttribute('aria-label')).toMatch(/^Day 1, .*: 2 goals done$/);
    if (engine === 'sqlite') await shot(page, 'programs-phone');

    if (engine === 'sqlite') {
      await page.setViewportSize(DESKTOP);
      await shot(page, 'programs-desktop');
      await openNav(page, 'Log');
      await page.getByRole('list', { name: 'Food logged' }).waitFor();
      await shot(page, 'log-desktop');
      await openNav(page, 'Today');
      await page.locator('.today-goals [data-goal]').first().waitFor();
      await shot(page, 'today-goals-desktop');
    }
    await context.close();
  });

  it('refuses 25 hours of movement, naming the field', async () => {
    const context = await run.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await registerViaUi(page, run.server.url, 'Lee');
    await openNav(page, 'Log');
    await page.getByLabel('Movement (minutes)').fill('1500');
    await page.getByRole('button', { name: 'Save habits' }).click();
    await page
      .getByRole('alert')
      .filter({ hasText: /movement minutes/i })
      .waitFor();
    expect(await page.getByLabel('Movement (minutes)').getAttribute('aria-invalid')).toBe('true');
    await context.close();
  });
  it('in week 4 the optional fasting goal first shows the talk-to-a-professional note, and can be skipped', async () => {
    const context = await run.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await registerViaUi(page, run.server.url, 'Noor');
    await openNav(page, 'Programs');
    // Started 21 days ago, today is day 22: the first day of week 4.
    const start = new Date(Date.now() - 21 * 86_400_000).toISOString().slice(0, 10);
    await page.getByLabel('Start on').first().fill(start);
    await page.getByRole('button', { name: 'Start the 30-day program' }).click();
    await page
      .getByText(/^Day 22 of 30/)
      .first()
      .waitFor();
    const fasting = page.locator('li.goal-optional').filter({ hasText: 'fasting window' });
    const note = fasting.getByRole('note').filter({ hasText: /Talk to your doctor/ });
    await note.waitFor();
    expect(await note.getByRole('link', { name: 'Finding professional help' }).count()).toBe(1);
    // Cold exposure waits behind the knowledge node's heart and pregnancy caution too.
    const cold = page.locator('li.goal-optional').filter({ hasText: 'Cold exposure' });
    await expect(cold.getByRole('note').textContent()).resolves.toMatch(/heart[\s\S]*pregnant/);
    if (engine === 'sqlite') {
      await note.scrollIntoViewIfNeeded();
      await page.screenshot({ path: 'test-results/screenshots/programs-fasting-caution-phone.png' });
    }
    await fasting.getByRole('button', { name: 'Skip it' }).click();
    await cold.getByRole('button', { name: 'Skip it' }).click();
    await page.getByText('· skipped').nth(1).waitFor();
    expect(await page.getByRole('note').count()).toBe(0);
    await context.close();
  });
});
