/**
 * Web Push in Chromium: a push delivered to Gutbrain's service worker (through the DevTools
 * protocol, as a push service would) shows the reminder as a notification with its title, tag and
 * page; and where the browser cannot subscribe (headless Chromium has no push service to reach),
 * Settings says "not available" in words, keeps the banner promise, and nothing crashes.
 */
import type { BrowserContext, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import {
  DESKTOP,
  openNav,
  PHONE,
  registerViaUi,
  screenshot,
  useServerAndBrowser,
} from '../support/browser.ts';

// A service worker may be stopped between events and take a while to start on a busy machine.
const SLOW = { timeout: 15_000 };

interface Registration {
  registrationId: string;
  scopeURL: string;
  isDeleted: boolean;
}

const notifications = (page: Page) =>
  page.evaluate(async () => {
    const reg = await navigator.serviceWorker.ready;
    return (await reg.getNotifications()).map((n) => ({
      title: n.title,
      body: n.body,
      tag: n.tag,
      data: n.data,
    }));
  });

async function signedInWithNotifications(context: BrowserContext, url: string): Promise<Page> {
  await context.grantPermissions(['notifications'], { origin: url });
  const page = await context.newPage();
  await registerViaUi(page, url);
  return page;
}

describe('reminder pushes in Chromium', () => {
  const run = useServerAndBrowser('sqlite', {}, { notifications: true });

  it('a push to the service worker shows the reminder as a notification', async () => {
    const context = await run.browser.newContext({ viewport: PHONE });
    const page = await signedInWithNotifications(context, run.server.url);
    const cdp = await context.newCDPSession(page);
    const registrations: Registration[] = [];
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: Registration[] }) => {
      registrations.push(...e.registrations);
    });
    await cdp.send('ServiceWorker.enable');
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const origin = new URL(run.server.url).origin;
    await expect
      .poll(() => registrations.find((r) => r.scopeURL === `${origin}/` && !r.isDeleted), SLOW)
      .toBeTruthy();
    const { registrationId } = registrations.find((r) => r.scopeURL === `${origin}/`) as Registration;
    expect(await notifications(page)).toEqual([]);

    const payload = {
      kind: 'checkin',
      title: 'Time for your check-in',
      body: 'A minute for today’s check-in.',
      url: '/today',
    };
    await cdp.send('ServiceWorker.deliverPushMessage', {
      origin,
      registrationId,
      data: JSON.stringify(payload),
    });
    await expect
      .poll(() => notifications(page), SLOW)
      .toEqual([
        { title: payload.title, body: payload.body, tag: 'gutbrain-checkin', data: { url: '/today' } },
      ]);

    // A second push of the same kind replaces the first (one tag); one that cannot be read still
    // shows something neutral, as the browser requires of every push.
    await cdp.send('ServiceWorker.deliverPushMessage', { origin, registrationId, data: 'not json' });
    await expect
      .poll(async () => (await notifications(page)).map((n) => n.title).sort(), SLOW)
      .toEqual(['Gutbrain', 'Time for your check-in']);
    await context.close();
  });

  it('Settings say "not available" when the browser cannot subscribe, and never crash', async () => {
    for (const [viewport, name] of [
      [PHONE, 'phone'],
      [DESKTOP, 'desktop'],
    ] as const) {
      const context = await run.browser.newContext({ viewport });
      const page = await signedInWithNotifications(context, run.server.url);
      const errors: string[] = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await openNav(page, 'Settings');
      const first = page.locator('.reminder-permission p').first();
      const line = async () => (await first.textContent())?.replace(/\s+/g, ' ');
      // No reminder on yet: nothing to notify, so no banner is promised either.
      await expect.poll(line, SLOW).toBe('Notifications on this device: off.');
      expect(await page.getByText('Turn a reminder on and save to get notifications here.').count()).toBe(1);

      const checkin = page.getByRole('switch', { name: /Daily check-in/ });
      await checkin.focus();
      await page.keyboard.press('Space');
      await page.getByRole('button', { name: 'Save reminders' }).click();
      await page.getByText('Reminders saved.').waitFor();
      // Subscribing fails here (no push service): the person is told, in words.
      await expect
        .poll(line, { timeout: 30_000 })
        .toBe('Notifications on this device: not available — you will still see a banner in Gutbrain.');
      expect(await page.getByText('This browser could not reach its push service.').count()).toBe(1);
      const retry = page.getByRole('button', { name: 'Try again' });
      expect(await retry.isEnabled()).toBe(true);
      await screenshot(page, `push-settings-${name}`);
      // The button works from the keyboard and fails the same gentle way.
      await retry.focus();
      await page.keyboard.press('Enter');
      await expect.poll(() => retry.isEnabled(), { timeout: 30_000 }).toBe(true);
      expect(await line()).toContain('not available');
      expect(errors).toEqual([]);
      await context.close();
    }
  });
});
