/**
 * Escalation by severity in the browser (issue 14): the calm "talk to a professional" screen for a
 * severe result (phone and desktop, light and dark), the plain note under a "worth mentioning"
 * result, suggestions below a "talk to a professional" card once read, the picker first for an
 * unknown country — and nothing drawn above a support screen, with a reminder due and a program
 * active.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { regionById } from '../../src/core/safety/regions.ts';
import { DESKTOP, PHONE, registerViaUi, screenshot, useServerAndBrowser } from '../support/browser.ts';
import { testEngines } from '../support/db.ts';

const DE = regionById('DE');
const INTL = regionById('INTL');

/** A JSON request from inside the signed-in page, as the app itself would send it. */
async function call(page: Page, method: string, path: string, body?: unknown) {
  return page.evaluate(
    async ([m, p, b]) => {
      const { csrfToken } = await (await fetch('/api/auth/session')).json();
      const res = await fetch(p as string, {
        method: m as string,
        headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
        body: b === undefined ? undefined : JSON.stringify(b),
      });
      return { status: res.status, body: res.status === 204 ? null : await res.json() };
    },
    [method, path, body] as const,
  );
}

/** Ticks the same answer for every item of the questionnaire on the page. */
async function answerAll(page: Page, label: string, count: number) {
  const groups = page.locator('fieldset.question');
  for (let i = 0; i < count; i += 1) await groups.nth(i).getByLabel(label, { exact: true }).check();
}

/** Reminders due now (times of 00:00 are always past) and a program started today. */
async function reminderDueAndProgramActive(page: Page) {
  const reminders = await call(page, 'PUT', '/api/reminders', {
    checkin: { enabled: true, time: '00:00' },
    questionnaire: { enabled: false },
    program: { enabled: true, time: '00:00' },
  });
  expect(reminders.status).toBe(200);
  const enrol = await call(page, 'POST', '/api/enrolments', { programId: 'gut_brain_30_day' });
  expect(enrol.status).toBe(201);
  const due = await call(page, 'GET', '/api/reminders/due');
  expect(due.body.due.map((r: { kind: string }) => r.kind)).toEqual(['checkin', 'program']);
}

