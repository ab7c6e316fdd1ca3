/**
 * Every page of the web app for whole-app browser checks (accessibility, screenshots), and a wait
 * until a page has finished loading. Add a page here when you add a route.
 */
import type { Page } from 'playwright-core';

/** Signed-in pages, with a short name for screenshot files. */
export const SIGNED_IN_PAGES: { path: string; name: string }[] = [
  { path: '/today', name: 'today' },
  { path: '/history', name: 'history' },
  { path: '/insights', name: 'insights' },
  { path: '/insights/week', name: 'insights-week' },
  { path: '/log', name: 'log' },
  { path: '/programs', name: 'programs' },
  { path: '/checks', name: 'checks' },
  { path: '/checks/phq9', name: 'checks-phq9' },
  { path: '/checks/signals', name: 'checks-signals' },
  { path: '/microbiome', name: 'microbiome' },
  { path: '/learn', name: 'learn' },
  { path: '/learn/serotonin', name: 'learn-serotonin' },
  { path: '/learn/quiz', name: 'learn-quiz' },
  { path: '/learn/too-far', name: 'learn-too-far' },
  { path: '/data', name: 'data' },
  { path: '/clinician', name: 'clinician' },
  { path: '/settings', name: 'settings' },
  { path: '/support', name: 'support' },
  { path: '/no-such-page', name: 'not-found' },
];
export const SIGNED_OUT_PAGES = ['/', '/login', '/register', '/support', '/learn', '/learn/too-far'];

/** Waits for the page's heading, the network to go quiet and loading spinners to go. */
export async function settle(page: Page) {
  await page
    .locator('main h1')
    .first()
    .waitFor({ timeout: 10_000 })
    .catch(() => undefined);
  // Lazy panels (charts, lists) finish loading; spinners gone.
  await page.waitForLoadState('networkidle');
  await page
    .locator('.state-loading')
    .first()
    .waitFor({ state: 'detached', timeout: 10_000 })
    .catch(() => undefined);
}

/** True when the page is wider than the window, so a person has to scroll sideways. */
export const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth + 1);
