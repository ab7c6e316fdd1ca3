import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoMatrix } from '../../src/core/demo/generate.ts';
import { experimentResult } from '../../src/core/insights/experiments.ts';
import { dayTable } from '../../src/core/insights/table.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';
import { insertDemoData } from '../support/demo-data.ts';

describe.each(testEngines())('experiments on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let alice: TestClient;
  let bob: TestClient;
  // Noon in Dublin: Alice's today is 2026-03-31, the last demo day.
  const now = new Date('2026-03-31T12:00:00Z');
  const kefir = {
    title: 'Kefir every day',
    action: 'A glass of kefir with breakfast',
    measure: 'fermented_servings',
    startDate: '2026-03-18',
  };

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => now });
    alice = await registerClient(app, { timeZone: 'Europe/Dublin' });
    bob = await registerClient(app, { timeZone: 'Europe/Dublin' });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const rows = () => store.db.selectFrom('experiment').selectAll().orderBy('id').execute();
  const someId = '00000000-0000-4000-8000-000000000000';

  it('answers 401 without a session on every route', async () => {
    const anon = client(app);
    expect((await anon.get('/api/experiments')).statusCode).toBe(401);
    expect((await anon.post('/api/experiments', kefir)).statusCode).toBe(401);
    expect((await anon.get(`/api/experiments/${someId}`)).statusCode).toBe(401);
    expect((await anon.patch(`/api/experiments/${someId}`, { title: 'x' })).statusCode).toBe(401);
    expect((await anon.delete(`/api/experiments/${someId}`)).statusCode).toBe(401);
    expect((await anon.get(`/api/experiments/${someId}/result`)).statusCode).toBe(401);
  });

  it('creates an experiment by hand with default periods', async () => {
    const res = await alice.post('/api/experiments', kefir);
    expect(res.statusCode).toBe(201);
    expect(res.json().experiment).toMatchObject({
      ...kefir,
      durationDays: 14,
      baselineDays: 28,
      endDate: '2026-03-31',
      endedOn: null,
      status: 'running',
      origin: 'manual',
      recommendationId: null,
    });
    const list = (await alice.get('/api/experiments')).json().experiments;
    expect(list).toHaveLength(1);
  });

  it('names one primary outcome at the start: mood by default, another if chosen, nothing made up', async () => {
    const list = (await alice.get('/api/experiments')).json().experiments;
    expect(list[0].primaryOutcome).toBe('mood');
    const bad = await alice.post('/api/experiments', { ...kefir, primaryOutcome: 'happiness' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('primaryOutcome');
    const res = await alice.post('/api/experiments', {
      ...kefir,
      title: 'Gut first',
      primaryOutcome: 'gut_comfort',
    });
    expect(res.statusCode).toBe(201);
    const id = res.json().experiment.id;
    expect((await alice.get(`/api/experiments/${id}`)).json().experiment.primaryOutcome).toBe('gut_comfort');
    const result = (await alice.get(`/api/experiments/${id}/result`)).json().result;
    expect(result.primaryOutcome).toBe('gut_comfort');
    expect(result.outcomes[0]).toMatchObject({ outcome: 'gut_comfort', role: 'primary' });
    await alice.delete(`/api/experiments/${id}`);
  });

  it('remembers an experiment started from a recommendation', async () => {
    const res = await alice.post('/api/experiments', {
      title: 'Ten minutes of morning light',
      startDate: '2026-04-02',
      durationDays: 21,
      recommendationId: 'rec-morning-light',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().experiment).toMatchObject({
      origin: 'recommendation',
      recommendationId: 'rec-morning-light',
      status: 'planned',
      endDate: '2026-04-22',
    });
  });

  it('rejects bad input with 400 naming the field, storing nothing', async () => {
    const before = await rows();
    const cases: [unknown, string][] = [
      [{ startDate: '2026-03-01' }, 'title'],
      [{ title: '  ', startDate: '2026-03-01' }, 'title'],
      [{ title: 'x', startDate: '2026-02-30' }, 'startDate'],
      [{ title: 'x', startDate: '2026-03-01', durationDays: 3 }, 'durationDays'],
      [{ title: 'x', startDate: '2026-03-01', baselineDays: 'four' }, 'baselineDays'],
      [{ title: 'x', startDate: '2026-03-01', measure: 'DROP TABLE' }, 'measure'],
      [{ title: 'x', startDate: '2026-03-01', owner: 'bob' }, 'owner'],
      [{ title: 'x', startDate: '2027-01-01' }, 'startDate'],
      [[], 'body'],
    ];
    for (const [body, field] of cases) {
      const res = await alice.post('/api/experiments', body);
      expect(res.statusCode, JSON.stringify(body)).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    expect((await alice.get('/api/experiments/not-a-uuid')).json().error).toMatchObject({ field: 'id' });
    expect(await rows()).toEqual(before);
  });

  it('keeps each person’s experiments to themselves: another person gets 404 and changes nothing', async () => {
    const id = (await alice.get('/api/experiments')).json().experiments[0].id;
    const before = await rows();
    expect((await bob.get('/api/experiments')).json().experiments).toEqual([]);
    expect((await bob.get(`/api/experiments/${id}`)).statusCode).toBe(404);
    expect((await bob.get(`/api/experiments/${id}/result`)).statusCode).toBe(404);
    expect((await bob.patch(`/api/experiments/${id}`, { title: 'mine now' })).statusCode).toBe(404);
    expect((await bob.delete(`/api/experiments/${id}`)).statusCode).toBe(404);
    expect(await rows()).toEqual(before);
  });

  it('computes the result on the person’s own days, the same as the engine', async () => {
    const demo = await insertDemoData(store, alice.personId as string, '2026-03-31', { seed: 4 });
    const list = (await alice.get('/api/experiments')).json().experiments;
    const exp = list.find((e: { title: string }) => e.title === kefir.title);
    const res = await alice.get(`/api/experiments/${exp.id}/result`);
    expect(res.statusCode).toBe(200);
    const { result } = res.json();
    expect(result).toMatchObject({
      status: 'running',
      final: false,
      primaryOutcome: 'mood',
      baseline: { from: '2026-02-18', to: '2026-03-17' },
      experiment: { from: '2026-03-18', to: '2026-03-31' },
    });
    const plan = {
      id: exp.id,
      title: exp.title,
      measure: exp.measure,
      primaryOutcome: 'mood' as const,
      startDate: exp.startDate,
      durationDays: 14,
      baselineDays: 28,
      endedOn: null,
    };
    const expected = experimentResult(dayTable(demoMatrix(demo.observations)), plan, '2026-03-31');
    expect(result.adherence).toEqual(expected.adherence);
    expect(result.adherence.daysTracked).toBeGreaterThan(10);
    for (const [i, o] of result.outcomes.entries()) {
      const e = expected.outcomes[i];
      expect(o).toMatchObject({
        outcome: e?.outcome,
        verdict: e?.verdict,
        baselineDays: e?.baselineDays,
        experimentDays: e?.experimentDays,
        sentence: e?.sentence,
      });
      expect(o.low).toBeCloseTo(e?.low as number, 10);
    }
    // While running: "so far", no verdict; the rest exploratory.
    expect(result.outcomes[0]).toMatchObject({ outcome: 'mood', role: 'primary' });
    expect(['so_far', 'not_enough_data']).toContain(result.outcomes[0].verdict);
    expect(result.outcomes.slice(1).every((o: { role: string }) => o.role === 'exploratory')).toBe(true);
    expect(result.caveat).toMatch(/cannot rule out/);
    // Bob's days never count: his result for his own experiment has nothing to go on.
    const bobs = (await bob.post('/api/experiments', kefir)).json().experiment;
    const bobResult = (await bob.get(`/api/experiments/${bobs.id}/result`)).json().result;
    expect(bobResult.outcomes.every((o: { verdict: string }) => o.verdict === 'not_enough_data')).toBe(true);
  });

  it('renames and ends early; refuses an end before the start or in the future', async () => {
    const id = (await alice.get('/api/experiments'))
      .json()
      .experiments.find((e: { title: string }) => e.title === kefir.title).id;
    expect((await alice.patch(`/api/experiments/${id}`, { endedOn: '2026-03-01' })).json().error.field).toBe(
      'endedOn',
    );
    expect((await alice.patch(`/api/experiments/${id}`, { endedOn: '2026-04-01' })).json().error.field).toBe(
      'endedOn',
    );
    expect((await alice.patch(`/api/experiments/${id}`, {})).statusCode).toBe(400);
    const res = await alice.patch(`/api/experiments/${id}`, { title: 'Kefir daily', endedOn: '2026-03-28' });
    expect(res.statusCode).toBe(200);
    expect(res.json().experiment).toMatchObject({
      title: 'Kefir daily',
      endedOn: '2026-03-28',
      endDate: '2026-03-28',
      status: 'finished',
    });
    const result = (await alice.get(`/api/experiments/${id}/result`)).json().result;
    expect(result).toMatchObject({ final: true, experiment: { from: '2026-03-18', to: '2026-03-28' } });
  });

  it('deletes; afterwards it is gone', async () => {
    const id = (await alice.get('/api/experiments')).json().experiments[0].id;
    expect((await alice.delete(`/api/experiments/${id}`)).statusCode).toBe(204);
    expect((await alice.get(`/api/experiments/${id}`)).statusCode).toBe(404);
    expect((await alice.delete(`/api/experiments/${id}`)).statusCode).toBe(404);
  });
});
