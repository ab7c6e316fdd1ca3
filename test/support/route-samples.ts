/**
 * One entry per registered route (`METHOD url`): whether it is public, and how to fill its params,
 * query and body for a thing owned by Alice. Generated tests (test/api/route-security.test.ts,
 * test/api/route-fuzz.*.test.ts) walk `app.routeTable` against this table and fail when a route is
 * missing here, so a new route cannot ship untested.
 *
 * @example const alice = await seedAlice(app); const req = requestFor('GET /api/experiments/:id', alice);
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { expect } from 'vitest';
import type { Access } from '../../src/contract/endpoint.ts';
import { buildApp } from '../../src/server/app.ts';
import { openStore } from '../../src/store/open.ts';
import { client, registerClient, type TestClient } from './api.ts';
import { createTestDatabase } from './db.ts';

/** Written into every free-text field of Alice's things: it must never reach anyone else. */
export const MARKER = 'ALICEMARKER7Q';
export const ALICE_PASSWORD = 'alice keeps a long secret';
export const SAMPLE_DATE = '2026-03-01';
export const NOW = new Date('2026-03-10T12:00:00Z');

const fixtures = join(import.meta.dirname, '../../src/core/microbiome/fixtures');
export const METAPHLAN = readFileSync(join(fixtures, 'metaphlan4_rel_ab_w_read_stats.tsv'));
export const MODULES = 'MGB005\tGABA synthesis\nK01580\nK13052,K13053\tK00823\n///\n';
export const TAXONOMY = 'Feature ID\tTaxon\tConfidence\nf1\tk__Bacteria; g__Roseburia\t0.9\n';
const PHQ9 = Object.fromEntries([1, 2, 1, 3, 0, 2, 1, 0, 0].map((v, i) => [`phq9_${i + 1}`, v]));
const QUIZ = [{ questionId: 'claim:claim_sleep_8_to_10_hours', optionId: 'overstated' }];
/** A small Apple Health export.xml: one watch's steps on the sample date, its name Alice's. */
export const APPLE_HEALTH = `<?xml version="1.0" encoding="UTF-8"?>
<!DOCTYPE HealthData [
<!ELEMENT HealthData (ExportDate,Me,(Record|Workout)*)>
]>
<HealthData locale="en_GB">
 <Record type="HKQuantityTypeIdentifierStepCount" sourceName="${MARKER} Watch" unit="count" startDate="2026-03-01 08:00:00 +0000" endDate="2026-03-01 08:10:00 +0000" value="500"/>
</HealthData>
`;
const DAYLIO = `full_date,date,weekday,time,mood,activities,note_title,note\n2026-02-20,February 20,Friday,20:00,good,walk,,${MARKER}\n`;

/** Alice's things, made through the API; `client` is her logged-in session. */
export interface Alice {
  client: TestClient;
  personId: string;
  email: string;
  customFood: string;
  foodEntry: string;
  measure: string;
  enrolment: string;
  experiment: string;
  screenerResponse: string;
  quizAttempt: string;
  sample: string;
  taxonomy: string;
  grant: string;
  assignment: string;
  /** The push endpoint of Alice's device (a secret of hers, like an id). */
  pushEndpoint: string;
  /** The clinic of the clinician she shares with, which she joined (issue 21). */
  clinic: string;
  clinicMembership: string;
  clinicMarker: string;
  /** A colleague's staff row in that clinic, a pending invitation of it, and an open invitation token for Alice. */
  clinicColleague: string;
  clinicInvitation: string;
  clinicToken: string;
  /** Every id above: none may appear in an answer to anyone else. */
  ids: string[];
}

export interface Clinicians {
  /** A clinician Alice shares with (made her assignment). */
  granted: TestClient;
  grantedEmail: string;
  /** A clinician account Alice never shared with. */
  stranger: TestClient;
}

export interface RouteRequest {
  url: string;
  body?: unknown;
  /** Raw bytes with this content type (uploads), instead of JSON. */
  raw?: { type: string; payload: string | Buffer };
}

