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

describe.each(testEngines())('daily check-in in Chromium on %s', (engine) => {
  const run = useServerAndBrowser(engine);

  it('register → check in → see it in History → log out → log in → still there', async () => {
    const context = await run.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const { email, password } = await registerViaUi(page, run.server.url);

    const mood = page.getByRole('group', { name: /^Mood/ });
    await mood.getByRole('radio', { name: /^7 of 10/ }).click();
    await page
      .getByRole('group', { name: /^Morning/ })
      .getByRole('radio', { name: /^6 of 10/ })
      .click();
    await page
      .getByRole('group', { name: /^Evening/ })
      .getByRole('radio', { name: /^4 of 10/ })
      .click();
    // Stool type and the note are folded away under the everyday check-in.
    await page.getByText('Stool type and a note').click();
    await page.getByRole('radio', { name: /^Type 4:/ }).click();
    await page.getByLabel('Note').fill('Walked to work in the sun');
    if (engine === 'sqlite') await screenshot(page, 'today-phone');
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expect.poll(() => page.getByText(/^Saved at/).isVisible()).toBe(true);

    // Keyboard: arrow keys move the choice within a scale.
    await mood.getByRole('radio', { name: /^7 of 10/ }).focus();
    await page.keyboard.press('ArrowRight');
    expect(await mood.getByRole('radio', { checked: true }).getAttribute('value')).toBe('8');
    await page.getByRole('button', { name: 'Save changes' }).click();
    await expect.poll(() => page.getByText(/^Saved at/).isVisible()).toBe(true);

    await openNav(page, 'History');
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await expect.poll(() => page.getByText('Mood 8').count()).toBe(1);
    await expect.poll(() => page.getByText('Energy 5.0').count()).toBe(1);
    await page.locator('.chart-canvas svg').first().waitFor();
    if (engine === 'sqlite') await screenshot(page, 'history-phone');

    await openNav(page, 'Settings');
    await page.getByRole('button', { name: 'Log out' }).click();
    await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
    await page.goto(`${run.server.url}/history`);
    await page.getByRole('heading', { name: 'Welcome back' }).waitFor();

    await page.getByLabel('Email').fill(email);
    await page.getByLabel('Password').fill(password);
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.getByRole('heading', { name: 'History' }).waitFor();
    await expect.poll(() => page.getByText('Mood 8').count()).toBe(1);
    expect(await page.getByText('Walked to work in the sun').count()).toBe(1);
    await context.close();
  });

  it('looks right on a desktop screen, and the empty history says how to start', async () => {
    const context = await run.browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await registerViaUi(page, run.server.url, 'Sam');
    if (engine === 'sqlite') await screenshot(page, 'today-desktop');
    await openNav(page, 'History');
    await page.getByRole('heading', { name: /No check-ins in the last 30 days/ }).waitFor();
    expect(await page.getByRole('link', { name: 'Start today’s check-in' }).count()).toBe(1);
    if (engine === 'sqlite') await screenshot(page, 'history-empty-desktop');
    await page.getByRole('link', { name: 'Start today’s check-in' }).click();
    await page
      .getByRole('group', { name: /^Mood/ })
      .getByRole('radio', { name: /^5 of 10/ })
      .click();
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await expect.poll(() => page.getByText(/^Saved at/).isVisible()).toBe(true);
    await openNav(page, 'History');
    await page.locator('.chart-canvas svg').first().waitFor();
    if (engine === 'sqlite') await screenshot(page, 'history-desktop');
    await context.close();
  });
});
