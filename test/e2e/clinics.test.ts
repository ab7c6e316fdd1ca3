/**
 * Clinics in the browser (issue 21): a clinic starts, invites a clinician and people by link; each
 * person reads the consent screen (exactly what is shared) and accepts; the caseload puts the
 * safety event at the top with its date, then who got reliably worse, then an overdue questionnaire;
 * a schedule set on a person's page shows as due on their Checks page; leaving the clinic ends every
 * clinician's access at once. Screenshots of the caseload on a desktop and two tablets, light and
 * dark, and of the consent screen on a phone.
 */
import type { Browser, Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { SHARE_KINDS } from '../../src/core/sharing/access.ts';
import { CLINIC_SHARED_KINDS } from '../../src/server/services/clinic-access.ts';
import { axe, unreachableByKeyboard } from '../support/a11y.ts';
import { DESKTOP, PHONE, screenshot, useServerAndBrowser } from '../support/browser.ts';
import {
  acceptInvitationLink,
  becomeClinician,
  inviteByLink,
  newPerson,
  openInvitation,
  phq9Today,
  seedScreenerHistory,
  startClinic,
} from '../support/clinic-pages.ts';
import { testEngines } from '../support/db.ts';
import { daysAgo } from '../support/page-api.ts';

const TABLETS = { 'tablet-820': { width: 820, height: 1180 }, 'tablet-1024': { width: 1024, height: 768 } };

const overflowsSideways = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth > document.documentElement.clientWidth);

async function person(browser: Browser, url: string, name: string, viewport = PHONE) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const account = await newPerson(page, url, name);
  return { context, page, ...account };
}

async function clinician(browser: Browser, url: string, name: string) {
  const c = await person(browser, url, name, DESKTOP);
  await becomeClinician(c.page, url);
  return c;
}

const entryNames = (page: Page) =>
  page.getByTestId('caseload-entry').locator('.entry-name').allTextContents();