interface Spec {
  public?: true;
  /** A param or query names a thing Alice owns: anyone else gets 404 (non-clinicians 403 on clinician routes). */
  owned?: true;
  /** Hashes a password with argon2: slow, so fuzzed less (see test/support/route-fuzz.ts). */
  argon2?: true;
  params?: (a: Alice) => Record<string, string>;
  query?: (a: Alice) => Record<string, string>;
  body?: (a: Alice) => unknown;
  raw?: (a: Alice) => { type: string; payload: string | Buffer };
  /** Alice's own answer when it is not a 2xx. */
  own?: number;
}

const entry = (a: Alice) => ({ id: a.foodEntry });
const enrolment = (a: Alice) => ({ id: a.enrolment });
const experiment = (a: Alice) => ({ id: a.experiment });
const measure = (a: Alice) => ({ id: a.measure });
const day = () => ({ date: SAMPLE_DATE });
const person = (a: Alice) => ({ personId: a.personId });
const clinic = (a: Alice) => ({ clinicId: a.clinic });
const clinicPerson = (a: Alice) => ({ clinicId: a.clinic, personId: a.personId });
const schedule = (a: Alice) => ({ ...clinicPerson(a), instrument: 'phq9' });
const text = (payload: string | Buffer) => () => ({ type: 'text/plain', payload });
const importBody = () => ({ source: 'daylio', files: [{ name: 'daylio.csv', content: DAYLIO }] });
/** A browser's PushSubscription.toJSON(): a real P-256 public key and a 16-byte auth secret. */
const pushSubscription = (endpoint: string) => ({
  endpoint,
  expirationTime: null,
  keys: {
    p256dh: 'BCpDPhuma5iJGUC0U7r3UGMgtEK-lVUR6Ui6swOfnQnaFTu3YNFfrgUeVTYqs-jQ6di680C5_vlsReQzGwXtCAY',
    auth: 'ct-IhNkyV9vWiVOKhsS9Tw',
  },
});

