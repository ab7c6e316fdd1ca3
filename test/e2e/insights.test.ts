/**
 * Insights in Chromium: load sample data from the empty History page, open Insights, see the
 * charts, the findings (plain words, certainty, a chart each, numbers under Details, "Test this")
 * and a cited suggestion, start experiments from both, and open the weekly report. Screenshots at
 * 390×844 and 1280×800, light and dark, under test-results/screenshots/.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, registerViaUi, screenshot, useServerAndBrowser } from '../support/browser.ts';
import { testEngines } from '../support/db.ts';

async function skipTour(page: Page) {
  const skip = page.getByRole('button', { name: 'Skip tour' });
  if (await skip.isVisible()) await skip.click();
}

describe.each(testEngines())('insights in Chromium on %s', (engine) => {
  const run = useServerAndBrowser(engine);

  it('sample data → charts, associations, a cited suggestion started as an experiment, the weekly report', async () => {
    const context = await run.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await registerViaUi(page, run.server.url, 'Sam');
    await skipTour(page);

    await page.goto(`${run.server.url}/history`);
    await page.getByRole('button', { name: 'Try it with sample data' }).click();
    await page.waitForURL(/\/insights$/, { timeout: 30_000 });
    await page.getByRole('heading', { name: 'Insights', level: 1 }).waitFor();
    // The account is labelled as a demo wherever the name shows.
    const session = await page.evaluate(() => fetch('/api/auth/session').then((r) => r.json()));
    expect(session.person.displayName).toBe('Sam (Demo)');

    // Charts drawn (Observable Plot SVGs), each with a text summary.
    await page.locator('.insight-chart svg').first().waitFor({ timeout: 30_000 });
    expect(await page.locator('.insight-chart figure svg').count()).toBeGreaterThanOrEqual(6);
    await expect
      .poll(() => page.locator('.insight-chart figcaption').first().textContent())
      .toMatch(/Mood averaged \d\.\d out of 10/);
    // Questionnaires beside mood: the sample data has fortnightly questionnaires.
    await page.locator('section[aria-labelledby="questionnaires-title"] svg').first().waitFor();
    // The sample person is three weeks into the 30-day challenge.
    await page.locator('section[aria-labelledby="programs-title"] svg').first().waitFor();

    // "What goes with my better days": findings in plain words with certainty, a chart and Details.
    const better = page.locator('section[aria-labelledby="better-days-title"]');
    const finding = better.locator('.finding').first();
    await finding.waitFor();
    expect(await finding.locator('.finding-sentence').textContent()).toMatch(
      /^(On days with|The day after) .*, over \d+ days/,
    );
    expect(await finding.locator('.certainty').textContent()).toMatch(/^(Clear|Possible)$/);
    expect(await finding.locator('.finding-chart svg circle').count()).toBeGreaterThan(20);
    expect(await finding.locator('.finding-chart figcaption').textContent()).toMatch(/Each dot is a day/);
    expect(await finding.locator('.finding-details ul').isVisible()).toBe(false);
    await finding.getByText('Details', { exact: true }).click();
    expect(await finding.locator('.finding-details').textContent()).toMatch(
      /after comparing \d+ pairs \(Benjamini–Hochberg\).*count as about \d+ independent ones/,
    );
    // One legend, explained once; no list of every comparison; outcomes' own links apart and collapsed.
    expect(await better.locator('.certainty-legend').count()).toBe(1);
    expect(await better.getByText(/Why can a likely range that leaves out zero/).count()).toBe(1);
    expect(await better.textContent()).not.toMatch(/more comparisons? without a clear difference/);
    expect(await better.locator('.finding').count()).toBeLessThanOrEqual(10);
    expect(await better.locator('details.together').getAttribute('open')).toBeNull();
    expect(await better.locator('details.together li').first().isVisible()).toBe(false);
    const sentences = await better.locator('.finding-sentence').allTextContents();
    expect(sentences.filter((t) => /your (mood|energy|focus) (and|was higher)/.test(t))).toEqual([]);

    // A suggestion with its trigger, graded evidence and a DOI link.
    const rec = page.locator('.recommendation').first();
    await rec.waitFor();
    expect(await rec.textContent()).toContain('Why now:');
    expect(await rec.locator('.evidence-badge').count()).toBe(1);
    expect(await rec.locator('a[href^="https://doi.org/10."]').count()).toBeGreaterThan(0);
    await screenshot(page, `insights-phone-${engine}`);

    const title = (await rec.locator('h3').textContent()) as string;
    await rec.getByRole('button', { name: 'Start as an experiment' }).click();
    await page.getByText(/^Started “/).waitFor();
    const experiment = page.locator('.experiment').first();
    await experiment.waitFor();
    expect(await experiment.textContent()).toContain('from a suggestion');
    // The suggestion being tried is no longer offered.
    await expect.poll(() => page.locator('.recommendation h3').allTextContents()).not.toContain(title);
    await experiment.getByRole('button', { name: 'See result' }).click();
    await experiment.locator('.experiment-result').waitFor();
    expect(await experiment.locator('.experiment-result').textContent()).toMatch(/So far|Result/);

    // "Test this" on a finding starts an experiment judged on that finding's outcome.
    const idea = (await finding
      .getByRole('button', { name: /^Test this/ })
      .getAttribute('aria-label')) as string;
    const ideaTitle = /“(.*)”/.exec(idea)?.[1] as string;
    await finding.getByRole('button', { name: /^Test this/ }).click();
    await finding.getByText(/^Started “.*”, judged on your /).waitFor();
    const tested = page.locator('.experiment', { hasText: ideaTitle }).first();
    await tested.waitFor();
    expect(await tested.textContent()).toMatch(
      /judged on (mood|energy|focus|stress|sleep quality|life satisfaction|gut comfort)/,
    );

    await page.setViewportSize(DESKTOP);
    await page.reload();
    await page.locator('.insight-chart svg').first().waitFor({ timeout: 30_000 });
    await page.locator('.recommendation, .insight-empty').first().waitFor();
    await page.locator('.finding .finding-chart svg').first().waitFor();
    await screenshot(page, `insights-desktop-${engine}`);
    await page.emulateMedia({ colorScheme: 'dark' });
    await screenshot(page, `insights-desktop-dark-${engine}`);
    await page.setViewportSize(PHONE);
    await screenshot(page, `insights-phone-dark-${engine}`);
    await page.emulateMedia({ colorScheme: 'light' });
    await page.setViewportSize(DESKTOP);

    // The weekly report, on both sizes.
    await page.getByRole('link', { name: 'Weekly report' }).click();
    await page.getByRole('heading', { name: 'Weekly report', level: 1 }).waitFor();
    await page.locator('.week-table tbody tr').first().waitFor();
    expect(await page.locator('.week-table tbody tr').count()).toBe(8);
    expect(await page.locator('.week-report .association-list li').count()).toBeGreaterThan(0);
    await screenshot(page, `week-desktop-${engine}`);
    await page.setViewportSize(PHONE);
    await screenshot(page, `week-phone-${engine}`);
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    await screenshot(page, `week-print-${engine}`);
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});
