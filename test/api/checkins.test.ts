import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

describe.each(testEngines())('check-ins on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let alice: TestClient;
  let bob: TestClient;
  // 2026-03-10 23:30 in Dublin (UTC+0 in March): "today" for Alice is 2026-03-10.
  const now = new Date('2026-03-10T23:30:00Z');

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => now });
    alice = await registerClient(app, { timeZone: 'Europe/Dublin' });
    bob = await registerClient(app, { timeZone: 'Pacific/Auckland' });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const allRows = () => store.db.selectFrom('observation').selectAll().orderBy('id').execute();

  it('answers 401 without a session', async () => {
    const anon = client(app);
    expect((await anon.get('/api/checkins')).statusCode).toBe(401);
    expect((await anon.get('/api/checkins/2026-03-01')).statusCode).toBe(401);
    expect((await anon.put('/api/checkins/2026-03-01', { mood: 5 })).statusCode).toBe(401);
    expect((await anon.delete('/api/checkins/2026-03-01')).statusCode).toBe(401);
  });

  it('saves a check-in as observations and returns derived values', async () => {
    const res = await alice.put('/api/checkins/2026-03-10', {
      mood: 7,
      energyMorning: 6,
      energyEvening: 4,
      bedtime: '23:15',
      wakeTime: '07:00',
      bloating: 2,
      bristol: 4,
      note: 'Kefir at breakfast',
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().derived).toEqual({ sleepHours: 7.75, energyAverage: 5, gutComfort: 8 });
    const rows = await store.db
      .selectFrom('observation')
      .select(['measure', 'value', 'text', 'date'])
      .where('person_id', '=', alice.personId as string)
      .orderBy('measure')
      .execute();
    expect(rows).toEqual([
      { measure: 'bedtime', value: 1395, text: null, date: '2026-03-10' },
      { measure: 'bloating', value: 2, text: null, date: '2026-03-10' },
      { measure: 'bristol', value: 4, text: null, date: '2026-03-10' },
      { measure: 'energy_evening', value: 4, text: null, date: '2026-03-10' },
      { measure: 'energy_morning', value: 6, text: null, date: '2026-03-10' },
      { measure: 'mood', value: 7, text: null, date: '2026-03-10' },
      { measure: 'note', value: null, text: 'Kefir at breakfast', date: '2026-03-10' },
      { measure: 'wake_time', value: 420, text: null, date: '2026-03-10' },
    ]);
  });

  it('saving the same date again updates that day instead of adding one', async () => {
    const res = await alice.put('/api/checkins/2026-03-10', { mood: 8 });
    expect(res.statusCode).toBe(200);
    expect(res.json().checkin).toEqual({ mood: 8 });
    const list = (await alice.get('/api/checkins')).json();
    expect(list.days).toHaveLength(1);
    expect(list.days[0]).toMatchObject({ date: '2026-03-10', checkin: { mood: 8 } });
  });

  it('re-saving a day rewrites only what changed: kept rows keep their id and created_at', async () => {
    const day = () =>
      store.db
        .selectFrom('observation')
        .select(['id', 'measure', 'value', 'created_at', 'updated_at'])
        .where('date', '=', '2026-03-08')
        .execute()
        .then((rows) => new Map(rows.map((r) => [r.measure, r])));
    await alice.put('/api/checkins/2026-03-08', { mood: 4, focus: 5, stress: 6 });
    const before = await day();
    expect([...before.keys()].sort()).toEqual(['focus', 'mood', 'stress']);
    expect(before.get('mood')?.created_at).toBe(now.toISOString());
    // Same mood, new focus, stress dropped, energy added.
    await alice.put('/api/checkins/2026-03-08', { mood: 4, focus: 7, energyMorning: 3 });
    const after = await day();
    expect([...after.keys()].sort()).toEqual(['energy_morning', 'focus', 'mood']);
    expect(after.get('mood')).toEqual(before.get('mood'));
    expect(after.get('focus')).toMatchObject({ id: before.get('focus')?.id, value: 7 });
    expect(after.get('focus')?.created_at).toBe(before.get('focus')?.created_at);
    expect(after.get('energy_morning')?.value).toBe(3);
    await alice.delete('/api/checkins/2026-03-08');
  });

  it('edits and deletes past days; lists newest first', async () => {
    await alice.put('/api/checkins/2026-03-01', { mood: 3 });
    await alice.put('/api/checkins/2026-03-05', { mood: 5 });
    await alice.put('/api/checkins/2026-03-05', { mood: 6, focus: 7 });
    const list = (await alice.get('/api/checkins')).json();
    expect(list.days.map((d: { date: string }) => d.date)).toEqual([
      '2026-03-10',
      '2026-03-05',
      '2026-03-01',
    ]);
    expect((await alice.get('/api/checkins/2026-03-05')).json().checkin).toEqual({ mood: 6, focus: 7 });
    const ranged = (await alice.get('/api/checkins?from=2026-03-02&to=2026-03-09')).json();
    expect(ranged.days.map((d: { date: string }) => d.date)).toEqual(['2026-03-05']);
    expect((await alice.delete('/api/checkins/2026-03-01')).statusCode).toBe(204);
    expect((await alice.get('/api/checkins/2026-03-01')).statusCode).toBe(404);
    expect((await alice.delete('/api/checkins/2026-03-01')).statusCode).toBe(404);
  });

  it('uses the person’s own calendar: a future local date is refused, Auckland’s tomorrow is allowed', async () => {
    const future = await alice.put('/api/checkins/2026-03-11', { mood: 5 });
    expect(future.statusCode).toBe(400);
    expect(future.json().error.field).toBe('date');
    // 23:30 UTC on 10 March is 12:30 on 11 March in Auckland.
    expect((await bob.put('/api/checkins/2026-03-11', { mood: 5 })).statusCode).toBe(200);
  });

  it('gives another person 404 and never their data', async () => {
    const res = await bob.get('/api/checkins/2026-03-10');
    expect(res.statusCode).toBe(404);
    expect(res.body).not.toContain('Kefir');
    expect((await bob.delete('/api/checkins/2026-03-10')).statusCode).toBe(404);
    const bobList = (await bob.get('/api/checkins')).json();
    expect(bobList.days.map((d: { date: string }) => d.date)).toEqual(['2026-03-11']);
    expect((await alice.get('/api/checkins/2026-03-10')).json().checkin).toEqual({ mood: 8 });
  });

  it.each([
    ['malformed JSON', '{"mood": 7', 'body', 'invalid_json'],
    ['a string for a number', { mood: 'seven' }, 'mood', 'invalid'],
    ['out of range', { mood: 11 }, 'mood', 'invalid'],
    ['a fraction on a 1–10 scale', { stress: 2.5 }, 'stress', 'invalid'],
    ['an unknown field', { mood: 5, userId: 'someone-else' }, 'userId', 'unknown_field'],
    ['nothing filled in', {}, 'checkin', 'invalid'],
    ['a bad time', { bedtime: '25:00' }, 'bedtime', 'invalid'],
    ['a long note', { note: 'x'.repeat(2001) }, 'note', 'invalid'],
    ['an array body', [1, 2], 'body', 'invalid'],
  ])('refuses %s with 400 naming the field, storing nothing', async (_label, body, field, code) => {
    const before = await allRows();
    const res = await alice.put('/api/checkins/2026-03-10', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field, code });
    expect(await allRows()).toEqual(before);
  });

  it.each([['2026-02-30'], ['2026-13-01'], ['yesterday']])(
    'refuses the date %s with 400 naming it',
    async (date) => {
      const before = await allRows();
      const res = await alice.put(`/api/checkins/${date}`, { mood: 5 });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe('date');
      expect((await alice.get(`/api/checkins/${date}`)).statusCode).toBe(400);
      expect(await allRows()).toEqual(before);
    },
  );

  it('refuses a non-JSON body with 415', async () => {
    const res = await alice.request('PUT', '/api/checkins/2026-03-10', 'mood=5', {
      'content-type': 'text/plain',
    });
    expect(res.statusCode).toBe(415);
    expect(res.json().error.code).toBe('unsupported_media_type');
  });
});