export const ROUTES: Record<string, Spec> = {
  'POST /api/auth/register': {
    public: true,
    argon2: true,
    body: () => ({ email: 'new@example.com', password: 'a long new password', displayName: 'New' }),
  },
  'POST /api/auth/login': {
    public: true,
    argon2: true,
    body: (a) => ({ email: a.email, password: ALICE_PASSWORD }),
  },
  'POST /api/auth/logout': { public: true },
  'GET /api/auth/session': {},
  'GET /api/openapi.json': { public: true },
  'POST /api/auth/password': {
    argon2: true,
    body: () => ({ currentPassword: ALICE_PASSWORD, newPassword: ALICE_PASSWORD }),
  },
  'PATCH /api/account': { body: () => ({ displayName: `Alice ${MARKER}` }) },
  'DELETE /api/account': { argon2: true, body: () => ({ password: ALICE_PASSWORD }) },

  'GET /api/checkins': { query: () => ({ from: '2026-02-01', to: '2026-03-10' }) },
  'GET /api/checkins/:date': { params: day },
  'PUT /api/checkins/:date': { params: day, body: () => ({ mood: 7, note: `${MARKER} note` }) },
  'DELETE /api/checkins/:date': { params: day },

  'GET /api/clinician/people': {},
  'POST /api/clinician/people/:personId/assignments': {
    owned: true,
    params: person,
    body: () => ({ programId: 'gut_brain_30_day' }),
  },
  'GET /api/clinician/people/:personId/report.pdf': { owned: true, params: person },
  'GET /api/clinician/people/:personId/summary': { owned: true, params: person },

  'GET /api/clinician/clinics': {},
  'POST /api/clinician/clinics': { body: () => ({ name: `Clinic ${MARKER}` }) },
  'GET /api/clinician/clinics/:clinicId': { owned: true, params: clinic },
  'POST /api/clinician/clinics/:clinicId/invitations': {
    owned: true,
    params: clinic,
    body: () => ({ kind: 'person', email: 'someone@example.com' }),
  },
  'DELETE /api/clinician/clinics/:clinicId/invitations/:invitationId': {
    owned: true,
    params: (a) => ({ clinicId: a.clinic, invitationId: a.clinicInvitation }),
  },
  'DELETE /api/clinician/clinics/:clinicId/staff/:staffId': {
    owned: true,
    params: (a) => ({ clinicId: a.clinic, staffId: a.clinicColleague }),
  },
  'GET /api/clinician/clinics/:clinicId/caseload': { owned: true, params: clinic },
  'GET /api/clinician/clinics/:clinicId/caseload.csv': { owned: true, params: clinic },
  'GET /api/clinician/clinics/:clinicId/people/:personId': { owned: true, params: clinicPerson },
  'GET /api/clinician/clinics/:clinicId/people/:personId/fhir': { owned: true, params: clinicPerson },
  'PUT /api/clinician/clinics/:clinicId/people/:personId/schedules/:instrument': {
    owned: true,
    params: schedule,
    body: () => ({ everyWeeks: 2 }),
  },
  'DELETE /api/clinician/clinics/:clinicId/people/:personId/schedules/:instrument': {
    owned: true,
    params: schedule,
  },
  'POST /api/clinician/clinics/:clinicId/people/:personId/markers': {
    owned: true,
    params: clinicPerson,
    body: () => ({ date: SAMPLE_DATE, label: `${MARKER} started CBT` }),
  },
  'DELETE /api/clinician/clinics/:clinicId/people/:personId/markers/:markerId': {
    owned: true,
    params: (a) => ({ ...clinicPerson(a), markerId: a.clinicMarker }),
  },
  'POST /api/clinician/clinics/:clinicId/people/:personId/notes': {
    owned: true,
    params: clinicPerson,
    body: () => ({ text: `${MARKER} clinic note` }),
  },
  'POST /api/clinic-invitations/preview': { body: (a) => ({ token: a.clinicToken }) },
  'POST /api/clinic-invitations/accept': { body: (a) => ({ token: a.clinicToken }) },
  'GET /api/clinic-memberships': {},
  'DELETE /api/clinic-memberships/:id': { owned: true, params: (a) => ({ id: a.clinicMembership }) },
  'GET /api/screeners/due': {},
  'GET /api/fhir/Questionnaire/:instrument': { params: () => ({ instrument: 'phq9' }) },

  'GET /api/enrolments': {},
  'POST /api/enrolments': { body: () => ({ programId: 'three_level_guide' }) },
  'GET /api/enrolments/today': {},
  'GET /api/enrolments/:id': { owned: true, params: enrolment },
  'PUT /api/enrolments/:id/choices': {
    owned: true,
    params: enrolment,
    body: () => ({ goalId: 'fasting_window', choice: 'skipped' }),
  },
  'PUT /api/enrolments/:id/ticks': {
    owned: true,
    params: enrolment,
    body: () => ({ date: '2026-03-10', goalId: 'reflection', ticked: true }),
  },
  'POST /api/enrolments/:id/pause': { owned: true, params: enrolment, body: () => ({}) },
  'POST /api/enrolments/:id/resume': { owned: true, params: enrolment, body: () => ({}) },
  'POST /api/enrolments/:id/leave': { owned: true, params: enrolment, body: () => ({}) },
  'POST /api/enrolments/:id/restart': { owned: true, params: enrolment, body: () => ({}) },

  'GET /api/experiments': {},
  'POST /api/experiments': { body: () => ({ title: `${MARKER} walks`, startDate: '2026-03-10' }) },
  'GET /api/experiments/:id': { owned: true, params: experiment },
  'PATCH /api/experiments/:id': { owned: true, params: experiment, body: () => ({ title: `${MARKER} 2` }) },
  'GET /api/experiments/:id/result': { owned: true, params: experiment },
  'DELETE /api/experiments/:id': { owned: true, params: experiment },

  'GET /api/export/kinds': {},
  'GET /api/export/json': {},
  'GET /api/export/fhir': {},
  'GET /api/export/csv/:kind': { params: () => ({ kind: 'observation' }) },
  'POST /api/import/preview': { body: importBody },
  'POST /api/import/commit': { body: importBody },
  'GET /api/imports': {},

  'POST /api/wearables/import': {
    query: () => ({ source: 'apple-health', name: 'export.xml' }),
    raw: () => ({ type: 'application/xml', payload: APPLE_HEALTH }),
  },
  'GET /api/wearables': {},
  'PUT /api/wearables/priority': { body: () => ({ origins: [`${MARKER} Watch`] }) },
  'DELETE /api/wearables/sources/:source': { params: () => ({ source: 'apple-health' }) },
  'GET /api/wearables/days/:date': { params: day },

  'GET /api/foods': { query: () => ({ q: 'soup', limit: '20' }) },
  'GET /api/foods/recent': {},
  'GET /api/foods/custom': {},
  'POST /api/foods/custom': { body: () => ({ name: `${MARKER} stew`, categories: ['fermented'] }) },
  'GET /api/foods/:foodId': { owned: true, params: (a) => ({ foodId: a.customFood }) },
  'PUT /api/foods/:foodId/favourite': {
    owned: true,
    params: (a) => ({ foodId: a.customFood }),
    body: () => ({ favourite: true }),
  },
  'DELETE /api/foods/custom/:foodId': { owned: true, params: (a) => ({ foodId: a.customFood }) },
  'POST /api/food-entries': {
    body: () => ({ foodId: 'apple', meal: 'lunch', servings: 1, date: SAMPLE_DATE }),
  },
  'PATCH /api/food-entries/:id': { owned: true, params: entry, body: () => ({ servings: 2 }) },
  'DELETE /api/food-entries/:id': { owned: true, params: entry },
  'GET /api/food-days/:date': { params: day },

  'GET /api/habits/:date': { params: day },
  'PUT /api/habits/:date': { params: day, body: () => ({ laughter: true }) },
  'DELETE /api/habits/:date': { params: day },

  'GET /api/insights/associations': { query: () => ({ from: '2026-01-01', to: '2026-03-10' }) },

  'GET /api/insights/daily': { query: () => ({ from: '2026-02-01', to: '2026-03-10' }) },
  'GET /api/insights/week': { query: () => ({ end: '2026-03-10' }) },
  'GET /api/recommendations': {},
  'POST /api/recommendations/:id/dismiss': { params: () => ({ id: 'fermented_food' }) },
  'POST /api/recommendations/:id/snooze': {
    params: () => ({ id: 'sleep_hours' }),
    body: () => ({ days: 7 }),
  },
  'DELETE /api/recommendations/:id/feedback': { params: () => ({ id: 'sleep_hours' }) },
  // Sample data goes only into an empty account: Alice's answer is 409, and nothing is loaded.
  'POST /api/demo': { body: () => ({}), own: 409 },
  'GET /api/knowledge': { public: true },
  'GET /api/knowledge/claims': { public: true },
  'GET /api/knowledge/edges': { public: true },
  'GET /api/knowledge/edges/:id': {
    public: true,
    params: () => ({ id: 'cortisol_awakening_response--rises_during--rhythm_morning' }),
  },
  'GET /api/knowledge/nodes': { public: true, query: () => ({ kind: 'microbe' }) },
  'GET /api/knowledge/nodes/:id': { public: true, params: () => ({ id: 'butyrate' }) },
  'GET /api/knowledge/nodes/:id/neighbourhood': {
    public: true,
    params: () => ({ id: 'butyrate' }),
    query: () => ({ depth: '1' }),
  },
  'GET /api/knowledge/references': { public: true },
  'GET /api/knowledge/references/:id': { public: true, params: () => ({ id: 'yano_2015' }) },
  'GET /api/knowledge/rhythm': { public: true },
  'POST /api/knowledge/search': { public: true, body: () => ({ q: 'butyrate', limit: 5 }) },

  'GET /api/measures': {},
  'GET /api/measures/custom': {},
  'POST /api/measures/custom': { body: () => ({ name: `${MARKER} calm`, kind: 'scale' }) },
  'GET /api/measures/custom/:id/values': { owned: true, params: measure },
  'PUT /api/measures/custom/:id/values/:date': {
    owned: true,
    params: (a) => ({ id: a.measure, date: SAMPLE_DATE }),
    body: () => ({ value: 6 }),
  },
  'DELETE /api/measures/custom/:id/values/:date': {
    owned: true,
    params: (a) => ({ id: a.measure, date: SAMPLE_DATE }),
  },
  'DELETE /api/measures/custom/:id': { owned: true, params: measure },

  'GET /api/microbiome/module-definitions': {},
  'PUT /api/microbiome/module-definitions': { raw: text(MODULES) },
  'DELETE /api/microbiome/module-definitions': {},
  'GET /api/microbiome/samples': {},
  'POST /api/microbiome/samples': {
    query: () => ({ date: SAMPLE_DATE }),
    raw: () => ({ type: 'application/octet-stream', payload: METAPHLAN }),
  },
  'GET /api/microbiome/samples/:id': { owned: true, params: (a) => ({ id: a.sample }) },
  'DELETE /api/microbiome/samples/:id': { owned: true, params: (a) => ({ id: a.sample }) },
  'POST /api/microbiome/taxonomies': { raw: text(TAXONOMY) },

  'GET /api/programs': {},
  'GET /api/programs/:programId': { params: () => ({ programId: 'gut_brain_30_day' }) },

  'GET /api/quiz/questions': { query: () => ({ count: '5' }) },
  'POST /api/quiz/check': { body: () => QUIZ[0] },
  'GET /api/quiz/attempts': {},
  'POST /api/quiz/attempts': { body: () => ({ answers: QUIZ }) },
  'GET /api/quiz/attempts/:id': { owned: true, params: (a) => ({ id: a.quizAttempt }) },

  'GET /api/push/key': {},
  // Another device than Alice's: whoever registers it owns it (Bob's copy is his own row).
  'POST /api/push/subscriptions': {
    body: () => pushSubscription('https://push.example.com/send/another-device'),
  },
  // Alice's device: anyone else is answered 404 and her subscription stays.
  'DELETE /api/push/subscriptions': { owned: true, body: (a) => ({ endpoint: a.pushEndpoint }) },

  'GET /api/reminders': {},
  'PUT /api/reminders': {
    body: () => ({
      checkin: { enabled: true, time: '20:00' },
      questionnaire: { enabled: true },
      program: { enabled: false, time: '12:00' },
    }),
  },
  'GET /api/reminders/due': {},
  'POST /api/reminders/dismissals': { body: () => ({ kind: 'checkin' }) },

  'GET /api/safety/regions': { public: true },
  'GET /api/safety/status': {},
  'PUT /api/safety/region': { body: () => ({ region: 'IE' }) },
  // Only while the diary prompt is showing: Alice has none, so her own request is refused (409).
  'POST /api/safety/dismissals': { body: () => ({ kind: 'low_mood_pattern' }), own: 409 },

  'GET /api/screeners/instruments': {},
  'GET /api/screeners/overview': {},
  'POST /api/screeners/:instrument': {
    params: () => ({ instrument: 'phq9' }),
    body: () => ({ answers: PHQ9 }),
  },
  'GET /api/screeners/responses': { query: () => ({ instrument: 'phq9' }) },
  'GET /api/screeners/responses/:id': { owned: true, params: (a) => ({ id: a.screenerResponse }) },
  'DELETE /api/screeners/responses/:id': { owned: true, params: (a) => ({ id: a.screenerResponse }) },
  'POST /api/screeners/responses/:id/support-read': {
    owned: true,
    params: (a) => ({ id: a.screenerResponse }),
  },

  'GET /api/sharing/kinds': {},
  'PUT /api/sharing/role': { body: () => ({ clinician: false }) },
  'GET /api/sharing/grants': {},
  'POST /api/sharing/grants': { body: () => ({ clinicianEmail: 'stranger-clinician@clinic.example' }) },
  'DELETE /api/sharing/grants/:id': { owned: true, params: (a) => ({ id: a.grant }) },
  'GET /api/sharing/access-log': {},
  'GET /api/sharing/assignments': {},
  'POST /api/sharing/assignments/:id/:answer': {
    owned: true,
    params: (a) => ({ id: a.assignment, answer: 'decline' }),
  },
  'GET /api/sharing/report.pdf': { query: () => ({ from: '2026-02-01', to: '2026-03-10' }) },
};

