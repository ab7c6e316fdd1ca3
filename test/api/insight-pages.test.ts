/** GET /api/insights/daily and /api/insights/week on both engines. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';
import { insertDemoData } from '../support/demo-data.ts';

describe.each(testEngines())('insight pages on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let alice: TestClient;
  let bob: TestClient;
  let demo: TestClient;
  const now = new Date('2026-03-14T12:00:00Z');

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => now });
    alice = await registerClient(app);
    bob = await registerClient(app);
    demo = await registerClient(app);
    // Last week 03-01…03-07: mood 5 and 6. This week 03-08…03-14: mood 7, 6, 8.
    const days: [string, Record<string, unknown>][] = [
      ['2026-03-02', { mood: 5, sleepHours: 6 }],
      ['2026-03-05', { mood: 6, sleepHours: 7 }],
      ['2026-03-08', { mood: 7, energyMorning: 6, energyMidday: 8 }],
      ['2026-03-10', { mood: 6, sleepHours: 8 }],
      ['2026-03-14', { mood: 8, stress: 3, note: 'private words' }],
    ];
    for (const [date, body] of days)
      expect((await alice.put(`/api/checkins/${date}`, body)).statusCode).toBe(200);
    await insertDemoData(store, demo.personId as string, '2026-03-14', { seed: 3 });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('answers 401 without a session', async () => {
    expect((await client(app).get('/api/insights/daily')).statusCode).toBe(401);
    expect((await client(app).get('/api/insights/week')).statusCode).toBe(401);
  });

  it('daily: the charted measures per logged day, nothing else (no notes, no stress)', async () => {
    const res = await alice.get('/api/insights/daily?from=2026-03-01&to=2026-03-14');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.days).toEqual([
      { date: '2026-03-02', values: { mood: 5, sleep_hours: 6 } },
      { date: '2026-03-05', values: { mood: 6, sleep_hours: 7 } },
      { date: '2026-03-08', values: { mood: 7, energy_morning: 6, energy_midday: 8 } },
      { date: '2026-03-10', values: { mood: 6, sleep_hours: 8 } },
      { date: '2026-03-14', values: { mood: 8 } },
    ]);
    expect(res.body).not.toContain('private words');
    expect((await alice.get('/api/insights/daily?from=2026-03-09')).json().days).toHaveLength(2);
  });

  it('week: this week against last, worked by hand', async () => {
    const body = (await alice.get('/api/insights/week')).json();
    expect(body.thisWeek).toEqual({ from: '2026-03-08', to: '2026-03-14' });
    const mood = body.rows.find((r: { key: string }) => r.key === 'mood');
    // (7+6+8)/3 = 7 against (5+6)/2 = 5.5.
    expect(mood).toMatchObject({ thisWeek: 7, lastWeek: 5.5, change: 1.5, thisDays: 3, lastDays: 2 });
    const sleep = body.rows.find((r: { key: string }) => r.key === 'sleep_hours');
    expect(sleep).toMatchObject({ thisWeek: 8, lastWeek: 6.5 });
    expect(body.associations).toEqual([]); // five days: nothing passes the minimum-data rule
  });

  it('week: with sample data, the best-supported associations and cited recommendations', async () => {
    const body = (await demo.get('/api/insights/week?end=2026-03-14')).json();
    expect(body.associations.length).toBe(3);
    for (const a of body.associations) expect(a.status).toBe('shown');
    expect(body.associations[0].sentence).toMatch(/days/);
    for (const r of body.recommendations) expect(r.basis.references[0].doi).toMatch(/^10\./);
  });

  it('keeps each person to their own days', async () => {
    expect((await bob.get('/api/insights/daily?from=2026-03-01&to=2026-03-14')).json().days).toEqual([]);
    const week = (await bob.get('/api/insights/week')).json();
    expect(week.rows.every((r: { thisWeek: number | null }) => r.thisWeek === null)).toBe(true);
  });

  it('bad queries are 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['/api/insights/daily?from=2026-02-30', 'from'],
      ['/api/insights/daily?from=2026-03-10&to=2026-03-01', 'from'],
      ['/api/insights/daily?from=2000-01-01&to=2026-03-01', 'from'],
      ['/api/insights/daily?measure=mood', 'measure'],
      ['/api/insights/week?end=tomorrow', 'end'],
      ['/api/insights/week?end=2026-03-15', 'end'],
    ];
    for (const [url, field] of cases) {
      const res = await alice.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.field, url).toBe(field);
    }
  });
});
