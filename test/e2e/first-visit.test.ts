/**
 * A newcomer's first minutes (issue 18): `/` for someone who has never signed in here says what
 * Gutbrain is, that it never diagnoses, and offers an account, a sign-in and the way to help; the
 * appearance setting (System / Light / Dark) is kept per device and applied before the app's code
 * runs; and a clinician reaches their dashboard from the menu.
 */
import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DESKTOP,
  openNav,
  PHONE,
  registerViaUi,
  useServerAndBrowser,
  waitForOrReport,
} from '../support/browser.ts';
import { testEngines } from '../support/db.ts';

const SIZES = { phone: PHONE, desktop: DESKTOP } as const;

const background = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
// styles.css: --bg of the light and the dark palette.
const LIGHT_BG = 'rgb(246, 245, 241)';
const DARK_BG = 'rgb(18, 23, 21)';

describe.each(testEngines())('first visit, appearance and the clinician menu on %s', (engine) => {
  const run = useServerAndBrowser(engine);

  for (const [size, viewport] of Object.entries(SIZES)) {
    it(`a first-time visitor at / learns what Gutbrain is and how to start (${size})`, async () => {
      const context = await run.browser.newContext({ viewport });
      const page = await context.newPage();
      await page.goto(`${run.server.url}/`);
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(await page.getByRole('heading', { name: 'Welcome back' }).count()).toBe(0);
      expect(await page.getByText('Gutbrain never diagnoses.').isVisible()).toBe(true);
      const create = page.getByRole('link', { name: 'Create an account' });
      expect(await create.isVisible()).toBe(true);
      // The way in and the way to help are on the first screen.
      const box = await create.boundingBox();
      expect(box && box.y + box.height <= viewport.height).toBe(true);
      expect(await page.getByRole('link', { name: 'Sign in' }).isVisible()).toBe(true);
      expect(
        await page
          .getByRole('link', { name: /^Get help now/ })
          .first()
          .isVisible(),
      ).toBe(true);
      await create.click();
      await page.getByLabel('Name to show').waitFor();

      // Once someone has signed in on this device, / is the login page again.
      await registerViaUi(page, run.server.url);
      await openNav(page, 'Settings');
      await page.getByRole('button', { name: 'Log out' }).click();
      await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
      await page.goto(`${run.server.url}/`);
      await page.getByRole('heading', { name: 'Welcome back' }).waitFor();
      await context.close();
    });
  }

  for (const [size, viewport] of Object.entries(SIZES)) {
    it(`appearance: System, Light or Dark, kept on this device and applied before the app runs (${size})`, async () => {
      // No service worker, so the page's requests (and the blocked app code) go through page.route.
      const context = await run.browser.newContext({
        viewport,
        colorScheme: 'light',
        serviceWorkers: 'block',
      });
      const page = await context.newPage();
      await registerViaUi(page, run.server.url);
      expect(await background(page)).toBe(LIGHT_BG);
      await openNav(page, 'Settings');
      const appearance = page.getByRole('group', { name: 'Colours on this device' });
      expect(await appearance.getByRole('radio', { name: 'System' }).isChecked()).toBe(true);
      await appearance.getByRole('radio', { name: 'Dark' }).check();
      expect(await background(page)).toBe(DARK_BG);

      // A fresh page whose app code never loads is still dark from its first paint.
      const bare = await context.newPage();
      await bare.route('**/assets/*.js', (route) => route.abort());
      await bare.goto(`${run.server.url}/settings`);
      expect(await bare.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
      expect(await background(bare)).toBe(DARK_BG);
      await bare.close();

      await page.reload();
      expect(await appearance.getByRole('radio', { name: 'Dark' }).isChecked()).toBe(true);
      await appearance.getByRole('radio', { name: 'Light' }).check();
      await page.emulateMedia({ colorScheme: 'dark' });
      expect(await background(page)).toBe(LIGHT_BG);
      // System follows the device, also when it changes while the page is open.
      await appearance.getByRole('radio', { name: 'System' }).check();
      expect(await background(page)).toBe(DARK_BG);
      await page.emulateMedia({ colorScheme: 'light' });
      await expect.poll(() => background(page)).toBe(LIGHT_BG);
      await context.close();
    });
  }

  for (const [size, viewport] of Object.entries(SIZES)) {
    it(`a clinician finds the dashboard in the menu; others do not see the entry (${size})`, async () => {
      const context = await run.browser.newContext({ viewport });
      const page = await context.newPage();
      await registerViaUi(page, run.server.url, 'Dr Bell');
      expect(await page.locator('a[href="/clinician"]').count()).toBe(0);
      await openNav(page, 'Data');
      // The role change answers first (a failure here says which side went wrong), then the page
      // shows the dashboard link from that answer.
      const [answer] = await Promise.all([
        page.waitForResponse((r) => new URL(r.url()).pathname === '/api/sharing/role'),
        page.getByRole('button', { name: 'Make this a clinician account' }).click(),
      ]);
      expect(answer.status()).toBe(200);
      expect(await answer.json()).toEqual({ role: 'clinician' });
      await waitForOrReport(
        page.getByRole('link', { name: 'Open your dashboard' }),
        page.locator('section.card', { hasText: 'Clinician or coach?' }),
      );
      await openNav(page, 'Clinician');
      await page.getByRole('heading', { level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/clinician');
      expect(await page.getByText('Not a clinician account').count()).toBe(0);
      await context.close();
    });
  }
});