export const routeKey = (r: { method: string; url: string }) => `${r.method} ${r.url}`;

export function specOf(key: string): Spec {
  const spec = ROUTES[key];
  if (!spec) throw new Error(`${key} is not in test/support/route-samples.ts`);
  return spec;
}

/** The route's pattern with params replaced (each value URL-encoded). */
export function fillUrl(pattern: string, params: Record<string, string>, query?: Record<string, string>) {
  const path = pattern.replace(/:([A-Za-z]+)/g, (_, name: string) => {
    const v = params[name];
    if (v === undefined) throw new Error(`no value for :${name} in ${pattern}`);
    return encodeURIComponent(v);
  });
  const qs = query && Object.keys(query).length > 0 ? `?${new URLSearchParams(query)}` : '';
  return path + qs;
}

/** The valid request for `METHOD url` on Alice's things. */
export function requestFor(key: string, a: Alice): RouteRequest {
  const spec = specOf(key);
  const pattern = key.slice(key.indexOf(' ') + 1);
  const url = fillUrl(pattern, spec.params?.(a) ?? {}, spec.query?.(a));
  if (spec.raw) return { url, raw: spec.raw(a) };
  return { url, body: spec.body?.(a) };
}

/** Sends a request (JSON or raw) as `c`, or as nobody when `c` is undefined. */
export function send(app: FastifyInstance, c: TestClient | undefined, method: string, req: RouteRequest) {
  if (!req.raw) return (c ?? client(app)).request(method, req.url, req.body);
  return app.inject({
    method: method as 'POST',
    url: req.url,
    payload: req.raw.payload,
    headers: {
      'content-type': req.raw.type,
      ...(c?.cookie ? { cookie: `gb_session=${c.cookie}` } : {}),
      ...(c?.csrfToken ? { 'x-csrf-token': c.csrfToken } : {}),
    },
  });
}

