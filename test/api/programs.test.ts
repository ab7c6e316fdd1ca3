import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

interface Goal {
  id: string;
  status: string;
}

describe.each(testEngines())('programs on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let ann: TestClient;
  let ben: TestClient;
  let enrolmentId: string;
  // Noon on 4 March 2026 in Dublin: day 3 of a challenge started on 2 March.
  const now = new Date('2026-03-04T12:00:00Z');

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => now });
    ann = await registerClient(app, { timeZone: 'Europe/Dublin' });
    ben = await registerClient(app, { timeZone: 'Europe/Dublin' });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const goalsOf = (body: { day: { goals: Goal[] } }) =>
    Object.fromEntries(body.day.goals.map((g) => [g.id, g.status]));
  const loggedRows = async () => ({
    observations: await store.db
      .selectFrom('observation')
      .select(['date', 'measure', 'value'])
      .orderBy('id')
      .execute(),
    entries: await store.db.selectFrom('food_entry').select(['date', 'food_id']).orderBy('id').execute(),
  });

  it('answers 401 without a session', async () => {
    const anon = client(app);
    expect((await anon.get('/api/programs')).statusCode).toBe(401);
    expect((await anon.get('/api/enrolments/today')).statusCode).toBe(401);
    expect((await anon.post('/api/enrolments', { programId: 'gut_brain_30_day' })).statusCode).toBe(401);
  });

  it('lists both programs', async () => {
    const programs = (await ann.get('/api/programs')).json().programs;
    expect(programs.map((p: { id: string; lengthDays: number | null }) => [p.id, p.lengthDays])).toEqual([
      ['gut_brain_30_day', 30],
      ['three_level_guide', null],
    ]);
  });

  it.each([
    ['an unknown program', { programId: 'detox' }, 'programId'],
    ['a bad start date', { programId: 'gut_brain_30_day', startDate: '2026-02-30' }, 'startDate'],
    ['an unknown field', { programId: 'gut_brain_30_day', personId: 'x' }, 'personId'],
  ])('refuses to enrol with %s', async (_label, body, field) => {
    const res = await ann.post('/api/enrolments', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe(field);
    expect(await store.db.selectFrom('program_enrolment').selectAll().execute()).toEqual([]);
  });

  it('enrols on a start date and ticks today’s goals from what was logged', async () => {
    const res = await ann.post('/api/enrolments', { programId: 'gut_brain_30_day', startDate: '2026-03-02' });
    expect(res.statusCode).toBe(201);
    enrolmentId = res.json().enrolment.id;
    expect(res.json()).toMatchObject({ state: 'active', today: '2026-03-04', day: { day: 3, week: 1 } });
    expect(goalsOf(res.json())).toEqual({
      morning_sunlight: 'not_met',
      movement_20: 'not_met',
      fermented_food: 'not_met',
      consistent_bedtime: 'unknown',
    });
    expect((await ann.post('/api/enrolments', { programId: 'gut_brain_30_day' })).statusCode).toBe(409);

    await ann.post('/api/food-entries', { foodId: 'kefir', meal: 'breakfast', servings: 1 });
    await ann.put('/api/habits/2026-03-04', { movement: { minutes: 20, kind: 'walk' } });
    const today = (await ann.get('/api/enrolments/today')).json();
    expect(today.date).toBe('2026-03-04');
    expect(today.programs).toHaveLength(1);
    expect(goalsOf(today.programs[0])).toMatchObject({ movement_20: 'met', fermented_food: 'met' });
    const progress = (await ann.get(`/api/enrolments/${enrolmentId}`)).json();
    expect(progress.calendar[2]).toMatchObject({
      date: '2026-03-04',
      state: 'partial',
      met: ['movement_20', 'fermented_food'],
    });
    expect(progress.calendar[3]).toMatchObject({ date: '2026-03-05', state: 'future' });
    expect(progress.weeks[0]).toMatchObject({
      week: 1,
      daysElapsed: 3,
      goalsMet: 2,
      goalsDue: 12,
      percent: 17,
    });
  });

  it('refuses hand ticks on goals that are ticked from logs, and choices on required goals', async () => {
    const tick = await ann.put(`/api/enrolments/${enrolmentId}/ticks`, {
      date: '2026-03-04',
      goalId: 'movement_20',
      ticked: true,
    });
    expect(tick.statusCode).toBe(400);
    expect(tick.json().error.field).toBe('goalId');
    const notYet = await ann.put(`/api/enrolments/${enrolmentId}/ticks`, {
      date: '2026-03-04',
      goalId: 'reflection',
      ticked: true,
    });
    expect(notYet.json().error.field).toBe('goalId');
    const choice = await ann.put(`/api/enrolments/${enrolmentId}/choices`, {
      goalId: 'movement_20',
      choice: 'skipped',
    });
    expect(choice.json().error.field).toBe('goalId');
    const future = await ann.put(`/api/enrolments/${enrolmentId}/ticks`, {
      date: '2026-03-05',
      goalId: 'reflection',
      ticked: true,
    });
    expect(future.json().error.field).toBe('date');
  });

  it('keeps every enrolment private: another person gets 404, a malformed id 400', async () => {
    expect((await ben.get(`/api/enrolments/${enrolmentId}`)).statusCode).toBe(404);
    expect((await ben.post(`/api/enrolments/${enrolmentId}/leave`)).statusCode).toBe(404);
    expect(
      (
        await ben.put(`/api/enrolments/${enrolmentId}/ticks`, {
          date: '2026-03-04',
          goalId: 'reflection',
          ticked: true,
        })
      ).statusCode,
    ).toBe(404);
    expect((await ben.get('/api/enrolments/today')).json().programs).toEqual([]);
    const bad = await ann.get('/api/enrolments/not-an-id');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('id');
  });

  it('pausing, resuming, leaving and restarting keep all logged data', async () => {
    const before = await loggedRows();
    const paused = await ann.post(`/api/enrolments/${enrolmentId}/pause`);
    expect(paused.json()).toMatchObject({ state: 'paused', day: null });
    expect((await ann.post(`/api/enrolments/${enrolmentId}/pause`)).statusCode).toBe(409);
    const resumed = (await ann.post(`/api/enrolments/${enrolmentId}/resume`)).json();
    expect(resumed).toMatchObject({ state: 'active', day: { day: 3 } });
    const left = (await ann.post(`/api/enrolments/${enrolmentId}/leave`)).json();
    expect(left.state).toBe('left');
    expect((await ann.get('/api/enrolments/today')).json().programs).toEqual([]);
    const restarted = await ann.post(`/api/enrolments/${enrolmentId}/restart`, { startDate: '2026-03-04' });
    expect(restarted.statusCode).toBe(201);
    expect(restarted.json()).toMatchObject({ state: 'active', day: { day: 1 } });
    // The kefir and the walk logged before the restart still count on the new day 1.
    expect(goalsOf(restarted.json())).toMatchObject({ movement_20: 'met', fermented_food: 'met' });
    expect(await loggedRows()).toEqual(before);
    const all = (await ann.get('/api/enrolments')).json().enrolments;
    expect(all.map((e: { status: string }) => e.status).sort()).toEqual(['active', 'left']);
  });

  it('a finished challenge: the weekly reflection is ticked by hand and the report compares week 1 and week 4', async () => {
    const cara = await registerClient(app, { timeZone: 'Europe/Dublin' });
    // Started 1 February: 30 days end on 2 March; week 4 is 22 February – 2 March.
    const e = (
      await cara.post('/api/enrolments', { programId: 'gut_brain_30_day', startDate: '2026-02-01' })
    ).json();
    for (const [date, mood] of [
      ['2026-02-01', 4],
      ['2026-02-03', 6],
      ['2026-02-24', 7],
    ] as const) {
      await cara.put(`/api/checkins/${date}`, { mood });
    }
    const skip = await cara.put(`/api/enrolments/${e.enrolment.id}/choices`, {
      goalId: 'fasting_window',
      choice: 'skipped',
    });
    expect(skip.statusCode).toBe(200);
    const tick = await cara.put(`/api/enrolments/${e.enrolment.id}/ticks`, {
      date: '2026-02-25',
      goalId: 'reflection',
      ticked: true,
    });
    expect(tick.statusCode).toBe(200);
    expect(goalsOf(tick.json()).reflection).toBe('met');
    const p = (await cara.get(`/api/enrolments/${e.enrolment.id}`)).json();
    expect(p.state).toBe('completed');
    expect(p.calendar).toHaveLength(30);
    expect(p.report).toMatchObject({ firstWeek: 1, lastWeek: 4, final: true });
    expect(p.report.measures[0]).toEqual({
      measure: 'mood',
      label: 'Mood',
      first: { mean: 5, days: 2 },
      last: { mean: 7, days: 1 },
      change: 2,
    });
  });
});