describe.each(testEngines())('escalation screens in Chromium on %s', (engine) => {
  const run = useServerAndBrowser(engine);
  const shot = (page: Page, name: string) =>
    engine === 'sqlite' ? screenshot(page, name) : Promise.resolve('');

  for (const [viewport, size] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    for (const scheme of ['light', 'dark'] as const) {
      it(`a severe GAD-7 shows the calm professional screen first: GP first, numbers below (${viewport}, ${scheme})`, async () => {
        const context = await run.browser.newContext({
          viewport: size,
          locale: 'de-DE',
          colorScheme: scheme,
        });
        const page = await context.newPage();
        await registerViaUi(page, run.server.url);
        await reminderDueAndProgramActive(page);
        await page.goto(`${run.server.url}/checks/gad7`);
        await page.getByRole('heading', { name: 'Generalized Anxiety Disorder 7-item (GAD-7)' }).waitFor();
        await answerAll(page, 'Nearly every day', 7);
        await page.getByRole('button', { name: 'See my result' }).click();

        const support = page.getByTestId('support-screen');
        await support.waitFor();
        expect(await support.getAttribute('data-kind')).toBe('professional');
        expect(await support.getByRole('heading', { level: 2 }).textContent()).toBe(
          'It’s time to talk to a professional',
        );
        expect(await page.getByTestId('screener-result').count()).toBe(0);
        // A GP or mental-health professional first, then the German numbers below.
        const html = await support.innerHTML();
        expect(html.indexOf('GP (family doctor)')).toBeLessThan(html.indexOf(`tel:${DE.emergency.dial}`));
        expect(
          await support.getByRole('link', { name: DE.crisisLines[0]?.number ?? '', exact: true }).count(),
        ).toBe(1);
        // Nothing above it: no reminder banner, no program nudge, no tour.
        expect(await page.locator('.reminder-banner').count()).toBe(0);
        expect(await page.getByText('Today’s program goals').count()).toBe(0);
        expect(await page.locator('.tour').count()).toBe(0);
        // No way to put it away: only "I've read this".
        expect(await support.getByRole('button', { name: /remind me/ }).count()).toBe(0);
        await shot(page, `professional-screen-${viewport}-${scheme}`);

        await support.getByRole('button', { name: /show my answers/ }).click();
        await page.getByTestId('screener-result').waitFor();
        expect(await page.getByTestId('support-reminder').count()).toBe(1);
        // The result still carries a trigger: still nothing above it.
        expect(await page.locator('.reminder-banner').count()).toBe(0);
        await shot(page, `professional-result-${viewport}-${scheme}`);

        // Suggestions come back, below the "talk to a professional" card — and no reminder above it
        // (the due reminders are loaded before the card is drawn, so a banner would be there by now).
        const dueLoaded = page.waitForResponse((r) => r.url().endsWith('/api/reminders/due'));
        await page.goto(`${run.server.url}/insights`);
        await dueLoaded;
        await page.getByTestId('talk-to-professional').waitFor();
        expect(await page.locator('.reminder-banner').count()).toBe(0);
        // Opening the result again shows the screen again: non-dismissible for that result.
        const [latest] = (await call(page, 'GET', '/api/screeners/responses')).body.responses;
        await page.goto(`${run.server.url}/checks/responses/${latest.id}`);
        await page.getByTestId('support-screen').waitFor();
        await context.close();
      });
    }
  }

  it('a "worth mentioning" result says plainly that a professional can help, with no screen (phone, dark)', async () => {
    const context = await run.browser.newContext({ viewport: PHONE, locale: 'en-GB', colorScheme: 'dark' });
    const page = await context.newPage();
    await registerViaUi(page, run.server.url);
    await page.goto(`${run.server.url}/checks/gad7`);
    await page.getByRole('heading', { name: 'Generalized Anxiety Disorder 7-item (GAD-7)' }).waitFor();
    await answerAll(page, 'More than half the days', 7); // 14: moderate
    await page.getByRole('button', { name: 'See my result' }).click();
    await page.getByTestId('screener-result').waitFor();
    expect(await page.getByTestId('support-screen').count()).toBe(0);
    const note = page.getByTestId('professional-note');
    await note.waitFor();
    expect(await note.getByText('A professional can help').count()).toBe(1);
    expect(await note.getByText(/book an appointment with your GP/).count()).toBe(1);
    await shot(page, 'mention-result-phone-dark');
    await context.close();
  });

  it('nothing above Get help now or the crisis screen, with a reminder due and a program active', async () => {
    const context = await run.browser.newContext({ viewport: PHONE, locale: 'de-DE' });
    const page = await context.newPage();
    await registerViaUi(page, run.server.url);
    await reminderDueAndProgramActive(page);
    // The control: elsewhere both the check-in reminder and the program nudge are there (Today
    // leaves out the check-in one, its form being the check-in).
    await page.goto(`${run.server.url}/history`);
    await page.getByRole('region', { name: 'Reminder: Today’s program goals' }).waitFor();
    expect(await page.locator('.reminder-banner').count()).toBe(2);

    await page.goto(`${run.server.url}/support`);
    await page.getByRole('heading', { name: 'Get help now' }).waitFor();
    await page.locator('[data-region="DE"]').waitFor();
    expect(await page.locator('.reminder-banner').count()).toBe(0);
    expect(await page.getByText('Today’s program goals').count()).toBe(0);
    expect(await page.locator('.tour').count()).toBe(0);
    await shot(page, 'support-page-nothing-above-phone');

    // A PHQ-9 with item 9 above 0: the crisis screen, with nothing above it.
    await page.goto(`${run.server.url}/checks/phq9`);
    await page.getByRole('heading', { name: 'Patient Health Questionnaire (PHQ-9)' }).waitFor();
    await answerAll(page, 'Several days', 9);
    await page.getByRole('button', { name: 'See my result' }).click();
    const support = page.getByTestId('support-screen');
    await support.waitFor();
    expect(await support.getAttribute('data-kind')).toBe('urgent');
    expect(await page.locator('.reminder-banner').count()).toBe(0);
    expect(await page.locator('.everyday').count()).toBe(0);
    expect(await page.locator('.tour').count()).toBe(0);
    await shot(page, 'crisis-screen-nothing-above-phone');

    // Insights pauses its suggestions behind a support card: no reminder or nudge above that either.
    const dueLoaded = page.waitForResponse((r) => r.url().endsWith('/api/reminders/due'));
    await page.goto(`${run.server.url}/insights`);
    await dueLoaded;
    await page.getByText('Suggestions are paused for now.', { exact: false }).waitFor();
    expect(await page.locator('.reminder-banner').count()).toBe(0);
    await shot(page, 'insights-paused-nothing-above-phone');
    // One questionnaire, counted in the singular under its chart.
    await page.locator('.insight-summary', { hasText: /^1 questionnaire in this range\./ }).waitFor();

    // Checks, with the result unread: the crisis screen comes before the questionnaires, not under them.
    await page.goto(`${run.server.url}/checks`);
    const onChecks = page.getByTestId('support-screen');
    await onChecks.waitFor();
    expect(await page.getByRole('region', { name: 'Questionnaires' }).count()).toBe(0);
    await shot(page, 'checks-crisis-first-phone');
    await onChecks.getByRole('button', { name: /show my scores/ }).click();
    await page.getByRole('region', { name: 'Questionnaires' }).waitFor();
    const checks = await page.locator('main').innerHTML();
    expect(checks.indexOf('data-testid="support-reminder"')).toBeGreaterThan(-1);
    expect(checks.indexOf('data-testid="support-reminder"')).toBeLessThan(checks.indexOf('Take again'));
    await context.close();
  });

  // The written form itself is checked against Lifeline's page in regions.test.ts (numbers live only in the data).
  it('shows a texting number as people write it, not as raw digits: Lifeline Australia (phone and desktop, light and dark)', async () => {
    const lifeline = regionById('AU').crisisLines[0];
    for (const [viewport, size] of [
      ['phone', PHONE],
      ['desktop', DESKTOP],
    ] as const) {
      for (const scheme of ['light', 'dark'] as const) {
        const context = await run.browser.newContext({
          viewport: size,
          locale: 'en-AU',
          colorScheme: scheme,
        });
        const page = await context.newPage();
        await page.goto(`${run.server.url}/support`);
        const numbers = page.locator('section[data-region="AU"]');
        await numbers.waitFor();
        const text = numbers.getByRole('link', { name: `Text ${lifeline?.textLabel}`, exact: true });
        expect(await text.getAttribute('href')).toBe(`sms:${lifeline?.text}`);
        expect(lifeline?.textLabel).not.toBe(lifeline?.text);
        expect(await numbers.getByText(`Text ${lifeline?.text}`).count()).toBe(0);
        await shot(page, `support-australia-text-${viewport}-${scheme}`);
        await context.close();
      }
    }
  });

  it('an unknown country (locale "en") gets the picker first, then 112 and the directories', async () => {
    const context = await run.browser.newContext({ viewport: PHONE, locale: 'en' });
    const page = await context.newPage();
    await page.goto(`${run.server.url}/support`);
    await page.getByRole('heading', { name: 'Which country are you in?' }).waitFor();
    const html = await page.locator('main').innerHTML();
    expect(html.indexOf('Which country are you in?')).toBeLessThan(
      html.indexOf(`tel:${INTL.emergency.dial}`),
    );
    expect(
      await page.getByRole('link', { name: INTL.emergency.number, exact: true }).getAttribute('href'),
    ).toBe(`tel:${INTL.emergency.dial}`);
    const numbers = page.locator('section[data-region="INTL"]');
    expect(await numbers.getByRole('link', { name: 'findahelpline.com', exact: true }).count()).toBe(1);
    await shot(page, 'support-unknown-country-phone');
    await page.getByLabel('Show numbers for').selectOption('IN');
    await page.locator('[data-region="IN"]').waitFor();
    const india = regionById('IN');
    expect(
      await page.getByRole('link', { name: india.crisisLines[0]?.number ?? '', exact: true }).count(),
    ).toBe(1);

    // At sign-up the country is asked, pre-filled from the browser: "en" has none, so "Another country".
    await page.goto(`${run.server.url}/register`);
    expect(await page.getByLabel('Country').inputValue()).toBe('INTL');
    await context.close();
  });

  it('sign-up asks the country, pre-filled from the browser’s locale, and saves the one chosen', async () => {
    const context = await run.browser.newContext({ viewport: PHONE, locale: 'de-AT' });
    const page = await context.newPage();
    await page.goto(`${run.server.url}/register`);
    const country = page.getByLabel('Country');
    await expect.poll(() => country.inputValue()).toBe('AT');
    await country.selectOption('CH');
    await page.getByLabel('Name to show').fill('Sam');
    await page.getByLabel('Email').fill(`sam-${engine}-${Date.now()}@example.com`);
    await page.getByLabel('Password').fill('a long enough password');
    await page.getByRole('button', { name: 'Create account' }).click();
    await page.getByRole('heading', { name: 'Today’s check-in' }).waitFor();
    const status = await call(page, 'GET', '/api/safety/status');
    expect(status.body.region).toEqual({ id: 'CH', source: 'settings' });
    await page.goto(`${run.server.url}/support`);
    await page.locator('[data-region="CH"]').waitFor();
    await context.close();
  });
});