const created = (res: { statusCode: number; body: string }, what: string) => {
  expect(res.statusCode, `${what}: ${res.body}`).toBeLessThan(300);
  return JSON.parse(res.body);
};

/** Two clinician accounts; Alice shares with the first (seedAlice names it). */
export async function makeClinicians(app: FastifyInstance, tag: string): Promise<Clinicians> {
  const grantedEmail = `granted-${tag}@clinic.example`;
  const granted = await registerClient(app, { email: grantedEmail, displayName: 'Dr Granted' });
  const stranger = await registerClient(app, {
    email: `stranger-clinician@clinic.example`,
    displayName: 'Dr Stranger',
  });
  for (const c of [granted, stranger]) created(await c.put('/api/sharing/role', { clinician: true }), 'role');
  return { granted, grantedEmail, stranger };
}

/** Registers Alice and makes one of each kind of thing she can own, through the API. */
export async function seedAlice(app: FastifyInstance, clinicians: Clinicians, tag: string): Promise<Alice> {
  const email = `alice-${tag}@example.com`;
  const c = await registerClient(app, { email, password: ALICE_PASSWORD, displayName: `Alice ${MARKER}` });
  const personId = c.personId as string;
  await c.put(`/api/checkins/${SAMPLE_DATE}`, { mood: 6, sleepHours: 7, note: `${MARKER} diary` });
  await c.put(`/api/habits/${SAMPLE_DATE}`, { laughter: true });
  const customFood = created(await c.post('/api/foods/custom', { name: `${MARKER} soup` }), 'food').food.id;
  const foodEntry = created(
    await c.post('/api/food-entries', { foodId: customFood, meal: 'lunch', servings: 1, date: SAMPLE_DATE }),
    'food entry',
  ).id;
  const measure = created(
    await c.post('/api/measures/custom', { name: `${MARKER} calm`, kind: 'scale' }),
    'measure',
  ).measure.id;
  created(
    await c.put(`/api/measures/custom/${measure}/values/${SAMPLE_DATE}`, { value: 6 }),
    'measure value',
  );
  const enrolment = created(
    await c.post('/api/enrolments', { programId: 'gut_brain_30_day', startDate: '2026-02-10' }),
    'enrolment',
  ).enrolment.id;
  const experiment = created(
    await c.post('/api/experiments', { title: `${MARKER} kefir`, startDate: SAMPLE_DATE }),
    'experiment',
  ).experiment.id;
  const screenerResponse = created(await c.post('/api/screeners/phq9', { answers: PHQ9 }), 'screener')
    .response.id;
  const quizAttempt = created(await c.post('/api/quiz/attempts', { answers: QUIZ }), 'quiz').attempt.id;
  const upload = (method: string, url: string, raw: { type: string; payload: string | Buffer }) =>
    send(app, c, method, { url, raw });
  const taxonomy = created(
    await upload('POST', '/api/microbiome/taxonomies', text(TAXONOMY)()),
    'taxonomy',
  ).id;
  created(await upload('PUT', '/api/microbiome/module-definitions', text(MODULES)()), 'modules');
  const sample = created(
    await upload('POST', `/api/microbiome/samples?date=${SAMPLE_DATE}`, {
      type: 'application/octet-stream',
      payload: METAPHLAN,
    }),
    'sample',
  ).sample.id;
  created(await c.post('/api/recommendations/sleep_hours/snooze', { days: 7 }), 'snooze');
  created(await c.put('/api/reminders', ROUTES['PUT /api/reminders']?.body?.({} as Alice)), 'reminders');
  const pushEndpoint = `https://push.example.com/send/alice-${tag}`;
  const subscribed = await c.post('/api/push/subscriptions', pushSubscription(pushEndpoint));
  expect(subscribed.statusCode, `push subscription: ${subscribed.body}`).toBe(204);
  created(await c.post('/api/import/commit', importBody()), 'import');
  created(
    await upload('POST', '/api/wearables/import?source=apple-health', {
      type: 'application/xml',
      payload: APPLE_HEALTH,
    }),
    'wearables',
  );
  const grant = created(
    await c.post('/api/sharing/grants', { clinicianEmail: clinicians.grantedEmail }),
    'grant',
  ).grant.id;
  const assignment = created(
    await clinicians.granted.post(`/api/clinician/people/${personId}/assignments`, {
      programId: 'gut_brain_30_day',
      note: `${MARKER} try this`,
    }),
    'assignment',
  ).assignment.id;
  const clinicThings = await seedClinic(app, clinicians, c, email, tag);
  const things = {
    ...clinicThings,
    customFood,
    foodEntry,
    measure,
    enrolment,
    experiment,
    screenerResponse,
    quizAttempt,
    sample,
    taxonomy,
    grant,
    assignment,
    pushEndpoint,
  };
  return { client: c, personId, email, ...things, ids: [personId, ...Object.values(things)] };
}

