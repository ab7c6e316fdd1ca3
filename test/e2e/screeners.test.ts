/**
 * Every safety trigger through the browser: PHQ-9 item 9, each red flag of the signals check, and
 * the diary rule. Each shows the support screen with the numbers of the region the browser's
 * locale (or the person's setting) picks — and the PHQ-9 score only after it.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.ts';
import { regionById } from '../../src/core/safety/regions.ts';
import {
  DESKTOP,
  openNav,
  PHONE,
  registerViaUi,
  screenshot,
  useServerAndBrowser,
} from '../support/browser.ts';
import { testEngines } from '../support/db.ts';

// Numbers come from the data (src/core/safety/crisis-lines.ts is the only place they live).
const IE = regionById('IE');
const AU = regionById('AU');
const US = regionById('US');
const GB = regionById('GB');
const DE = regionById('DE');
const line = (r: typeof IE) => r.crisisLines[0]?.number ?? '';

const RED_FLAGS = [
  'Thoughts of self-harm or suicide',
  'Persistent hopelessness lasting more than 2 weeks',
  'Severe anxiety interfering with daily activities',
  'Dramatic mood swings affecting relationships',
  'Substance use to manage emotions',
  'Significant changes in eating or sleeping patterns',
];

/** Ticks one answer per question: `choices[i]` is the label for item i + 1. */
async function answerQuestionnaire(page: Page, choices: string[]) {
  const groups = page.locator('fieldset.question');
  for (let i = 0; i < choices.length; i += 1) {
    await groups
      .nth(i)
      .getByLabel(choices[i] as string, { exact: true })
      .check();
  }
}

