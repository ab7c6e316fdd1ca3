/**
 * Every page, looked at and checked, in light and dark mode at phone (390×844) and desktop
 * (1280×800) size, signed out and signed in as a person with some data. Each visit saves a
 * full-page screenshot under test-results/screenshots/screens/ for people to look at, and checks:
 * no serious or critical axe-core violation (WCAG 2.1 A/AA and best practice; a summary per page in
 * test-results/axe-summary.json), no sideways overflow, on the phone in light mode no tap target
 * under 44 px, and on the desktop in light mode every control reached with the Tab key. Also: the
 * first-run tour from the keyboard, and the loading, empty and error states.
 *
 * One visit per page, scheme and size does all of this (it was two files visiting every page
 * twice: accessibility and screens).
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, smallTapTargets, unreachableByKeyboard } from '../support/a11y.ts';
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  type RunningServer,
  registerViaUi,
  screenshot,
  startServer,
} from '../support/browser.ts';
import { overflowsSideways, SIGNED_IN_PAGES, SIGNED_OUT_PAGES, settle } from '../support/pages.ts';

const SIZES = { phone: PHONE, desktop: DESKTOP } as const;

/** Twelve past check-ins, three foods, the 30-day program and a WHO-5, through the API. */
async function seed(page: Page, baseUrl: string) {
  const { csrfToken } = (await (await page.request.get(`${baseUrl}/api/auth/session`)).json()) as {
    csrfToken: string;
  };
  const headers = { 'x-csrf-token': csrfToken };
  const today = new Date();
  for (let i = 1; i <= 12; i++) {
    const d = new Date(today.getTime() - i * 86_400_000).toISOString().slice(0, 10);
    await page.request.put(`${baseUrl}/api/checkins/${d}`, {
      headers,
      data: {
        mood: 4 + (i % 5),
        energyMorning: 5 + (i % 3),
        sleepHours: 6 + (i % 3),
        note: i === 2 ? 'Long walk' : undefined,
      },
    });
  }
  for (const foodId of ['kefir', 'lentils', 'broccoli']) {
    await page.request.post(`${baseUrl}/api/food-entries`, {
      headers,
      data: { foodId, meal: 'lunch', servings: 1 },
    });
  }
  await page.request.post(`${baseUrl}/api/enrolments`, { headers, data: { programId: 'gut_brain_30_day' } });
  await page.request.post(`${baseUrl}/api/screeners/who5`, {
    headers,
    data: { answers: Object.fromEntries([1, 2, 3, 4, 5].map((n) => [`who5_${n}`, 3])) },
  });
}