/**
 * The clinician Alice shares with runs a clinic she joined by invitation, with a colleague on its
 * staff, a schedule, a marker and a note about her, one more open invitation for her (for the
 * preview and accept routes) and a pending one to withdraw.
 */
async function seedClinic(
  app: FastifyInstance,
  clinicians: Clinicians,
  c: TestClient,
  email: string,
  tag: string,
) {
  const dr = clinicians.granted;
  const clinic = created(await dr.post('/api/clinician/clinics', { name: `Clinic ${tag}` }), 'clinic').clinic
    .id;
  const base = `/api/clinician/clinics/${clinic}`;
  const invite = async (kind: string, to: string) =>
    created(await dr.post(`${base}/invitations`, { kind, email: to }), 'clinic invitation');
  const join = created(
    await c.post('/api/clinic-invitations/accept', { token: (await invite('person', email)).token }),
    'join clinic',
  );
  const colleagueEmail = `colleague-${tag}@clinic.example`;
  const colleague = await registerClient(app, { email: colleagueEmail, displayName: 'Dr Colleague' });
  created(await colleague.put('/api/sharing/role', { clinician: true }), 'colleague role');
  const staffToken = (await invite('clinician', colleagueEmail)).token;
  created(await colleague.post('/api/clinic-invitations/accept', { token: staffToken }), 'colleague joins');
  const staff = created(await dr.get(base), 'clinic').staff as { id: string; name: string }[];
  const person = `${base}/people/${c.personId}`;
  created(await dr.put(`${person}/schedules/gad7`, { everyWeeks: 2 }), 'schedule');
  const marker = created(
    await dr.post(`${person}/markers`, { date: SAMPLE_DATE, label: `${MARKER} dose` }),
    'marker',
  ).marker.id;
  created(await dr.post(`${person}/notes`, { text: `${MARKER} seen` }), 'note');
  return {
    clinic,
    clinicMembership: join.membershipId as string,
    clinicMarker: marker,
    clinicColleague: staff.find((s) => s.name === 'Dr Colleague')?.id as string,
    clinicInvitation: (await invite('person', 'not-yet@example.com')).invitation.id as string,
    clinicToken: (await invite('person', email)).token as string,
  };
}