describe.each(testEngines())('self-checks and the safety pathway in Chromium on %s', (engine) => {
  const run = useServerAndBrowser(engine);
  const shot = (page: Page, name: string) =>
    engine === 'sqlite' ? screenshot(page, name) : Promise.resolve('');

  for (const [viewport, size] of [
    ['phone', PHONE],
    ['desktop', DESKTOP],
  ] as const) {
    it(`PHQ-9 item 9 above 0 shows the Irish numbers before any score (${viewport})`, async () => {
      const context = await run.browser.newContext({ viewport: size, locale: 'en-IE' });
      const page = await context.newPage();
      await registerViaUi(page, run.server.url);
      await openNav(page, 'Checks');
      await page.getByRole('heading', { name: 'Checks', exact: true }).waitFor();
      await page.locator('.check-card', { hasText: 'PHQ-9' }).getByRole('link').click();
      await page.getByRole('heading', { name: 'Patient Health Questionnaire (PHQ-9)' }).waitFor();
      await page
        .getByText('Thoughts that you would be better off dead or of hurting yourself in some way')
        .waitFor();

      // Sending with a question left out names it and sends nothing.
      await answerQuestionnaire(page, Array(8).fill('Several days'));
      await page.getByRole('button', { name: 'See my result' }).click();
      await page.getByText('Please answer this question.').waitFor();
      expect(await page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.name)).toBe(
        'phq9_9',
      );
      if (viewport === 'phone') await shot(page, 'phq9-form-phone');

      await page.locator('fieldset.question').nth(8).getByLabel('Several days', { exact: true }).check();
      await page.getByRole('button', { name: 'See my result' }).click();
      const support = page.getByTestId('support-screen');
      await support.waitFor();
      expect(await page.getByTestId('screener-result').count()).toBe(0);
      expect(await page.getByText(/Total score/).count()).toBe(0);
      expect(await support.getByText(IE.emergency.number, { exact: true }).count()).toBe(1);
      expect(await support.getByText(line(IE), { exact: true }).count()).toBe(1);
      expect(await support.getByRole('link', { name: 'Psychiatrist' }).getAttribute('href')).toBe(
        '/learn/psychiatrist',
      );
      for (const name of [
        'GP (family doctor)',
        'Psychologist',
        'Nutrition professional',
        'Integrative medicine doctor',
      ]) {
        expect(await support.getByRole('link', { name }).count()).toBe(1);
      }
      await shot(page, `phq9-support-${viewport}`);

      await support.getByRole('button', { name: /show my answers/ }).click();
      const result = page.getByTestId('screener-result');
      await result.waitFor();
      expect(await result.getByText('Total score: 9').count()).toBe(1);
      expect(await result.locator('.result-band').getByText('Mild', { exact: true }).count()).toBe(1);
      expect(await result.getByText(/screening score, not a diagnosis/).count()).toBe(1);
      // The way to help stays above the result.
      expect(await page.getByTestId('support-reminder').count()).toBe(1);
      await shot(page, `phq9-result-${viewport}`);

      // The Checks page keeps the support screen in front of the scores while the trigger is recent.
      await page.getByRole('link', { name: 'Back to checks' }).click();
      await page.getByTestId('support-screen').waitFor();
      expect(await page.getByText('Your results').count()).toBe(0);
      await page.getByRole('button', { name: /show my scores/ }).click();
      await page.locator('.checks-chart svg').first().waitFor();
      expect(await page.getByText('Your results').count()).toBe(1);
      await shot(page, `checks-overview-${viewport}`);
      await context.close();
    });
  }

  it('each red flag in the signals check shows the Australian numbers; only self-harm gets the crisis heading', async () => {
    const context = await run.browser.newContext({ viewport: PHONE, locale: 'en-AU' });
    const page = await context.newPage();
    await registerViaUi(page, run.server.url);
    for (const [n, flag] of RED_FLAGS.entries()) {
      await page.goto(`${run.server.url}/checks/signals`);
      await page.getByRole('heading', { name: 'Signals check' }).waitFor();
      const questions = page.locator('fieldset.yesno');
      const count = await questions.count();
      expect(count).toBe(22);
      for (let i = 0; i < count; i += 1) {
        const q = questions.nth(i);
        const label = (await q.locator('legend').textContent()) ?? '';
        const yes = label === flag || (n === 0 && /worry|Muscle tension|Fatigue/.test(label));
        await q.getByLabel(yes ? 'Yes' : 'No', { exact: true }).check();
      }
      if (n === 0) await shot(page, 'signals-form-phone');
      await page.getByRole('button', { name: 'See my reflection' }).click();
      const support = page.getByTestId('support-screen');
      await support.waitFor();
      expect(await support.getByText(flag.toLowerCase(), { exact: false }).count()).toBe(1);
      expect(await support.getAttribute('data-kind')).toBe(n === 0 ? 'urgent' : 'professional');
      expect(await support.getByRole('heading', { level: 2 }).textContent()).toBe(
        n === 0 ? 'You don’t have to handle this alone' : 'It’s time to talk to a professional',
      );
      expect(await support.getByText(AU.emergency.number, { exact: true }).count()).toBe(1);
      expect(await support.getByText(line(AU), { exact: true }).count()).toBe(1);
      if (n === 5) await shot(page, 'signals-eating-sleeping-professional-phone');
      expect(await page.getByTestId('signals-result').count()).toBe(0);
      if (n === 0) {
        await shot(page, 'signals-support-phone');
        await support.getByRole('button', { name: /show my answers/ }).click();
        const result = page.getByTestId('signals-result');
        await result.waitFor();
        expect(await result.getByText(/These symptoms can have many causes/).count()).toBe(1);
        expect(await result.locator('h3').getByRole('link', { name: 'GABA', exact: true }).count()).toBe(1);
        await shot(page, 'signals-result-phone');
      }
    }
    await context.close();
  });

  it('the diary rule: the 10th low day of 14, saved on Today, brings the US numbers; it can be put away', async () => {
    const context = await run.browser.newContext({
      viewport: DESKTOP,
      locale: 'en-US',
      timezoneId: 'America/New_York',
    });
    const page = await context.newPage();
    await registerViaUi(page, run.server.url);
    // Nine low days and four good ones through the API (as the Today page would save them)…
    await page.evaluate(
      async (days) => {
        const { csrfToken } = await (await fetch('/api/auth/session')).json();
        for (const [date, mood] of days) {
          const res = await fetch(`/api/checkins/${date}`, {
            method: 'PUT',
            headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken },
            body: JSON.stringify({ mood }),
          });
          if (!res.ok) throw new Error(`check-in ${date}: ${res.status}`);
        }
      },
      await lowDays(page),
    );
    await page.goto(`${run.server.url}/checks`);
    await page.getByRole('heading', { name: 'Checks', exact: true }).waitFor();
    expect(await page.getByTestId('support-screen').count()).toBe(0);

    // …and the tenth through the form.
    await page.goto(`${run.server.url}/today`);
    await page
      .getByRole('group', { name: /^Mood/ })
      .getByRole('radio', { name: /^2 of 10/ })
      .click();
    const saved = page.waitForResponse(
      (r) => r.url().includes('/api/checkins/') && r.request().method() === 'PUT',
    );
    await page.getByRole('button', { name: 'Save check-in' }).click();
    expect((await (await saved).json()).support.triggers[0].code).toBe('low_mood_pattern');

    await page.goto(`${run.server.url}/checks`);
    const support = page.getByTestId('support-screen');
    await support.waitFor();
    expect(await support.getByText(/10 of the 14 days you logged/).count()).toBe(1);
    expect(await support.getByText(US.emergency.number, { exact: true }).count()).toBe(1);
    expect(await support.getByText(line(US), { exact: true }).count()).toBe(1);
    await shot(page, 'diary-support-desktop');
    await support.getByRole('button', { name: /remind me in 7 days/ }).click();
    await expect.poll(() => page.getByTestId('support-screen').count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: 'Checks', exact: true }).waitFor();
    expect(await page.getByTestId('support-screen').count()).toBe(0);
    await context.close();
  });

  it('Get help now is open to anyone, defaults from the locale, and saves a chosen region', async () => {
    const context = await run.browser.newContext({ viewport: PHONE, locale: 'de-DE' });
    const page = await context.newPage();
    await page.goto(`${run.server.url}/support`);
    await page.getByRole('heading', { name: 'Get help now' }).waitFor();
    expect(await page.locator('[data-region="DE"]').count()).toBe(1);
    expect(
      await page.getByRole('link', { name: DE.emergency.number, exact: true }).getAttribute('href'),
    ).toBe(`tel:${DE.emergency.dial}`);
    expect(await page.getByRole('link', { name: line(DE), exact: true }).count()).toBe(1);
    await shot(page, 'support-page-phone');

    await registerViaUi(page, run.server.url);
    await page.goto(`${run.server.url}/support`);
    await page.locator('[data-region="DE"]').waitFor();
    await page.getByLabel('Show numbers for').selectOption('GB');
    await page.getByText('Country saved.').waitFor();
    await page.reload();
    await page.locator('[data-region="GB"]').waitFor();
    expect(await page.getByRole('link', { name: GB.emergency.number, exact: true }).count()).toBe(1);
    expect(await page.getByText('Saved in your settings.').count()).toBe(1);
    await page.setViewportSize(DESKTOP);
    await shot(page, 'support-page-desktop');

    // Settings reads the same saved region, and "from this browser" hands the choice back to the locale.
    await page.setViewportSize(PHONE);
    await page.goto(`${run.server.url}/settings`);
    const picker = page.getByRole('combobox', { name: 'Country' });
    await expect.poll(() => picker.inputValue()).toBe('GB');
    // "Automatic" names the browser's country (de-DE) and fits a phone-width select.
    const automatic = picker.locator('option[value=""]');
    expect(await automatic.textContent()).toBe('Automatic (Germany)');
    expect(
      await picker.evaluate((select: HTMLSelectElement) => {
        const probe = document.createElement('span');
        probe.style.font = getComputedStyle(select).font;
        probe.textContent = select.querySelector('option[value=""]')?.textContent ?? '';
        document.body.append(probe);
        const width = probe.getBoundingClientRect().width;
        probe.remove();
        return width < select.clientWidth - 40; // the arrow and padding take about 40 px
      }),
    ).toBe(true);
    const saved = page.waitForResponse(
      (r) => r.url().endsWith('/api/safety/region') && r.request().method() === 'PUT',
    );
    await picker.selectOption('');
    expect((await saved).status()).toBe(200);
    await page.goto(`${run.server.url}/support`);
    await page.locator('[data-region="DE"]').waitFor();
    expect(await page.getByText('Saved in your settings.').count()).toBe(0);
    await context.close();
  });
});

/** Thirteen days before the person's today: four good days, then nine with mood ≤ 3. */
async function lowDays(page: Page): Promise<[string, number][]> {
  const today = await page.evaluate(() =>
    new Intl.DateTimeFormat('en-CA', { timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone }).format(
      new Date(),
    ),
  );
  return Array.from({ length: 13 }, (_, i) => [addDays(today, i - 13), i < 4 ? 7 : 3]);
}
