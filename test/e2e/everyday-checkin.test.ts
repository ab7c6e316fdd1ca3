/**
 * The everyday check-in as a person meets it (issue 18): imported days visible in History and on
 * Today (marked with their app, read-only), and the everyday check-in in at most 12 taps with no
 * typing — counted, on a phone — with nothing drawn over its inputs and the form on the first
 * screen even when the tour and a reminder are showing.
 */
import { readFileSync } from 'node:fs';
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, registerViaUi, useServerAndBrowser } from '../support/browser.ts';
import { testEngines } from '../support/db.ts';
import { daysAgo, pageApi } from '../support/page-api.ts';

/** The Daylio fixture moved to 6–8 days ago, so History's 30 days include it. */
function daylioNearToday(): string {
  return readFileSync(new URL('../../src/core/import/fixtures/daylio-current.csv', import.meta.url), 'utf8')
    .replaceAll('2021-09-26', daysAgo(8))
    .replaceAll('2021-09-27', daysAgo(7))
    .replaceAll('2021-09-28', daysAgo(6));
}

/** Counts the person's taps (pointer presses) and key presses from now on. */
async function countInput(page: Page) {
  await page.evaluate(() => {
    const w = window as unknown as { taps: number; keys: number };
    w.taps = 0;
    w.keys = 0;
    document.addEventListener('pointerdown', () => (w.taps += 1), true);
    document.addEventListener('keydown', () => (w.keys += 1), true);
  });
  return () =>
    page.evaluate(() => {
      const w = window as unknown as { taps: number; keys: number };
      return { taps: w.taps, keys: w.keys };
    });
}

/**
 * Radio tiles in the form that something else covers when the tile sits at the bottom of the
 * screen, just above the phone's tab bar (where a sticky save bar would be): the element at the
 * tile's centre is not the tile.
 */
async function coveredTiles(page: Page): Promise<string[]> {
  return page.evaluate(async () => {
    const out: string[] = [];
    const tiles = [...document.querySelectorAll<HTMLElement>('form.checkin .scale-option')];
    const nav = document.querySelector('nav.nav')?.getBoundingClientRect();
    const tabBar = nav && nav.top > innerHeight / 2 ? innerHeight - nav.top : 0;
    for (const tile of tiles) {
      tile.scrollIntoView({ block: 'end' });
      window.scrollBy(0, tabBar);
      await new Promise((r) => requestAnimationFrame(r));
      const r = tile.getBoundingClientRect();
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      if (!hit || !tile.contains(hit)) {
        const name = tile.querySelector('input')?.getAttribute('aria-label') ?? '';
        const group = tile.closest('fieldset')?.querySelector('.scale-label')?.textContent ?? '';
        out.push(`${group} ${name} covered by ${hit?.className ?? 'nothing'}`);
      }
    }
    return out;
  });
}