describe('every page, looked at and checked in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;
  const summary: Record<
    string,
    { serious: number; critical: number; moderate: number; minor: number; rules: string[] }
  > = {};

  beforeAll(async () => {
    server = await startServer('sqlite');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    mkdirSync('test-results', { recursive: true });
    writeFileSync('test-results/axe-summary.json', `${JSON.stringify(summary, null, 2)}\n`);
    await browser?.close();
    await server?.stop();
  });

  /** The page as it is now: screenshot, then axe, overflow and (where asked) taps and keyboard. */
  async function lookAtAndCheck(
    page: Page,
    key: string,
    shot: string,
    { taps = false, keyboard = false } = {},
  ): Promise<void> {
    await screenshot(page, `screens/${shot}`);
    const r = await axe(page);
    summary[key] = {
      serious: r.serious,
      critical: r.critical,
      moderate: r.moderate,
      minor: r.minor,
      rules: r.violations.map((v) => `${v.impact}: ${v.id} (${v.nodes.join(', ')})`),
    };
    expect(
      r.violations.filter((v) => ['serious', 'critical'].includes(v.impact)),
      `${key}: ${JSON.stringify(r.violations)}`,
    ).toEqual([]);
    expect(await overflowsSideways(page), `${key} overflows sideways`).toBe(false);
    if (taps) expect(await smallTapTargets(page), `${key}: small tap targets`).toEqual([]);
    if (keyboard) expect(await unreachableByKeyboard(page), `${key}: not reached by Tab`).toEqual([]);
  }

  it('the first-run tour: three steps from the keyboard, then remembered', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await registerViaUi(page, server.url, 'Tove');
    const tour = page.getByRole('region', { name: 'Welcome to Gutbrain' });
    await tour.waitFor();
    expect(await tour.getByText('Step 1 of 3').isVisible()).toBe(true);
    expect(await tour.getByRole('heading', { name: /daily check-in/ }).isVisible()).toBe(true);
    await lookAtAndCheck(page, 'tour step 1 phone', 'tour-phone-light');
    await tour.getByRole('button', { name: 'Next' }).focus();
    await page.keyboard.press('Enter');
    expect(await tour.getByText('Step 2 of 3').isVisible()).toBe(true);
    expect(await tour.getByRole('heading', { name: /Programs/ }).isVisible()).toBe(true);
    await tour.getByRole('button', { name: 'Next' }).focus();
    await page.keyboard.press('Enter');
    expect(await tour.getByRole('heading', { name: 'Our safety promise' }).isVisible()).toBe(true);
    expect(await tour.getByText(/never diagnoses/).isVisible()).toBe(true);
    await tour.getByRole('button', { name: 'Got it' }).focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => tour.count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: 'Today’s check-in' }).waitFor();
    expect(await tour.count()).toBe(0);
    await context.close();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`signed-out pages in ${scheme} mode, phone and desktop`, async () => {
      const context = await browser.newContext({ viewport: PHONE, colorScheme: scheme });
      const page = await context.newPage();
      for (const [size, viewport] of Object.entries(SIZES)) {
        await page.setViewportSize(viewport);
        for (const path of SIGNED_OUT_PAGES) {
          await page.goto(`${server.url}${path}`);
          await settle(page);
          await lookAtAndCheck(
            page,
            `${scheme} ${viewport.width}px signed-out ${path}`,
            `out-${path.slice(1)}-${size}-${scheme}`,
          );
        }
      }
      await context.close();
    });

    for (const [size, viewport] of Object.entries(SIZES)) {
      const taps = scheme === 'light' && size === 'phone';
      const keyboard = scheme === 'light' && size === 'desktop';
      it(`every signed-in page in ${scheme} mode on a ${size}${taps ? ', tap targets 44 px' : ''}${keyboard ? ', every control reachable by Tab' : ''}`, {
        timeout: 300_000,
      }, async () => {
        const context = await browser.newContext({ viewport, colorScheme: scheme });
        const page = await context.newPage();
        await registerViaUi(page, server.url, 'Robin');
        if (scheme === 'dark' && size === 'phone') await screenshot(page, 'screens/tour-phone-dark');
        // Today's check-in through the form, then some history so lists and charts draw.
        await page
          .getByRole('group', { name: /^Mood/ })
          .getByRole('radio', { name: /^6 of 10/ })
          .click();
        await page.getByRole('button', { name: 'Save check-in' }).click();
        await page.getByText(/^Saved at/).waitFor();
        await page.getByRole('button', { name: 'Skip tour' }).click();
        await seed(page, server.url);
        for (const { path, name } of SIGNED_IN_PAGES) {
          await page.goto(`${server.url}${path}`);
          await settle(page);
          await lookAtAndCheck(page, `${scheme} ${viewport.width}px ${path}`, `${name}-${size}-${scheme}`, {
            taps,
            keyboard,
          });
          // Counts in words on the weekly report: the program began today and one goal (a fermented
          // food) is met — "1 day", "1 goal", never "1 days" or "1 goals". A run that passes
          // midnight sees the program's second day.
          if (path === '/insights/week')
            expect(await page.locator('.week-goals li').first().textContent()).toMatch(
              /met on 0 of (1 day|2 days); 1 goal met in all\./,
            );
        }
        await context.close();
      });
    }
  }

  it('loading, empty and error states', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await registerViaUi(page, server.url, 'Sam');
    await page.getByRole('button', { name: 'Skip tour' }).click();
    for (const { path, name } of SIGNED_IN_PAGES.slice(0, 6)) {
      await page.goto(`${server.url}${path}`);
      await settle(page);
      await screenshot(page, `screens/empty-${name}-phone`);
      expect(await overflowsSideways(page), `${path} empty overflows sideways`).toBe(false);
    }
    // Every API read fails: each page says so and offers to try again.
    await page.route('**/api/**', (route) =>
      route.request().url().endsWith('/api/auth/session')
        ? route.continue()
        : route.fulfill({
            status: 500,
            contentType: 'application/json',
            body: '{"error":{"code":"x","message":"Something went wrong on the server."}}',
          }),
    );
    for (const { path, name } of SIGNED_IN_PAGES.slice(0, 6)) {
      await page.goto(`${server.url}${path}`);
      // The page says the read failed and offers to try again (no waiting on the clock).
      await page.getByRole('button', { name: 'Try again' }).first().waitFor({ timeout: 30_000 });
      await screenshot(page, `screens/error-${name}-phone`);
    }
    await page.unroute('**/api/**');
    await page.route('**/api/checkins/**', async (route) => {
      await new Promise((r) => setTimeout(r, 3000));
      await route.continue();
    });
    await page.goto(`${server.url}/today`);
    await page.locator('.state-loading').first().waitFor();
    await screenshot(page, 'screens/loading-today-phone');
    await context.close();
  });
});
