/**
 * Reminder settings and due reminders: off by default, saved per person, bad input refused naming
 * the field, the check-in reminder from the chosen time until the day has a check-in, the
 * questionnaire reminder two weeks after the last one, the program nudge while today's goals are
 * open, dismissals for the day, and no session no answer.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

const phq9 = (codes: number[]) => Object.fromEntries(codes.map((c, i) => [`phq9_${i + 1}`, c]));
const ALL_ON = {
  checkin: { enabled: true, time: '20:00' },
  questionnaire: { enabled: true },
  program: { enabled: true, time: '12:00' },
};

describe.each(testEngines())('reminders on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let ada: TestClient;
  let ben: TestClient;
  let now = new Date('2026-03-10T10:00:00Z');
  const kinds = async (c: TestClient) =>
    ((await c.get('/api/reminders/due')).json().due as { kind: string }[]).map((d) => d.kind);

  beforeAll(async () => {
    store = await openTestStore(engine);
    // The test walks the clock forward two weeks: sessions must outlive that.
    const month = 31 * 24 * 3600_000;
    app = await buildApp({ store, now: () => now, sessionPolicy: { idleMs: month, absoluteMs: month } });
    // Berlin is UTC+1 in March (CET) until the 29th.
    ada = await registerClient(app, { timeZone: 'Europe/Berlin' });
    ben = await registerClient(app, { timeZone: 'Europe/Berlin' });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('answers 401 without a session on every reminder route', async () => {
    const anon = client(app);
    expect((await anon.get('/api/reminders')).statusCode).toBe(401);
    expect((await anon.put('/api/reminders', ALL_ON)).statusCode).toBe(401);
    expect((await anon.get('/api/reminders/due')).statusCode).toBe(401);
    expect((await anon.post('/api/reminders/dismissals', { kind: 'checkin' })).statusCode).toBe(401);
  });

  it('is all off by default, and nothing is due even with no check-in and no questionnaire', async () => {
    const res = await ada.get('/api/reminders');
    expect(res.json().settings).toEqual({
      checkin: { enabled: false, time: '20:00' },
      questionnaire: { enabled: false },
      program: { enabled: false, time: '12:00' },
    });
    now = new Date('2026-03-10T21:00:00Z');
    expect(await kinds(ada)).toEqual([]);
  });

  it('refuses bad settings with a 400 naming the field, and keeps the old ones', async () => {
    const bad = await ada.put('/api/reminders', { ...ALL_ON, checkin: { enabled: true, time: '8pm' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('checkin.time');
    const notBool = await ada.put('/api/reminders', { ...ALL_ON, questionnaire: { enabled: 'yes' } });
    expect(notBool.json().error.field).toBe('questionnaire.enabled');
    expect((await ada.get('/api/reminders')).json().settings.checkin.enabled).toBe(false);
  });

  it('check-in reminder: from the chosen local time until the day has a check-in', async () => {
    expect((await ada.put('/api/reminders', ALL_ON)).json().settings).toEqual(ALL_ON);
    // 18:59 UTC is 19:59 in Berlin: not yet. 19:00 UTC is 20:00: due.
    now = new Date('2026-03-10T18:59:00Z');
    expect(await kinds(ada)).not.toContain('checkin');
    now = new Date('2026-03-10T19:00:00Z');
    const due = (await ada.get('/api/reminders/due')).json();
    expect(due.today).toBe('2026-03-10');
    expect(due.due[0]).toMatchObject({ kind: 'checkin', url: '/today' });
    // Ben's settings are his own: still all off.
    expect(await kinds(ben)).toEqual([]);
    expect((await ada.put('/api/checkins/2026-03-10', { mood: 6 })).statusCode).toBe(200);
    expect(await kinds(ada)).not.toContain('checkin');
    // Past midnight in Berlin (23:30 UTC = 00:30 on the 11th) it is a new day without a check-in,
    // but 00:30 is before 20:00.
    now = new Date('2026-03-10T23:30:00Z');
    expect(await kinds(ada)).not.toContain('checkin');
  });

  it('questionnaire reminder: a first one, then again 14 days after the last', async () => {
    now = new Date('2026-03-10T19:00:00Z');
    expect(await kinds(ada)).toContain('questionnaire');
    expect(
      (await ada.post('/api/screeners/phq9', { answers: phq9([0, 1, 0, 1, 0, 0, 1, 0, 0]) })).statusCode,
    ).toBe(201);
    expect(await kinds(ada)).not.toContain('questionnaire');
    now = new Date('2026-03-23T19:00:00Z'); // 13 days later
    expect(await kinds(ada)).not.toContain('questionnaire');
    now = new Date('2026-03-24T19:00:00Z'); // 14 days later
    const due = (await ada.get('/api/reminders/due')).json().due as { kind: string; detail: string }[];
    expect(due.find((d) => d.kind === 'questionnaire')?.detail).toMatch(/^PHQ-9: two weeks have passed/);
  });

  it('program nudge: while an active program has open goals today, after the nudge time', async () => {
    now = new Date('2026-03-24T10:00:00Z'); // 11:00 in Berlin
    expect((await ada.post('/api/enrolments', { programId: 'gut_brain_30_day' })).statusCode).toBe(201);
    expect(await kinds(ada)).not.toContain('program');
    now = new Date('2026-03-24T11:00:00Z'); // 12:00
    const due = (await ada.get('/api/reminders/due')).json().due as {
      kind: string;
      body: string;
      detail: string;
    }[];
    const nudge = due.find((d) => d.kind === 'program');
    expect(nudge?.detail).toBe('30-day gut–brain challenge: today’s goals are still open.');
    // What a lock screen may show names no program.
    expect(nudge?.body).toBe('Some of today’s goals are still open.');
    expect(await kinds(ben)).toEqual([]);
  });

  it('a dismissal hides that reminder for the rest of the local day only', async () => {
    now = new Date('2026-03-24T19:30:00Z');
    expect(await kinds(ada)).toEqual(['checkin', 'questionnaire', 'program']);
    const bad = await ada.post('/api/reminders/dismissals', { kind: 'everything' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('kind');
    expect((await ada.post('/api/reminders/dismissals', { kind: 'checkin' })).statusCode).toBe(204);
    expect((await ada.post('/api/reminders/dismissals', { kind: 'program' })).statusCode).toBe(204);
    expect(await kinds(ada)).toEqual(['questionnaire']);
    // Dismissing keeps the settings as they were.
    expect((await ada.get('/api/reminders')).json().settings).toEqual(ALL_ON);
    now = new Date('2026-03-25T19:30:00Z');
    expect(await kinds(ada)).toEqual(['checkin', 'questionnaire', 'program']);
  });

  it('deleting the account deletes the settings with it', async () => {
    const id = ada.personId ?? '';
    expect(
      await store.db.selectFrom('reminder_setting').where('person_id', '=', id).selectAll().execute(),
    ).toHaveLength(1);
    await store.db.deleteFrom('person').where('id', '=', id).execute();
    expect(
      await store.db.selectFrom('reminder_setting').where('person_id', '=', id).selectAll().execute(),
    ).toHaveLength(0);
  });
});
