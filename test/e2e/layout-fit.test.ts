/**
 * Layout breaks a person saw on a phone (issue 18), measured: the program's "Start on" date and
 * the check-in's bedtime in a 12-hour locale show whole; questionnaire band names are never cut;
 * Data & sharing does not scroll sideways with a long clinician email; the import mapping's
 * selects are styled like every other field (full-size text, 44 px tall). Phone and desktop.
 */
import type { Locator, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, registerViaUi, useServerAndBrowser } from '../support/browser.ts';
import { testEngines } from '../support/db.ts';
import { daysAgo, pageApi } from '../support/page-api.ts';

const SIZES = { phone: PHONE, desktop: DESKTOP } as const;
const daylio = new URL('../../src/core/import/fixtures/daylio-current.csv', import.meta.url).pathname;

/**
 * Room left in an input for `text` in its own font: its content box minus the text's width and
 * `icon` px for the browser's picker button. Negative means the text is cut.
 */
function spareRoom(input: Locator, text: string, icon: number): Promise<number> {
  return input.evaluate(
    (el, [t, i]) => {
      const style = getComputedStyle(el);
      const ctx = document.createElement('canvas').getContext('2d') as CanvasRenderingContext2D;
      ctx.font = `${style.fontWeight} ${style.fontSize} ${style.fontFamily}`;
      const content =
        el.clientWidth - Number.parseFloat(style.paddingLeft) - Number.parseFloat(style.paddingRight);
      return content - ctx.measureText(t as string).width - (i as number);
    },
    [text, icon] as const,
  );
}

const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

describe.each(testEngines())('layout that fits on %s', (engine) => {
  const run = useServerAndBrowser(engine);

  for (const [size, viewport] of Object.entries(SIZES)) {
    it(`dates and times show whole, band names are not cut (${size})`, async () => {
      // A 12-hour locale: the longest way to write a bedtime ("11:15 PM").
      const context = await run.browser.newContext({ viewport, locale: 'en-US' });
      const page = await context.newPage();
      await registerViaUi(page, run.server.url);
      const api = await pageApi(page, run.server.url);
      await api.put(`/api/checkins/${daysAgo(1)}`, { bedtime: '23:15', wakeTime: '07:00' });

      // Today: the bedtime (pre-filled from yesterday) with its AM/PM.
      await page.reload();
      const bedtime = page.getByLabel('Bedtime');
      await expect.poll(() => bedtime.inputValue()).toBe('23:15');
      expect(await spareRoom(bedtime, '11:15 PM', 20)).toBeGreaterThanOrEqual(0);

      // Programs: the start date, whole, beside or above its button.
      await page.goto(`${run.server.url}/programs`);
      const start = page.getByLabel('Start on').first();
      await start.waitFor();
      expect(await spareRoom(start, '12/30/2026', 20)).toBeGreaterThanOrEqual(0);

      // A PHQ-9 result: every band's name fits its part of the scale (15 is "Moderately severe").
      const answers = Object.fromEntries(
        [1, 2, 3, 4, 5, 6, 7, 8, 9].map((n) => [`phq9_${n}`, n <= 7 ? 2 : 1]),
      );
      const res = await api.post('/api/screeners/phq9', { answers: { ...answers, phq9_9: 0 } });
      const { response } = (await res.json()) as { response: { id: string; score: number } };
      expect(response.score).toBe(15);
      await page.goto(`${run.server.url}/checks/responses/${response.id}`);
      const segments = page.locator('.bandbar-seg');
      await segments.first().waitFor();
      const cut = await segments.evaluateAll((els) =>
        els
          .filter((el) => el.scrollWidth > el.clientWidth + 1 || el.scrollHeight > el.clientHeight + 1)
          .map((el) => el.textContent),
      );
      expect(await segments.count()).toBe(5);
      expect(cut).toEqual([]);
      await context.close();
    });

    it(`Data & sharing stays on the screen with a long clinician email; import selects are styled (${size})`, async () => {
      const clinicianContext = await run.browser.newContext();
      const dr = await clinicianContext.newPage();
      const long = `dr.maria-fernanda.gonzalez-rodriguez.${size}.${engine}@a-very-long-clinic-name.example.org`;
      await dr.goto(`${run.server.url}/register`);
      await dr.getByLabel('Name to show').fill('Dr Gonzalez');
      await dr.getByLabel('Email').fill(long);
      await dr.getByLabel('Password').fill('a long enough password');
      await dr.getByRole('button', { name: 'Create account' }).click();
      await dr.getByRole('heading', { name: 'Today’s check-in' }).waitFor();
      await (await pageApi(dr, run.server.url)).put('/api/sharing/role', { clinician: true });
      await clinicianContext.close();

      const context = await run.browser.newContext({ viewport });
      const page = await context.newPage();
      await registerViaUi(page, run.server.url);
      expect(
        (
          await (await pageApi(page, run.server.url)).post('/api/sharing/grants', { clinicianEmail: long })
        ).status(),
      ).toBe(201);
      await page.goto(`${run.server.url}/data`);
      await page.getByText(long).waitFor();
      expect(await overflowsSideways(page)).toBe(false);

      await page.getByLabel('From').selectOption('daylio');
      await page.getByLabel('File').setInputFiles(daylio);
      await page.getByRole('button', { name: 'Preview' }).click();
      const select = page.locator('.import-table select').first();
      await select.waitFor();
      // Styled like the other fields: the table's text size (not the browser's 13.3 px), a
      // 44 px tap target and the app's rounded border.
      const look = await select.evaluate((el) => {
        const s = getComputedStyle(el);
        const table = getComputedStyle(el.closest('table') as HTMLElement);
        return {
          height: el.getBoundingClientRect().height,
          font: s.fontSize,
          table: table.fontSize,
          radius: s.borderRadius,
        };
      });
      expect(look.height).toBeGreaterThanOrEqual(44);
      expect(look.font).toBe(look.table);
      expect(look.radius).toBe('8px');
      expect(await overflowsSideways(page)).toBe(false);
      await context.close();
    });
  }
});
