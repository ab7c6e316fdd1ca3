/**
 * Wearables in Chromium: upload an Apple Health export.zip under Data & sharing (two weeks of a
 * watch and a phone, written by bench/apple-health-export.ts and zipped as the Health app does),
 * then see last night filled in on Today, marked as coming from the watch and still editable, the
 * nights in Insights' sleep chart, and each day's device values in History (days without a
 * check-in too). Screenshots at 390×844 and 1280×800, light and dark.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { writeAppleHealthExport } from '../../bench/apple-health-export.ts';
import { addDays } from '../../src/core/dates.ts';
import { DESKTOP, PHONE, registerViaUi, screenshot, useServerAndBrowser } from '../support/browser.ts';
import { testEngines } from '../support/db.ts';

async function skipTour(page: Page) {
  const skip = page.getByRole('button', { name: 'Skip tour' });
  if (await skip.isVisible()) await skip.click();
}

describe.each(testEngines())('wearables in Chromium on %s', (engine) => {
  const run = useServerAndBrowser(engine);

  it('an Apple Health zip fills last night on Today and shows in Insights and History', {
    timeout: 180_000,
  }, async () => {
    const context = await run.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await registerViaUi(page, run.server.url, 'Ana');
    await skipTour(page);
    const session = await page.evaluate(() => fetch('/api/auth/session').then((r) => r.json()));
    const zone: string = session.person.timeZone;
    const today: string = new Intl.DateTimeFormat('en-CA', { timeZone: zone }).format(new Date());
    const yesterday = addDays(today, -1);

    const dir = mkdtempSync(join(tmpdir(), 'gutbrain-e2e-apple-'));
    const xml = join(dir, 'export.xml');
    await writeAppleHealthExport(xml, { days: 14, endDate: yesterday, timeZone: zone });
    const zip = join(dir, 'export.zip');
    writeFileSync(zip, zipSync({ 'apple_health_export/export.xml': readFileSync(xml) }));

    await page.goto(`${run.server.url}/data`);
    const card = page.locator('section.cap-wearables');
    await card.getByLabel('Phone or wearable').selectOption('apple-health');
    await card.getByLabel('Export to upload').setInputFiles(zip);
    await card.getByRole('button', { name: 'Upload and import' }).click();
    const notice = card.getByText(/Apple Health: [\d,]+ daily values from/);
    await notice.waitFor({ timeout: 120_000 });
    expect(await notice.textContent()).toMatch(/new, 0 updated, 0 already here/);
    await card.getByRole('button', { name: 'Delete all from Apple Health' }).waitFor();
    // The watch comes before the phone when both counted the same minutes.
    expect(await card.locator('.origin-order li').allTextContents()).toEqual([
      expect.stringContaining('Ana’s Apple Watch'),
      expect.stringContaining('Ana’s iPhone'),
    ]);
    await screenshot(page, `wearables-data-phone-${engine}`);

    // Yesterday's night from the watch, in the check-in's own fields, still editable.
    const night = await page.evaluate(
      (d) => fetch(`/api/wearables/days/${d}`).then((r) => r.json()),
      yesterday,
    );
    const value = (m: string) => night.values.find((v: { measure: string }) => v.measure === m)?.value;
    await page.goto(`${run.server.url}/today?date=${yesterday}`);
    await page.getByText('Sleep filled in from Ana’s Apple Watch').waitFor();
    // The whole device day once, in its own card; not again as an "imported" tracker day.
    const devicePanel = page.getByRole('region', { name: 'From your phone or watch' });
    await devicePanel
      .getByText(/Ana’s Apple Watch/)
      .first()
      .waitFor();
    const nightSteps = night.values.find((v: { measure: string }) => v.measure === 'steps')?.value;
    const stepsText = await page.evaluate((n) => new Intl.NumberFormat().format(n), nightSteps);
    expect(await devicePanel.getByText(`${stepsText} steps`).count()).toBe(1);
    expect(await page.getByRole('heading', { name: 'Imported for this day' }).count()).toBe(0);
    expect(Number(await page.getByLabel('Hours slept').inputValue())).toBe(value('sleep_hours'));
    const hhmm = (minutes: number) =>
      `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
    expect(await page.getByLabel('Bedtime').inputValue()).toBe(hhmm(value('bedtime')));
    expect(await page.getByLabel('Wake time').inputValue()).toBe(hhmm(value('wake_time')));
    await page.getByLabel('Hours slept').fill('6.5');
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.getByText(/^Saved at/).waitFor();
    const saved = await page.evaluate((d) => fetch(`/api/checkins/${d}`).then((r) => r.json()), yesterday);
    expect(saved.checkin.sleepHours).toBe(6.5);
    await screenshot(page, `wearables-today-phone-${engine}`);

    // Insights: the nights from the watch in the sleep chart (the person's own 6.5 counts first).
    await page.goto(`${run.server.url}/insights`);
    const sleepChart = page.locator('section[aria-labelledby="trend-sleep-title"]');
    await expect
      .poll(() => sleepChart.locator('.insight-summary').textContent(), { timeout: 30_000 })
      .toMatch(/Sleep averaged [\d.]+ hours over 1[34] days/);

    // History: every day of the export, each with its device values in the browser's number format.
    const before = addDays(yesterday, -1);
    const earlier = await page.evaluate(
      (d) => fetch(`/api/wearables/days/${d}`).then((r) => r.json()),
      before,
    );
    const steps = (day: { values: { measure: string; value: number }[] }) =>
      day.values.find((v) => v.measure === 'steps')?.value ?? Number.NaN;
    const [yesterdaySteps, beforeSteps] = await page.evaluate(
      (ns) => ns.map((n) => new Intl.NumberFormat().format(n)),
      [steps(night), steps(earlier)],
    );
    await page.goto(`${run.server.url}/history`);
    const days = page.locator('.day-list > li');
    await days.first().waitFor();
    expect(await days.count()).toBe(14);
    // Yesterday has the person's own check-in (Sleep 6.5 h) and, beside it, the watch's values.
    const last = days.first();
    expect(await last.getByRole('link').getAttribute('aria-label')).toMatch(/^Edit /);
    await last.locator('.chips').first().getByText('Sleep 6.5 h', { exact: true }).waitFor();
    const lastDevices = last.locator('.device-values');
    await lastDevices.getByText(`${yesterdaySteps} steps`, { exact: true }).waitFor();
    await lastDevices.getByText('from Ana’s Apple Watch and Ana’s iPhone (Apple Health)').waitFor();
    // The day before: no check-in, only what the watch and phone recorded.
    const deviceOnly = days.nth(1);
    expect(await deviceOnly.getByRole('link').getAttribute('aria-label')).toMatch(/^Open /);
    expect(await deviceOnly.locator('.device-values').allTextContents()).toEqual([
      expect.stringContaining(`${beforeSteps} steps`),
    ]);
    await deviceOnly.getByText(/^Resting heart rate \d+ bpm$/).waitFor();
    await deviceOnly.getByText(/^HRV \d+ ms \(SDNN\)$/).waitFor();
    await screenshot(page, `wearables-history-phone-${engine}`);
    expect(errors).toEqual([]);

    for (const [viewport, scheme] of [
      [DESKTOP, 'light'],
      [PHONE, 'dark'],
      [DESKTOP, 'dark'],
    ] as const) {
      await page.setViewportSize(viewport);
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto(`${run.server.url}/data`);
      await page.locator('section.cap-wearables .source-list').waitFor();
      await screenshot(page, `wearables-data-${viewport.width}-${scheme}-${engine}`);
      await page.goto(`${run.server.url}/today?date=${addDays(yesterday, -1)}`);
      await page.getByText('Sleep filled in from Ana’s Apple Watch').waitFor();
      await screenshot(page, `wearables-today-${viewport.width}-${scheme}-${engine}`);
      await page.goto(`${run.server.url}/history`);
      await page.locator('.day-list .device-values').first().waitFor();
      await screenshot(page, `wearables-history-${viewport.width}-${scheme}-${engine}`);
    }
    await context.close();
  });
});