/** The text of an answer carries none of Alice's ids or marker. */
export function expectNothingOfAlice(body: string, a: Alice, what: string): void {
  for (const secret of [MARKER, ...a.ids]) expect(body, `${what} leaks ${secret}`).not.toContain(secret);
}

/** An error answer is `{ error: { code, message, field? } }` and nothing else. */
export function expectErrorBody(res: { body: string; headers: Record<string, unknown> }, what: string): void {
  const json = JSON.parse(res.body) as Record<string, unknown>;
  expect(Object.keys(json), what).toEqual(['error']);
  const error = json.error as Record<string, unknown>;
  expect(typeof error.code, what).toBe('string');
  expect(typeof error.message, what).toBe('string');
  expect(
    Object.keys(error).every((k) => ['code', 'message', 'field', 'choices'].includes(k)),
    `${what}: ${res.body}`,
  ).toBe(true);
  if ('field' in error) expect(typeof error.field, what).toBe('string');
  // `choices`: values offered for the person to pick one (a multi-sample file's samples).
  if ('choices' in error) expect(Array.isArray(error.choices), what).toBe(true);
}

/** Who may call a route, as the contract says; undefined while a route is still registered by hand. */
export type RouteAccess = Access | undefined;

/**
 * The /api routes a freshly built app registers (read once, before the tests are generated), each
 * with its access from the contract. The list is the contract's endpoints (`app.endpoints`, from
 * src/server/route-table.ts) together with everything Fastify registered (`app.routeTable`), so a
 * route registered by hand during the move to the contract (issue 19) is still tried — and once
 * every route is in the contract, the two lists are the same.
 */
