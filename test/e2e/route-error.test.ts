import { describe, expect, it } from 'vitest';
import { DESKTOP, PHONE, screenshot, useServerAndBrowser } from '../support/browser.ts';

/**
 * A page whose code fails to load (after a deploy the old chunks are gone) shows Gutbrain's own
 * error screen, never React Router's default, and its Get help link reaches the support screen.
 * The engine does not matter here (no data is read or written), so SQLite only.
 */
describe('a page that fails to load, in Chromium', () => {
  const run = useServerAndBrowser('sqlite');

  for (const [look, viewport, colorScheme] of [
    ['phone-light', PHONE, 'light'],
    ['desktop-dark', DESKTOP, 'dark'],
  ] as const) {
    it(`shows the friendly error with a working Get help now link (${look})`, async () => {
      // No service worker: it would answer from its cache, out of page.route's reach.
      const context = await run.browser.newContext({ viewport, colorScheme, serviceWorkers: 'block' });
      const page = await context.newPage();
      // The Learn page's lazy chunk fails, as when a deploy has replaced it.
      const learnChunk = /\/assets\/Learn-[\w-]+\.js$/;
      let aborted = 0;
      await page.route(learnChunk, (route) => {
        aborted += 1;
        return route.abort('failed');
      });

      await page.goto(`${run.server.url}/learn`);
      const alert = page.getByRole('alert').filter({ hasText: 'This page could not be shown' });
      await alert.waitFor();
      expect(aborted).toBeGreaterThan(0);
      expect(await alert.textContent()).toContain('Part of Gutbrain did not load');
      expect(await page.getByText('Unexpected Application Error').count()).toBe(0);
      // The page's frame stays: the footer's link to the support screen is still there.
      expect(
        await page
          .locator('footer')
          .getByRole('link', { name: /Get help now/ })
          .count(),
      ).toBe(1);
      await screenshot(page, `route-error-${look}`);

      // Get help now loads the app afresh and reaches the support screen.
      await page.unroute(learnChunk);
      await alert.getByRole('link', { name: 'Get help now' }).click();
      await page.getByRole('heading', { name: 'Get help now', level: 1 }).waitFor();
      expect(new URL(page.url()).pathname).toBe('/support');
      expect(await page.getByRole('region', { name: 'Numbers' }).count()).toBe(1);
      await context.close();
    });
  }
});
