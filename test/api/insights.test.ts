import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type DemoDataset, demoMatrix } from '../../src/core/demo/generate.ts';
import { computeAssociations } from '../../src/core/insights/associations.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';
import { insertDemoData } from '../support/demo-data.ts';

describe.each(testEngines())('insights on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let alice: TestClient;
  let bob: TestClient;
  let demo: DemoDataset;
  // Noon in Dublin on 2026-03-31: Alice's today is the last demo day.
  const now = new Date('2026-03-31T12:00:00Z');

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => now });
    alice = await registerClient(app, { timeZone: 'Europe/Dublin' });
    bob = await registerClient(app, { timeZone: 'Europe/Dublin' });
    demo = await insertDemoData(store, alice.personId as string, '2026-03-31', { seed: 1 });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('answers 401 without a session', async () => {
    expect((await client(app).get('/api/insights/associations')).statusCode).toBe(401);
  });

  it('computes on the person’s own matrix: the same numbers as the engine, clear ones first', async () => {
    const res = await alice.get('/api/insights/associations');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ from: demo.from, to: demo.to, days: 180 });
    expect(body.note).toMatch(/not causes/);
    const expected = computeAssociations(demoMatrix(demo.observations)).associations;
    expect(body.associations).toHaveLength(expected.length);
    const key = (a: { factor: string; outcome: string; lag: number }) => `${a.factor}|${a.outcome}|${a.lag}`;
    const byKey = new Map(expected.map((a) => [key(a), a]));
    for (const a of body.associations) {
      const e = byKey.get(key(a));
      expect(a.status).toBe(e?.status);
      expect(a.sentence).toBe(e?.sentence);
      if (a.status === 'shown' && e?.status === 'shown') expect(a.q).toBeCloseTo(e.q, 12);
    }
    expect(body.counts.clear).toBeGreaterThan(5);
    expect(body.associations.slice(0, body.counts.clear).every((a: { clear: boolean }) => a.clear)).toBe(
      true,
    );
    const social = body.associations.find(
      (a: { factor: string; outcome: string; lag: number }) => key(a) === 'social_connection|mood|0',
    );
    expect(social).toMatchObject({ status: 'shown', method: 'difference', clear: true });
    expect(social.sentence).toMatch(
      /^On days with meaningful conversation your mood was about \d\.\d points higher \(likely between \d\.\d and \d\.\d\), over \d+ days with and \d+ without\.$/,
    );
  });

  it('features the clear and possible findings with their days, a legend and the experiment each suggests', async () => {
    const body = (await alice.get('/api/insights/associations')).json();
    expect(Object.values(body.legend).map((l) => (l as { label: string }).label)).toEqual([
      'Clear',
      'Possible',
      "Can't tell yet",
    ]);
    expect(body.manyComparisonsNote).toMatch(/leave out zero by chance/);
    expect(body.findings.length).toBeGreaterThan(3);
    expect(body.findings.length).toBeLessThanOrEqual(10);
    expect(body.compared).toBe(body.counts.shown);
    for (const f of body.findings) {
      expect(['clear', 'possible']).toContain(f.certainty);
      expect(f.family).toBe('lever');
      expect(f.testTitle.length).toBeGreaterThan(3);
      if (f.method === 'difference') {
        expect(f.points).toMatchObject({ kind: 'groups' });
        expect([f.points.with.length, f.points.without.length]).toEqual([f.withDays, f.withoutDays]);
        const mean = (xs: number[]) => xs.reduce((a, b) => a + b, 0) / xs.length;
        expect(mean(f.points.with)).toBeCloseTo(f.meanWith, 1);
      } else {
        expect(f.points.kind).toBe('scatter');
        expect(f.points.x).toHaveLength(f.pairedDays);
      }
    }
    // Certainty first, then q: the same order as the engine's display order.
    const rank = { clear: 0, possible: 1 } as Record<string, number>;
    const order = body.findings.map(
      (f: { certainty: string; q: number }) => (rank[f.certainty] ?? 2) * 10 + f.q,
    );
    expect(order).toEqual([...order].sort((a: number, b: number) => a - b));
    // Outcomes against each other live in their own list, each pair once, never among the findings.
    const outcomeMeasures = ['mood', 'energy_morning', 'energy_midday', 'energy_evening', 'focus', 'stress'];
    expect(body.associations.some((a: { factor: string }) => outcomeMeasures.includes(a.factor))).toBe(false);
    const pairs = body.together.map((a: { factor: string; outcome: string }) =>
      [a.factor, a.outcome].sort().join('|'),
    );
    expect(new Set(pairs).size).toBe(pairs.length);
    expect(pairs).toContain('energy|mood');
  });

  it('reads the person’s own custom measures with their names and kinds', async () => {
    const created = await alice.post('/api/measures/custom', {
      name: 'Morning walk with the dog',
      kind: 'yesno',
    });
    expect(created.statusCode).toBe(201);
    const id = created.json().measure.id;
    for (let i = 0; i < 30; i++) {
      const date = new Date(Date.UTC(2026, 2, 2 + i)).toISOString().slice(0, 10);
      expect(
        (await alice.put(`/api/measures/custom/${id}/values/${date}`, { value: i % 3 === 0 })).statusCode,
      ).toBe(200);
    }
    const body = (await alice.get('/api/insights/associations')).json();
    const walk = body.associations.find(
      (a: { factor: string; outcome: string; lag: number }) =>
        a.factor === `custom_${id}` && a.outcome === 'mood' && a.lag === 0,
    );
    expect(walk).toMatchObject({
      status: 'shown',
      method: 'difference',
      factorLabel: 'morning walk with the dog',
    });
    // Paired with those of the 30 days that have a mood check-in.
    const moodDays = demo.observations.filter((o) => o.measure === 'mood' && o.date >= '2026-03-02').length;
    expect(walk.pairedDays).toBe(moodDays);
    expect(walk.sentence).toMatch(/^On days with morning walk with the dog your mood was about /);
    await alice.delete(`/api/measures/custom/${id}`);
  });

  it('never shows one person’s data to another', async () => {
    const res = await bob.get('/api/insights/associations');
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ days: 0, associations: [], counts: { shown: 0, clear: 0 } });
  });

  it('limits to a date range, and says how many more days a short range needs', async () => {
    const res = await alice.get(`/api/insights/associations?from=${demo.from}&to=2025-10-12`);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.days).toBe(10);
    expect(body.counts.shown).toBe(0);
    const mood = body.associations.find(
      (a: { factor: string; outcome: string; lag: number }) =>
        a.factor === 'sleep_hours' && a.outcome === 'mood' && a.lag === 0,
    );
    expect(mood.status).toBe('not_enough_data');
    expect(mood.moreDaysNeeded).toBe(14 - mood.pairedDays);
    expect(mood.sentence).toBe(`Sleep and mood: not enough data yet: ${mood.moreDaysNeeded} more days`);
  });

  it('rejects a bad range with 400 naming the field', async () => {
    const cases: [string, string][] = [
      ['/api/insights/associations?from=2026-02-30', 'from'],
      ['/api/insights/associations?to=yesterday', 'to'],
      ['/api/insights/associations?from=2026-03-10&to=2026-03-01', 'from'],
      ['/api/insights/associations?person=someone', 'person'],
    ];
    for (const [url, field] of cases) {
      const res = await alice.get(url);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
  });
});