export async function routeCatalogue(): Promise<Map<string, RouteAccess>> {
  const store = await openStore(await createTestDatabase('sqlite'));
  const app = await buildApp({ store });
  await app.ready();
  const routes = new Map<string, RouteAccess>();
  for (const e of app.hasDecorator('endpoints') ? app.endpoints : []) {
    routes.set(routeKey({ method: e.method, url: e.path }), e.access ?? 'person');
  }
  for (const r of app.routeTable) {
    const key = routeKey(r);
    if (r.url.startsWith('/api/') && !routes.has(key)) routes.set(key, undefined);
  }
  await app.close();
  await store.close();
  return routes;
}

/** The keys (`METHOD url`) of every registered /api route; see routeCatalogue. */
export async function registeredRoutes(): Promise<string[]> {
  return [...(await routeCatalogue()).keys()];
}

/**
 * Samples whose `public` flag disagrees with the contract: a route the contract lets anyone call
 * (`public`) must be marked public here, and one that needs a login (`person`) must not be. An
 * `optional` route reads a session when there is one and decides itself what nobody gets (logout
 * answers 204, the session endpoint 401), so either mark fits it.
 */
export function accessMismatches(catalogue: Map<string, RouteAccess>): string[] {
  const out: string[] = [];
  for (const [key, access] of catalogue) {
    const spec = ROUTES[key];
    if (!spec || access === undefined || access === 'optional') continue;
    if (Boolean(spec.public) !== (access === 'public')) {
      out.push(`${key}: the contract says ${access}, the sample says ${spec.public ? 'public' : 'login'}`);
    }
  }
  return out;
}
