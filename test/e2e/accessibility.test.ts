/**
 * Every page through axe-core (WCAG 2.1 A/AA and best practice) in light and dark mode at phone and
 * desktop sizes: no serious or critical violation. Every control on every page is reached with the
 * Tab key. The first-run tour works from the keyboard and is remembered. A summary per page is
 * written to test-results/axe-summary.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { axe, unreachableByKeyboard } from '../support/a11y.ts';
import {
  DESKTOP,
  launchBrowser,
  PHONE,
  type RunningServer,
  registerViaUi,
  startServer,
} from '../support/browser.ts';
import { SIGNED_IN_PAGES, SIGNED_OUT_PAGES, settle } from '../support/pages.ts';

describe('accessibility in Chromium', () => {
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

  it('the first-run tour: three steps from the keyboard, then remembered', async () => {
    const context = await browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await registerViaUi(page, server.url, 'Tove');
    const tour = page.getByRole('region', { name: 'Welcome to Gutbrain' });
    await tour.waitFor();
    expect(await tour.getByText('Step 1 of 3').isVisible()).toBe(true);
    expect(await tour.getByRole('heading', { name: /daily check-in/ }).isVisible()).toBe(true);
    const result = await axe(page);
    expect(result.violations.filter((v) => ['serious', 'critical'].includes(v.impact))).toEqual([]);
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

  const record = (key: string, r: Awaited<ReturnType<typeof axe>>) => {
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
  };

  for (const scheme of ['light', 'dark'] as const) {
    it(`signed-out pages in ${scheme} mode: no serious or critical axe violation`, async () => {
      const context = await browser.newContext({ viewport: DESKTOP, colorScheme: scheme });
      const page = await context.newPage();
      for (const path of SIGNED_OUT_PAGES) {
        await page.goto(`${server.url}${path}`);
        await settle(page);
        record(`${scheme} signed-out ${path}`, await axe(page));
      }
      await context.close();
    });

    for (const [size, viewport] of [
      ['desktop', DESKTOP],
      ['phone', PHONE],
    ] as const) {
      const keyboard = scheme === 'light' && size === 'desktop';
      it(`every signed-in page in ${scheme} mode on a ${size}: no serious or critical axe violation${keyboard ? ', every control reachable by Tab' : ''}`, {
        timeout: 300_000,
      }, async () => {
        const context = await browser.newContext({ viewport, colorScheme: scheme });
        const page = await context.newPage();
        await registerViaUi(page, server.url, `Axe ${scheme} ${size}`);
        // Some data so lists and charts draw: a check-in today.
        await page
          .getByRole('group', { name: /^Mood/ })
          .getByRole('radio', { name: /^6 of 10/ })
          .click();
        await page.getByRole('button', { name: 'Save check-in' }).click();
        await page.getByText(/^Saved at/).waitFor();
        await page.getByRole('button', { name: 'Skip tour' }).click();
        for (const { path } of SIGNED_IN_PAGES) {
          await page.goto(`${server.url}${path}`);
          await settle(page);
          record(`${scheme} ${viewport.width}px ${path}`, await axe(page));
          if (keyboard) expect(await unreachableByKeyboard(page), `keyboard ${path}`).toEqual([]);
        }
        await context.close();
      });
    }
  }
});
