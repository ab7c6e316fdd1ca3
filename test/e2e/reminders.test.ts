/**
 * Reminders in the browser: off by default, switched on from Settings with the keyboard, the
 * in-app banner shows when due and "Not today" hides it; the notification permission is only
 * asked for by a button, and whether this device gets notifications is said in words.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  DESKTOP,
  launchBrowser,
  openNav,
  type RunningServer,
  registerViaUi,
  startServer,
} from '../support/browser.ts';

describe('reminders in Chromium', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServer('sqlite');
    browser = await launchBrowser({ notifications: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('switch on the check-in reminder, see the banner, dismiss it for today', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    const page = await context.newPage();
    await registerViaUi(page, server.url);
    expect(await page.locator('.reminder-banner').count()).toBe(0);

    await openNav(page, 'Settings');
    const checkin = page.getByRole('switch', { name: /Daily check-in/ });
    expect(await checkin.isChecked()).toBe(false);
    expect(await page.getByRole('switch', { name: /Questionnaires every two weeks/ }).isChecked()).toBe(
      false,
    );
    expect(await page.getByRole('switch', { name: /Program nudges/ }).isChecked()).toBe(false);
    // Keyboard: focus the switch and press Space.
    await checkin.focus();
    await page.keyboard.press('Space');
    expect(await checkin.isChecked()).toBe(true);
    // The state is written out, not only coloured.
    expect(await page.locator('.switch-row', { has: checkin }).textContent()).toContain('On');
    // 00:00 is always past, so the reminder is due now (no check-in yet today).
    await page.getByLabel('Check-in reminder time').fill('00:00');
    await page.getByRole('button', { name: 'Save reminders' }).click();
    await page.getByText('Reminders saved.').waitFor();
    // Notifications were never allowed here: said in words, and asked for only from the button.
    await page.getByText(/off\s— you will still see a banner in Gutbrain/).waitFor();
    expect(await page.getByRole('button', { name: 'Allow notifications on this device' }).count()).toBe(1);

    const banner = page.getByRole('region', { name: 'Reminder: Time for your check-in' });
    await banner.waitFor();
    await page.reload();
    await banner.waitFor();
    expect(await page.getByRole('switch', { name: /Daily check-in/ }).isChecked()).toBe(true);
    await banner.getByRole('button', { name: 'Not today' }).click();
    await expect.poll(() => banner.count()).toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: 'Settings' }).waitFor();
    expect(await banner.count()).toBe(0);
    await context.close();
  });

  it('says in words whether this device gets notifications', async () => {
    const context = await browser.newContext({ viewport: DESKTOP });
    await context.grantPermissions(['notifications']);
    const page = await context.newPage();
    await registerViaUi(page, server.url, 'Noor');
    await page.goto(`${server.url}/settings`);
    // Allowed, but no reminder is on yet: nothing to notify, and no button to press.
    await page.getByText('Turn a reminder on and save to get notifications here.').waitFor();
    expect(await page.locator('.reminder-permission p').first().textContent()).toBe(
      'Notifications on this device: off.',
    );
    expect(await page.getByRole('button', { name: 'Allow notifications on this device' }).count()).toBe(0);
    await context.close();
  });
});
