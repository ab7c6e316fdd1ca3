/**
 * Recommendations over HTTP on both engines: the person's own diary fires the rules, each answer
 * carries the graph edge with grade and DOIs, dismiss / snooze / undo are remembered, starting an
 * experiment from one puts it away, and the safety pathway replaces them all.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

interface Rec {
  id: string;
  trigger: string;
  basis: { id: string; grade: string; note: string; references: { doi: string; url: string }[] };
  experiment: { title: string; measure: string | null; recommendationId: string };
}

describe.each(testEngines())('recommendations on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let alice: TestClient;
  let bob: TestClient;
  let now = new Date('2026-03-14T12:00:00Z');

  /** Ten days (03-05 … 03-14) of 6 h sleep, morning energy 4, stress 7, no habits or food. */
  async function tiredFortnight(c: TestClient, mood = 6) {
    for (let i = 0; i < 10; i++) {
      const date = addDays('2026-03-05', i);
      const res = await c.put(`/api/checkins/${date}`, { mood, sleepHours: 6, energyMorning: 4, stress: 7 });
      expect(res.statusCode).toBe(200);
    }
  }
  const ids = async (c: TestClient) =>
    ((await c.get('/api/recommendations')).json().recommendations as Rec[]).map((r) => r.id);
  const feedbackRows = async () =>
    store.db.selectFrom('recommendation_feedback').selectAll().orderBy('id').execute();

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => now });
    alice = await registerClient(app);
    bob = await registerClient(app);
    await tiredFortnight(alice);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('answers 401 without a session', async () => {
    const anon = client(app);
    expect((await anon.get('/api/recommendations')).statusCode).toBe(401);
    expect((await anon.post('/api/recommendations/sleep_hours/dismiss', {})).statusCode).toBe(401);
    expect((await anon.post('/api/recommendations/sleep_hours/snooze', {})).statusCode).toBe(401);
    expect((await anon.delete('/api/recommendations/sleep_hours/feedback')).statusCode).toBe(401);
  });

  it('gives three cited suggestions from the person’s own days, strongest evidence first', async () => {
    const res = await alice.get('/api/recommendations');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.support).toBeNull();
    expect(body.today).toBe('2026-03-14');
    const recs = body.recommendations as Rec[];
    // Fired: sleep (established), fermented, movement, morning light, breathing (human trials).
    expect(recs.map((r) => r.id)).toEqual(['sleep_hours', 'fermented_food', 'movement']);
    expect(recs[0]?.trigger).toBe('Your sleep averaged 6.0 hours over the 7 nights you logged this week.');
    expect(recs[1]?.trigger).toBe('You logged fermented food on 0 of your last 10 logged days.');
    expect(recs[0]?.basis).toMatchObject({ id: 'sleep--fits--rhythm_night', grade: 'established' });
    for (const r of recs) {
      expect(r.basis.references.length).toBeGreaterThan(0);
      for (const ref of r.basis.references) expect(ref.url).toBe(`https://doi.org/${ref.doi}`);
      expect(r.experiment.recommendationId).toBe(r.id);
    }
  });

  it('another person with no data gets none, and cannot see or undo Alice’s choices', async () => {
    expect(await ids(bob)).toEqual([]);
    await alice.post('/api/recommendations/morning_light/dismiss', {});
    const before = await feedbackRows();
    expect((await bob.delete('/api/recommendations/morning_light/feedback')).statusCode).toBe(404);
    expect((await bob.get('/api/recommendations')).json().hidden).toEqual([]);
    expect(await feedbackRows()).toEqual(before);
    expect((await alice.delete('/api/recommendations/morning_light/feedback')).statusCode).toBe(204);
  });

  it('remembers a dismissal until it is undone', async () => {
    const res = await alice.post('/api/recommendations/sleep_hours/dismiss', {});
    expect(res.json()).toEqual({ id: 'sleep_hours', kind: 'dismissed', until: null });
    expect(await ids(alice)).toEqual(['fermented_food', 'movement', 'morning_light']);
    expect((await alice.get('/api/recommendations')).json().hidden).toEqual([
      { id: 'sleep_hours', kind: 'dismissed', until: null },
    ]);
    expect((await alice.delete('/api/recommendations/sleep_hours/feedback')).statusCode).toBe(204);
    expect(await ids(alice)).toEqual(['sleep_hours', 'fermented_food', 'movement']);
  });

  it('a snooze for 2 days hides it today and tomorrow; it is back the day after', async () => {
    const res = await alice.post('/api/recommendations/fermented_food/snooze', { days: 2 });
    expect(res.json()).toEqual({ id: 'fermented_food', kind: 'snoozed', until: '2026-03-15' });
    expect(await ids(alice)).toEqual(['sleep_hours', 'movement', 'morning_light']);
    now = new Date('2026-03-15T12:00:00Z');
    expect(await ids(alice)).not.toContain('fermented_food');
    // On 03-16 only 9 of the fortnight's days are logged… still ≥ 7, so the rule fires again.
    now = new Date('2026-03-16T12:00:00Z');
    expect(await ids(alice)).toContain('fermented_food');
    now = new Date('2026-03-14T12:00:00Z');
  });

  it('a snooze replaces an earlier dismissal (one row per rule)', async () => {
    await alice.post('/api/recommendations/movement/dismiss', {});
    await alice.post('/api/recommendations/movement/snooze', {});
    const rows = (await feedbackRows()).filter((r) => r.rule_id === 'movement');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'snoozed', until: '2026-03-20' }); // default 7 days: 03-14 … 03-20
    await alice.delete('/api/recommendations/movement/feedback');
  });

  it('starting an experiment from a recommendation puts it away while the experiment runs', async () => {
    const rec = ((await alice.get('/api/recommendations')).json().recommendations as Rec[]).find(
      (r) => r.id === 'movement',
    ) as Rec;
    const res = await alice.post('/api/experiments', {
      title: rec.experiment.title,
      measure: rec.experiment.measure,
      recommendationId: rec.id,
      startDate: '2026-03-14',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().experiment).toMatchObject({ origin: 'recommendation', recommendationId: 'movement' });
    expect(await ids(alice)).not.toContain('movement');
  });

  it('bad input is 400 naming the field, an unknown rule 404, and nothing changes', async () => {
    const before = await feedbackRows();
    const cases: [string, unknown, string][] = [
      ['/api/recommendations/sleep_hours/snooze', { days: 0 }, 'days'],
      ['/api/recommendations/sleep_hours/snooze', { days: 2.5 }, 'days'],
      ['/api/recommendations/sleep_hours/snooze', { days: 3, until: '2030-01-01' }, 'until'],
      ['/api/recommendations/NOT%20A%20RULE/dismiss', {}, 'id'],
    ];
    for (const [url, body, field] of cases) {
      const res = await alice.post(url, body);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().error.field).toBe(field);
    }
    expect((await alice.post('/api/recommendations/no_such_rule/dismiss', {})).statusCode).toBe(404);
    expect(await feedbackRows()).toEqual(before);
  });

  it('the safety pathway outranks every recommendation: a low-mood fortnight shows support instead', async () => {
    const carol = await registerClient(app);
    await tiredFortnight(carol, 2);
    const body = (await carol.get('/api/recommendations')).json();
    expect(body.recommendations).toEqual([]);
    expect(body.support.triggers.map((t: { code: string }) => t.code)).toEqual(['low_mood_pattern']);
    // Putting the diary prompt away does not bring suggestions back while the pattern is there.
    await carol.post('/api/safety/dismissals', { kind: 'low_mood_pattern' });
    expect((await carol.get('/api/recommendations')).json().recommendations).toEqual([]);
  });

  it('PHQ-9 item 9 above 0 in the last two weeks shows support instead of suggestions', async () => {
    const dave = await registerClient(app);
    await tiredFortnight(dave);
    expect(await ids(dave)).toHaveLength(3);
    const answers = Object.fromEntries(
      Array.from({ length: 9 }, (_, i) => [`phq9_${i + 1}`, i === 8 ? 1 : 0]),
    );
    expect((await dave.post('/api/screeners/phq9', { answers })).statusCode).toBe(201);
    const body = (await dave.get('/api/recommendations')).json();
    expect(body.recommendations).toEqual([]);
    expect(body.support.triggers.map((t: { code: string }) => t.code)).toContain('phq9_item9');
  });

  it('a microbiome sample with neither Faecalibacterium nor Coprococcus suggests fibre, citing the graph', async () => {
    const erin = await registerClient(app);
    expect(await ids(erin)).toEqual([]);
    // The MetaPhlAn 4 fixture has neither genus (the microbiome tests add Faecalibacterium to make a "later" sample).
    const profile = readFileSync(
      join(import.meta.dirname, '../../src/core/microbiome/fixtures/metaphlan4_rel_ab_w_read_stats.tsv'),
    );
    const res = await app.inject({
      method: 'POST',
      url: '/api/microbiome/samples?date=2026-03-01',
      payload: profile,
      headers: {
        'content-type': 'text/tab-separated-values',
        cookie: `gb_session=${erin.cookie}`,
        'x-csrf-token': erin.csrfToken as string,
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    const recs = (await erin.get('/api/recommendations')).json().recommendations as Rec[];
    expect(recs.map((r) => r.id)).toEqual(['fibre_for_butyrate']);
    expect(recs[0]?.trigger).toMatch(
      /^Your microbiome sample “.+” \(2026-03-01\) shows neither Faecalibacterium nor Coprococcus\.$/,
    );
    expect(recs[0]?.basis).toMatchObject({ id: 'high_fibre--feeds--gut_microbiota', grade: 'established' });
  });
});
