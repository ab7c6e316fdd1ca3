/**
 * Browser-test steps for clinics, done the way a person does them: start a clinic, make an
 * invitation link and read it from the page, open it as the invited person and answer the consent
 * screen. `seedScreenerHistory` brings in dated questionnaire results through the person's own
 * Gutbrain import (the API dates new results today), for tests about change over weeks.
 *
 * @example const link = await inviteByLink(admin, 'person', alice.email); await acceptInvitation(alicePage, link);
 */
import { randomUUID } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect } from 'vitest';
import { registerViaUi, waitForOrReport } from './browser.ts';
import { daysAgo, pageApi } from './page-api.ts';

/** A new person on their own page, past the first-run tour. */
export async function newPerson(page: Page, baseUrl: string, name: string) {
  const account = await registerViaUi(page, baseUrl, name);
  const skip = page.getByRole('button', { name: 'Skip tour' });
  if (await skip.isVisible()) await skip.click();
  return account;
}

/** Turns the signed-in account into a clinician account, as Data & sharing offers. */
export async function becomeClinician(page: Page, baseUrl: string): Promise<void> {
  await page.goto(`${baseUrl}/data`);
  await page.getByRole('button', { name: 'Make this a clinician account' }).click();
  await page.getByRole('button', { name: 'Stop being a clinician account' }).waitFor();
}

/** Starts a clinic from /clinic; ends on its Team and invitations page. */
export async function startClinic(page: Page, baseUrl: string, name: string): Promise<string> {
  await page.goto(`${baseUrl}/clinic`);
  await page.getByLabel('Clinic name').fill(name);
  await page.getByRole('button', { name: 'Start the clinic' }).click();
  await page.getByRole('heading', { name: 'Team and invitations' }).waitFor();
  return page.url().split('/clinic/')[1]?.split('/')[0] as string;
}

const KIND_OPTION = {
  person: 'A person who shares their data',
  clinician: 'A clinician',
  admin: 'An admin (can invite and remove clinicians)',
} as const;

/** On the Team page: makes a link for `email` and returns it as the page shows it. */
export async function inviteByLink(
  page: Page,
  kind: keyof typeof KIND_OPTION,
  email: string,
): Promise<string> {
  await page.getByLabel('Their email').fill(email);
  await page.getByLabel('They join as').selectOption({ label: KIND_OPTION[kind] });
  // Typing the new address took the last link away; the new one names whom it is for.
  expect(await page.getByLabel('Invitation link').count()).toBe(0);
  await page.getByRole('button', { name: 'Make the link' }).click();
  await page.locator('.invite-link strong', { hasText: email }).waitFor();
  return page.getByLabel('Invitation link').inputValue();
}

/** Opens an invitation link as the signed-in person and waits for its consent screen. */
export async function openInvitation(page: Page, link: string): Promise<void> {
  await page.goto(link);
  // A full page load, the session, then the preview: allow for a busy machine (once took over 30 s
  // at a load average of 36 on two cores).
  await waitForOrReport(
    page.getByRole('button', { name: /^Accept and (share|join)$/ }),
    page.locator('main'),
    60_000,
  );
}

type Instrument = 'phq9' | 'gad7';
const BANDS: Record<Instrument, [number, string][]> = {
  phq9: [
    [20, 'severe'],
    [15, 'moderately_severe'],
    [10, 'moderate'],
    [5, 'mild'],
    [0, 'minimal'],
  ],
  gad7: [
    [15, 'severe'],
    [10, 'moderate'],
    [5, 'mild'],
    [0, 'minimal'],
  ],
};

/** Answers adding up to `score` with the last item (PHQ-9 item 9) at 0. */
function answersFor(instrument: Instrument, score: number): Record<string, number> {
  const items = instrument === 'phq9' ? 8 : 7;
  let left = score;
  const out: Record<string, number> = {};
  for (let i = 1; i <= items; i++) {
    const a = Math.min(3, left);
    out[`${instrument}_${i}`] = a;
    left -= a;
  }
  if (instrument === 'phq9') out.phq9_9 = 0;
  if (left > 0) throw new Error(`${score} does not fit ${instrument} with item 9 at 0`);
  return out;
}

/** Adds `instrument` results `[days ago, score]` to the signed-in person's records. */
export async function seedScreenerHistory(
  page: Page,
  baseUrl: string,
  instrument: Instrument,
  results: [number, number][],
): Promise<void> {
  const api = await pageApi(page, baseUrl);
  const doc = await api.get('/api/export/json');
  const rows = results.map(([ago, score]) => ({
    id: randomUUID(),
    instrument,
    date: daysAgo(ago),
    answers: JSON.stringify(answersFor(instrument, score)),
    raw: score,
    score,
    band: BANDS[instrument].find(([min]) => score >= min)?.[1],
    difficulty: null,
    triggers: '[]',
    created_at: `${daysAgo(ago)}T09:00:00.000Z`,
    support_read_at: null,
  }));
  const res = await api.post('/api/import/commit', {
    source: 'gutbrain',
    files: [
      { name: 'history.json', content: JSON.stringify({ ...doc, tables: { screener_response: rows } }) },
    ],
  });
  if (res.status() !== 200) throw new Error(`seeding failed: ${res.status()} ${await res.text()}`);
}

/** Submits a PHQ-9 today through the API, item 9 answered `item9` (0–3), the rest `others`. */
export async function phq9Today(page: Page, baseUrl: string, others: number, item9: number): Promise<void> {
  const api = await pageApi(page, baseUrl);
  const answers = Object.fromEntries(
    Array.from({ length: 9 }, (_, i) => [`phq9_${i + 1}`, i === 8 ? item9 : others]),
  );
  const res = await api.post('/api/screeners/phq9', { answers });
  if (res.status() !== 201) throw new Error(`PHQ-9 failed: ${res.status()}`);
}

/** On a person's consent screen: accepts and waits for the confirmation. */
export async function acceptInvitationLink(page: Page): Promise<void> {
  await page.getByRole('button', { name: 'Accept and share' }).click();
  await page.getByRole('heading', { name: /^You now share with / }).waitFor();
}