describe.each(testEngines())('the everyday check-in on %s', (engine) => {
  const run = useServerAndBrowser(engine);

  for (const [size, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
    it(`imported Daylio days show in History and on Today, marked and read-only (${size})`, async () => {
      const context = await run.browser.newContext({ viewport });
      const page = await context.newPage();
      await registerViaUi(page, run.server.url);
      const api = await pageApi(page, run.server.url);
      const files = [{ name: 'daylio.csv', content: daylioNearToday() }];
      expect((await api.post('/api/import/commit', { source: 'daylio', files })).status()).toBe(200);
      await api.put(`/api/checkins/${daysAgo(2)}`, { mood: 8 });

      await page.goto(`${run.server.url}/history`);
      const days = page.locator('.day-list > li');
      // One own check-in and the three imported days (old History listed only the first).
      await expect.poll(() => days.count()).toBe(4);
      const imported = days.filter({ hasText: 'from Daylio' });
      expect(await imported.count()).toBe(3);
      // The fixture's 28 September has two entries, "sad" (3) and "good" (8): Daylio's mean 5.5.
      expect(await imported.first().getByText('Mood 5.5').count()).toBe(1);

      await imported.last().locator('a').click();
      await page.getByRole('heading', { name: 'Imported for this day' }).waitFor();
      const panel = page.getByRole('region', { name: 'Imported values' });
      expect(await panel.getByText('from Daylio').count()).toBe(1);
      expect(await panel.getByText('Mood 6').count()).toBe(1);
      expect(await panel.getByText(/read-only/).count()).toBe(1);
      // Nothing of the person's own yet: the form is empty and offers no "Delete day".
      expect(await page.getByRole('button', { name: 'Save check-in' }).count()).toBe(1);
      expect(await page.getByRole('button', { name: 'Delete day' }).count()).toBe(0);

      // The weekly report counts them, and says so.
      await page.goto(`${run.server.url}/insights/week`);
      await page.getByText(/^Includes values imported from Daylio on 1 day this week/).waitFor();
      await context.close();
    });
  }

  for (const [size, viewport] of Object.entries({ phone: PHONE, desktop: DESKTOP })) {
    it(`takes at most 12 taps and no typing, nothing covers the scales, and it starts on the first screen (${size})`, async () => {
      const context = await run.browser.newContext({ viewport });
      const page = await context.newPage();
      await registerViaUi(page, run.server.url);
      const api = await pageApi(page, run.server.url);
      await api.put(`/api/checkins/${daysAgo(1)}`, {
        mood: 6,
        bedtime: '23:15',
        wakeTime: '07:00',
        lifeSatisfaction: 7,
        bloating: 2,
        abdominalPain: 1,
      });
      // A due reminder (00:00 has always passed) and the first-run tour, as on a new device.
      await api.put('/api/reminders', {
        checkin: { enabled: true, time: '00:00' },
        questionnaire: { enabled: true },
        program: { enabled: true, time: '00:00' },
      });
      await page.reload();
      await page.getByRole('region', { name: 'Welcome to Gutbrain' }).waitFor();
      // Below the form the reminder and the tour are separate cards with a gap, not stuck together.
      const banner = await page.locator('.today > .reminder-banner').last().boundingBox();
      const tour = await page.locator('.today > .tour').boundingBox();
      expect(banner && tour && tour.y - (banner.y + banner.height)).toBeGreaterThanOrEqual(8);

      // The whole mood scale is on the first screen, above the phone's tab bar (at the top on a desktop).
      const mood = page.getByRole('group', { name: /^Mood/ });
      const box = await mood.boundingBox();
      const nav = await page.locator('nav.nav').boundingBox();
      const bottom = nav && nav.y > viewport.height / 2 ? nav.y : viewport.height;
      expect(box && box.y + box.height <= bottom).toBe(true);

      const counted = await countInput(page);
      const tap = (group: RegExp, value: number) =>
        page
          .getByRole('group', { name: group })
          .getByRole('radio', { name: new RegExp(`^${value} of 10`) })
          .click();
      await tap(/^Mood/, 7);
      await tap(/^Morning/, 6);
      await tap(/^Midday/, 5);
      await tap(/^Evening/, 4);
      await tap(/^Sleep quality/, 8);
      await tap(/^Focus/, 6);
      await tap(/^Stress/, 3);
      await page.getByRole('button', { name: 'Same as yesterday' }).click();
      await page.getByRole('button', { name: 'Save check-in' }).click();
      await page.getByText(/^Saved at/).waitFor();
      const { taps, keys } = await counted();
      console.log(`Everyday check-in (${size}): ${taps} taps, ${keys} key presses`);
      expect(taps).toBeLessThanOrEqual(12);
      expect(keys).toBe(0);

      const saved = await api.get(`/api/checkins/${daysAgo(0)}`);
      expect(saved.checkin).toEqual({
        mood: 7,
        energyMorning: 6,
        energyMidday: 5,
        energyEvening: 4,
        sleepQuality: 8,
        focus: 6,
        stress: 3,
        // From yesterday: the times pre-filled, the rest by "Same as yesterday".
        bedtime: '23:15',
        wakeTime: '07:00',
        lifeSatisfaction: 7,
        bloating: 2,
        abdominalPain: 1,
      });
      expect(saved.derived.sleepHours).toBe(7.75);

      expect(await coveredTiles(page)).toEqual([]);
      await context.close();
    });
  }
});