describe.each(testEngines())('clinics in Chromium on %s', (engine) => {
  const run = useServerAndBrowser(engine);

  it('invitations and consent, then the caseload sorted by need with the safety event at the top', async () => {
    const url = run.server.url;
    const admin = await clinician(run.browser, url, 'Dr Adams');
    const clinicId = await startClinic(admin.page, url, 'Riverside Psychology');

    // A second clinician joins by link, and finds an empty caseload.
    const bell = await clinician(run.browser, url, 'Dr Bell');
    const bellLink = await inviteByLink(admin.page, 'clinician', bell.email);
    expect(bellLink).toMatch(new RegExp(`^${url}/clinic-invitation#[A-Za-z0-9_-]{20,}$`));
    await openInvitation(bell.page, bellLink);
    await bell.page.getByRole('heading', { name: 'Join Riverside Psychology as a clinician?' }).waitFor();
    // The token leaves the address bar at once.
    expect(bell.page.url()).toBe(`${url}/clinic-invitation`);
    await bell.page.getByRole('button', { name: 'Accept and join' }).click();
    await bell.page.getByRole('heading', { name: 'No one shares with you yet' }).waitFor();

    // Four people; their questionnaires before they join.
    const alice = await person(run.browser, url, 'Alice');
    const ben = await person(run.browser, url, 'Ben');
    const cara = await person(run.browser, url, 'Cara');
    const dan = await person(run.browser, url, 'Dan');
    // Ben: 6 → 11 is a reliable deterioration (RCI 2.53 > 1.96) below the 6-point rise that would
    // send him to a professional (a safety event).
    await seedScreenerHistory(ben.page, url, 'phq9', [
      [20, 6],
      [5, 11],
    ]);
    await seedScreenerHistory(cara.page, url, 'phq9', [
      [20, 4],
      [5, 3],
    ]);
    await seedScreenerHistory(dan.page, url, 'phq9', [
      [20, 4],
      [5, 4],
    ]);
    await phq9Today(alice.page, url, 0, 1); // item 9 "Several days": a safety event today

    // Each opens their link: the consent screen lists exactly what is shared and who reads it.
    for (const p of [alice, ben, cara, dan]) {
      const link = await inviteByLink(admin.page, 'person', p.email);
      await openInvitation(p.page, link);
      await p.page.getByRole('heading', { name: 'Share with Riverside Psychology?' }).waitFor();
      const shared = await p.page
        .getByRole('list', { name: 'What is shared' })
        .getByRole('listitem')
        .allTextContents();
      expect(shared).toEqual(CLINIC_SHARED_KINDS.map((k) => SHARE_KINDS[k].label));
      expect(await p.page.getByText('Dr Adams').count()).toBeGreaterThan(0);
      if (p === alice && engine === 'sqlite') {
        for (const scheme of ['light', 'dark'] as const) {
          await p.page.emulateMedia({ colorScheme: scheme });
          await screenshot(p.page, `clinics/consent-phone-${scheme}`);
        }
        expect(await overflowsSideways(p.page)).toBe(false);
      }
      await acceptInvitationLink(p.page);
    }

    // Dan's GAD-7 every 2 weeks, the first due 10 days ago: overdue, set on his page.
    await admin.page.goto(`${url}/clinic/${clinicId}`);
    await admin.page.getByRole('link', { name: 'Dan', exact: true }).click();
    await admin.page.getByRole('heading', { name: 'Dan', exact: true }).waitFor();
    await admin.page.getByLabel('First one due on').fill(daysAgo(10));
    await admin.page.getByLabel('GAD-7').selectOption({ label: 'Every 2 weeks' });
    await expect
      .poll(() => admin.page.getByTestId('schedule-gad7').textContent())
      .toBe('GAD-7 overdue by 10 days (every 2 weeks)');
    // A treatment-phase marker, drawn through the charts, and a note for the clinic only.
    await admin.page.getByLabel('Date', { exact: true }).fill(daysAgo(12));
    await admin.page.getByLabel('What changed').fill('Started CBT');
    await admin.page.getByRole('button', { name: 'Add marker' }).click();
    await admin.page.getByRole('button', { name: 'Remove the marker Started CBT' }).waitFor();
    const panels = admin.page.locator('.trajectory-panel');
    await panels.first().waitFor();
    const panelCount = await panels.count();
    expect(panelCount).toBe(4); // PHQ-9, GAD-7, WHO-5 and daily mood
    await expect
      .poll(() => admin.page.locator('.trajectories svg text', { hasText: 'Started CBT' }).count())
      .toBe(panelCount);
    await admin.page.getByLabel('New note').fill('Sleep is the first thing to work on.');
    await admin.page.getByRole('button', { name: 'Add note' }).click();
    await admin.page.getByText('Sleep is the first thing to work on.').waitFor();
    if (engine === 'sqlite')
      for (const [size, viewport] of Object.entries({ desktop: DESKTOP, ...TABLETS })) {
        await admin.page.setViewportSize(viewport);
        await admin.page.evaluate(() => window.scrollTo(0, 0));
        await screenshot(admin.page, `clinics/person-${size}-light`);
      }
    await admin.page.setViewportSize(DESKTOP);

    // The caseload: Alice (safety, with the date) · Ben (reliably worse) · Dan (overdue) · Cara.
    await admin.page.goto(`${url}/clinic/${clinicId}`);
    await admin.page.getByRole('heading', { name: 'Caseload', exact: true }).waitFor();
    expect(await entryNames(admin.page)).toEqual(['Alice', 'Ben', 'Dan', 'Cara']);
    expect(await admin.page.locator('.tier-title').allTextContents()).toEqual([
      'Safety events (1)',
      'Got worse (reliable change) (1)',
      'Questionnaires overdue (1)',
      'Everyone else (1)',
    ]);
    const first = admin.page.getByTestId('caseload-entry').first();
    expect(await first.locator('.need-badge').textContent()).toBe('Safety event');
    // The event in words, with its date (today, as the browser writes it: "Dec 6").
    const today = new Intl.DateTimeFormat('en-US', {
      month: 'short',
      day: 'numeric',
      timeZone: 'UTC',
    }).format(new Date());
    const events = await first.getByRole('list', { name: 'Safety events for Alice' }).textContent();
    expect(events).toMatch(/Several days/);
    expect(events).toContain(today);
    const second = admin.page.getByTestId('caseload-entry').nth(1);
    // (11 − 6) ÷ (3.5 · √2 · √(1 − 0.84)) = 5 ÷ 1.980 = 2.53.
    expect(await second.getByText('Reliably worse (RCI +2.53)', { exact: true }).count()).toBe(1);
    expect(await admin.page.getByTestId('caseload-entry').nth(2).textContent()).toContain(
      'GAD-7 overdue by 10 days',
    );
    // The reliability and SD behind it, with their sources.
    const basis = admin.page.getByRole('table', { name: 'Reliability and SD used per questionnaire' });
    expect(
      await basis
        .getByRole('link', { name: /Kroenke/ })
        .first()
        .getAttribute('href'),
    ).toMatch(/^https:\/\/doi\.org\//);

    // Keyboard and axe on the caseload; screenshots on desktop and tablets.
    expect(await unreachableByKeyboard(admin.page)).toEqual([]);
    const a11y = await axe(admin.page);
    expect(a11y.violations.filter((v) => ['serious', 'critical'].includes(v.impact))).toEqual([]);
    await admin.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    for (const scheme of ['light', 'dark'] as const) {
      await admin.page.emulateMedia({ colorScheme: scheme });
      for (const [size, viewport] of Object.entries({ desktop: DESKTOP, ...TABLETS })) {
        await admin.page.setViewportSize(viewport);
        expect(await overflowsSideways(admin.page), `${size} ${scheme}`).toBe(false);
        // The nav keeps to one row on a tablet.
        expect(await admin.page.locator('header.topbar').evaluate((el) => el.clientHeight)).toBeLessThan(80);
        if (engine === 'sqlite') await screenshot(admin.page, `clinics/caseload-${size}-${scheme}`);
      }
    }
    await admin.page.emulateMedia({ colorScheme: 'light' });
    await admin.page.setViewportSize(DESKTOP);

    // The CSV for the clinic's own records, in the same order.
    const csv = await admin.page.request.get(`${url}/api/clinician/clinics/${clinicId}/caseload.csv`);
    expect(csv.status()).toBe(200);
    expect(csv.headers()['content-type']).toMatch(/^text\/csv/);
    const names = (await csv.text())
      .split('\n')
      .slice(1)
      .filter(Boolean)
      .map((l) => l.split(',')[0] ?? '');
    expect(names.map((n) => n.replace(/"/g, ''))).toEqual(['Alice', 'Ben', 'Dan', 'Cara']);

    // Dan sees the questionnaire the clinic asked for on Checks.
    await dan.page.goto(`${url}/checks`);
    const due = dan.page.getByRole('region', { name: 'Asked for by your clinic' });
    await due.waitFor();
    expect(await due.getByRole('link', { name: 'Take GAD-7' }).getAttribute('href')).toBe('/checks/gad7');

    for (const p of [admin, bell, alice, ben, cara, dan]) await p.context.close();
  });

  it('a person leaving the clinic ends every clinician’s access at once', async () => {
    const url = run.server.url;
    const admin = await clinician(run.browser, url, 'Dr Chen');
    const clinicId = await startClinic(admin.page, url, 'Harbour Clinic');
    const dee = await clinician(run.browser, url, 'Dr Dee');
    await openInvitation(dee.page, await inviteByLink(admin.page, 'clinician', dee.email));
    await dee.page.getByRole('button', { name: 'Accept and join' }).click();
    await dee.page.getByRole('heading', { name: 'Caseload', exact: true }).waitFor();

    const eve = await person(run.browser, url, 'Eve');
    // Declining shares nothing: the clinic still has no one.
    await openInvitation(eve.page, await inviteByLink(admin.page, 'person', eve.email));
    await eve.page.getByRole('button', { name: 'Decline' }).click();
    await eve.page.getByText('Nothing was shared with Harbour Clinic.', { exact: false }).waitFor();
    await admin.page.goto(`${url}/clinic/${clinicId}`);
    await admin.page.getByRole('heading', { name: 'No one shares with you yet' }).waitFor();
    await admin.page.goto(`${url}/clinic/${clinicId}/team`);
    await openInvitation(eve.page, await inviteByLink(admin.page, 'person', eve.email));
    await acceptInvitationLink(eve.page);

    // Both clinicians see Eve, and open her page.
    for (const c of [admin, dee]) {
      await c.page.goto(`${url}/clinic/${clinicId}`);
      await c.page.getByRole('link', { name: 'Eve', exact: true }).click();
      await c.page.getByRole('heading', { name: 'Eve', exact: true }).waitFor();
    }
    const personPath = new URL(admin.page.url()).pathname;

    // Eve reads the clinic on Data & sharing, and leaves.
    await eve.page.goto(`${url}/data`);
    const card = eve.page.getByRole('region', { name: 'Clinics you share with' });
    await card.getByRole('heading', { name: 'Harbour Clinic' }).waitFor();
    // Each clinician's reading is in her access log.
    for (const name of ['Dr Chen', 'Dr Dee'])
      await eve.page.getByText(`${name} (Harbour Clinic) read your`).first().waitFor();
    await card.getByRole('button', { name: 'Leave clinic' }).click();
    await card.getByRole('button', { name: 'Leave clinic' }).click(); // the confirmation
    await eve.page.getByText('You left Harbour Clinic.').waitFor();

    // At once, for both clinicians: an empty caseload and her page gone.
    for (const c of [admin, dee]) {
      await c.page.goto(`${url}/clinic/${clinicId}`);
      await c.page.getByRole('heading', { name: 'No one shares with you yet' }).waitFor();
      await c.page.goto(`${url}${personPath}`);
      await c.page.getByRole('alert').waitFor();
      const api = await c.page.request.get(
        `${url}/api/clinician/clinics/${clinicId}/people/${personPath.split('/').at(-1)}`,
      );
      expect(api.status()).toBe(404);
    }
    for (const p of [admin, dee, eve]) await p.context.close();
  });
});
