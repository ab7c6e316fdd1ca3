/**
 * Screenshots of every page at phone (390×844) and desktop (1280×800) size, light and dark, with a
 * person who has some data, plus the loading, empty and error states, saved under
 * test-results/screenshots/screens/ for people to look at. Each page is also checked for the faults
 * a screenshot shows: sideways overflow, and tap targets smaller than 44 px on the phone.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  type RunningServer,
  registerViaUi,
  screenshot,
  startServer,
} from '../support/browser.ts';
import { SIGNED_IN_PAGES, SIGNED_OUT_PAGES, settle } from '../support/pages.ts';

const SIZES = { phone: PHONE, desktop: DESKTOP } as const;

/** Visible controls on the page smaller than 44×44 CSS px (WCAG 2.5.5), outside running text. */
async function smallTapTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const out: string[] = [];
    for (const el of document.querySelectorAll(
      'button, a[href], input, select, textarea, summary, [role="button"]',
    )) {
      const target =
        el instanceof HTMLInputElement && (el.type === 'radio' || el.type === 'checkbox')
          ? (el.closest('label') ?? el)
          : el;
      const r = target.getBoundingClientRect();
      if (r.width === 0 || r.height === 0) continue;
      // Links inside a sentence are exempt (WCAG 2.5.8 "inline").
      if (el.tagName === 'A' && !el.classList.contains('button') && getComputedStyle(el).display === 'inline')
        continue;
      if (el.closest('.skip-link')) continue;
      if (r.height < 44 || r.width < 44) {
        const name = (el.getAttribute('aria-label') ?? el.textContent ?? '').trim().slice(0, 30);
        out.push(
          `${el.tagName.toLowerCase()}.${[...target.classList].join('.')} "${name}" ${Math.round(r.width)}×${Math.round(r.height)}`,
        );
      }
    }
    return out;
  });
}

const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);

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

describe('every page, looked at', () => {
  let server: RunningServer;
  let browser: Browser;
  const faults: string[] = [];

  beforeAll(async () => {
    server = await startServer('sqlite');
    browser = await launchBrowser();
  });
  afterAll(async () => {
    if (faults.length > 0) console.log(`Layout faults:\n${faults.join('\n')}`);
    await browser?.close();
    await server?.stop();
  });

  for (const scheme of ['light', 'dark'] as const) {
    it(`${scheme}: signed out and signed in, phone and desktop`, async () => {
      const context = await browser.newContext({ viewport: PHONE, colorScheme: scheme });
      const page = await context.newPage();
      for (const [size, viewport] of Object.entries(SIZES)) {
        await page.setViewportSize(viewport);
        for (const path of SIGNED_OUT_PAGES) {
          await page.goto(`${server.url}${path}`);
          await settle(page);
          await screenshot(page, `screens/out-${path.slice(1)}-${size}-${scheme}`);
        }
      }
      await registerViaUi(page, server.url, 'Robin');
      await page.setViewportSize(PHONE);
      await screenshot(page, `screens/tour-phone-${scheme}`);
      await page.getByRole('button', { name: 'Skip tour' }).click();
      await seed(page, server.url);
      for (const [size, viewport] of Object.entries(SIZES)) {
        await page.setViewportSize(viewport);
        for (const { path, name } of SIGNED_IN_PAGES) {
          await page.goto(`${server.url}${path}`);
          await settle(page);
          await screenshot(page, `screens/${name}-${size}-${scheme}`);
          if (await overflowsSideways(page)) faults.push(`${path} ${size} ${scheme}: overflows sideways`);
          if (size === 'phone' && scheme === 'light') {
            for (const t of await smallTapTargets(page)) faults.push(`${path} phone: small tap target ${t}`);
          }
        }
      }
      await context.close();
      expect(faults).toEqual([]);
    });
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
