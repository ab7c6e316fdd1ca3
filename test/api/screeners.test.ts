import { beforeAll, describe, expect, it } from 'vitest';
import { parseKnowledge } from '../../src/core/knowledge/index.ts';
import { regionById } from '../../src/core/safety/regions.ts';
import { buildApp } from '../../src/server/app.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { useClockedApp } from '../support/clocked-app.ts';
import { openTestStore, testEngines } from '../support/db.ts';

const phq9 = (codes: number[]) => Object.fromEntries(codes.map((c, i) => [`phq9_${i + 1}`, c]));
const who5 = (codes: number[]) => Object.fromEntries(codes.map((c, i) => [`who5_${i + 1}`, c]));
const SIGNAL_IDS = [
  'signal_sad_or_irritable_mood',
  'signal_sleep_changes',
  'signal_loss_of_interest',
  'signal_appetite_changes',
  'signal_low_motivation',
  'signal_focus_problems',
  'signal_reduced_pleasure',
  'signal_fatigue',
  'signal_excessive_worry',
  'signal_difficulty_relaxing',
  'signal_feeling_wired',
  'signal_muscle_tension',
  'signal_difficulty_concentrating',
  'signal_memory_problems',
  'signal_extreme_stress_response',
  'signal_overwhelmed',
];
const RED_FLAG_IDS = [
  'red_flag_self_harm',
  'red_flag_hopelessness',
  'red_flag_anxiety_daily_life',
  'red_flag_mood_swings',
  'red_flag_substance_use',
  'red_flag_eating_sleeping',
];
const allNo = () => Object.fromEntries([...SIGNAL_IDS, ...RED_FLAG_IDS].map((id) => [id, false]));

describe.each(testEngines())('screeners on %s', (engine) => {
  const t = useClockedApp(engine, '2026-03-10T12:00:00Z');
  let alice: TestClient;
  let bob: TestClient;

  beforeAll(async () => {
    alice = await registerClient(t.app, { timeZone: 'Europe/Dublin' });
    bob = await registerClient(t.app, { timeZone: 'America/Toronto' });
  });

  const rowCount = async () =>
    (await t.store.db.selectFrom('screener_response').select('id').execute()).length;

  it('answers 401 without a session on every screener route', async () => {
    const anon = client(t.app);
    const id = '00000000-0000-4000-8000-000000000000';
    expect((await anon.get('/api/screeners/instruments')).statusCode).toBe(401);
    expect(
      (await anon.post('/api/screeners/phq9', { answers: phq9([0, 0, 0, 0, 0, 0, 0, 0, 0]) })).statusCode,
    ).toBe(401);
    expect((await anon.get('/api/screeners/responses')).statusCode).toBe(401);
    expect((await anon.get(`/api/screeners/responses/${id}`)).statusCode).toBe(401);
    expect((await anon.delete(`/api/screeners/responses/${id}`)).statusCode).toBe(401);
    expect((await anon.get('/api/screeners/overview')).statusCode).toBe(401);
  });

  it('serves the instruments word for word with the not-a-diagnosis line', async () => {
    const res = await alice.get('/api/screeners/instruments');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.instruments.map((i: { id: string }) => i.id)).toEqual(['phq9', 'gad7', 'who5']);
    expect(body.instruments[0].items[8].text).toBe(
      'Thoughts that you would be better off dead or of hurting yourself in some way',
    );
    expect(body.signals.groups).toHaveLength(4);
    expect(body.notADiagnosis).toMatch(/screening score, not a diagnosis/);
  });

  it('scores a PHQ-9 with its band, stores it, and says it is not a diagnosis', async () => {
    const res = await alice.post('/api/screeners/phq9', {
      answers: { ...phq9([1, 2, 1, 3, 0, 2, 1, 0, 0]), phq9_difficulty: 1 },
    });
    expect(res.statusCode).toBe(201);
    const body = res.json();
    expect(Object.keys(body)).toEqual(['support', 'response']);
    expect(body.support).toBeNull();
    expect(body.response).toMatchObject({
      instrument: 'phq9',
      date: '2026-03-10',
      score: 10,
      band: { key: 'moderate', label: 'Moderate' },
      difficulty: 1,
      safetyTriggered: false,
    });
    expect(body.response.notADiagnosis).toMatch(/not a diagnosis/);
  });

  it('puts the support screen first when PHQ-9 item 9 is above "Not at all", with the region’s numbers', async () => {
    const res = await alice.request(
      'POST',
      '/api/screeners/phq9',
      { answers: phq9([0, 0, 0, 0, 0, 0, 0, 0, 1]) },
      { 'accept-language': 'en-IE,en;q=0.8' },
    );
    expect(res.statusCode).toBe(201);
    // The raw JSON text has the support screen before the score.
    expect(res.body.indexOf('"support"')).toBe(1);
    expect(res.body.indexOf('"support"')).toBeLessThan(res.body.indexOf('"score"'));
    const body = res.json();
    expect(body.support.triggers[0].code).toBe('phq9_item9');
    expect(body.support.region.id).toBe('IE');
    expect(body.support.kind).toBe('urgent');
    expect(body.support.region.emergency.number).toBe(regionById('IE').emergency.number);
    expect(body.support.region.crisisLines[0].number).toBe(regionById('IE').crisisLines[0]?.number);
    expect(body.support.professionals.map((p: { id: string }) => p.id)).toEqual([
      'general_practitioner',
      'psychiatrist',
      'psychologist',
      'nutrition_professional',
      'integrative_doctor',
    ]);
    expect(body.response.score).toBe(1);
    expect(body.response.band.label).toBe('Minimal');

    // Reading the response back shows the support screen first too.
    const again = await alice.request('GET', `/api/screeners/responses/${body.response.id}`, undefined, {
      'accept-language': 'en-AU',
    });
    expect(Object.keys(again.json())).toEqual(['support', 'response']);
    expect(again.json().support.region.emergency.number).toBe(regionById('AU').emergency.number);
  });

  it('uses the region from settings over the browser locale', async () => {
    expect((await bob.put('/api/safety/region', { region: 'CA' })).json().region).toEqual({
      id: 'CA',
      source: 'settings',
    });
    const res = await bob.request(
      'POST',
      '/api/screeners/phq9',
      { answers: phq9([3, 3, 3, 3, 3, 3, 3, 3, 3]) },
      { 'accept-language': 'en-GB' },
    );
    const body = res.json();
    expect(body.support.region.id).toBe('CA');
    expect(body.support.region.crisisLines[0].dial).toBe(regionById('CA').crisisLines[0]?.dial);
    expect(body.response.band.label).toBe('Severe');
  });

  it('refuses incomplete or out-of-range answers with 400 naming the item, and stores nothing', async () => {
    const before = await rowCount();
    const missing = phq9([0, 0, 0, 0, 0, 0, 0, 0, 0]);
    delete missing.phq9_3;
    const a = await alice.post('/api/screeners/phq9', { answers: missing });
    expect(a.statusCode).toBe(400);
    expect(a.json().error).toMatchObject({ code: 'required', field: 'answers.phq9_3' });
    const b = await alice.post('/api/screeners/gad7', {
      answers: { gad7_1: 0, gad7_2: 0, gad7_3: 0, gad7_4: 9, gad7_5: 0, gad7_6: 0, gad7_7: 0 },
    });
    expect(b.statusCode).toBe(400);
    expect(b.json().error.field).toBe('answers.gad7_4');
    const c = await alice.post('/api/screeners/who5', { answers: who5([5, 5, 5, 5, 6]) });
    expect(c.json().error.field).toBe('answers.who5_5');
    const d = await alice.post('/api/screeners/phq10', { answers: {} });
    expect(d.statusCode).toBe(400);
    expect(d.json().error.field).toBe('instrument');
    const e = await alice.post('/api/screeners/phq9', {});
    expect(e.json().error.field).toBe('answers');
    const f = await alice.post('/api/screeners/phq9', {
      answers: phq9([0, 0, 0, 0, 0, 0, 0, 0, 0]),
      extra: 1,
    });
    expect(f.json().error.field).toBe('extra');
    expect(await rowCount()).toBe(before);
  });

  it('reports a WHO-5 change of 10 points or more as meaningful', async () => {
    const first = await alice.post('/api/screeners/who5', { answers: who5([2, 2, 2, 2, 2]) });
    expect(first.json().response).toMatchObject({ raw: 10, score: 40, band: { label: 'Poor well-being' } });
    expect(first.json().response.change).toBeNull();
    t.clock = new Date('2026-03-24T12:00:00Z');
    const second = await alice.post('/api/screeners/who5', { answers: who5([3, 3, 3, 2, 2]) });
    expect(second.json().response.score).toBe(52);
    expect(second.json().response.change).toMatchObject({
      change: 12,
      meaningful: true,
      direction: 'better',
    });
  });

  it('keeps responses private: another person gets 404, a malformed id 400', async () => {
    const mine = (await alice.get('/api/screeners/responses')).json().responses;
    expect(mine.length).toBeGreaterThan(0);
    const id = mine[0].id;
    expect((await bob.get(`/api/screeners/responses/${id}`)).statusCode).toBe(404);
    expect((await bob.delete(`/api/screeners/responses/${id}`)).statusCode).toBe(404);
    const bad = await alice.get('/api/screeners/responses/not-an-id');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('id');
    const bobs = (await bob.get('/api/screeners/responses')).json().responses;
    expect(bobs.every((r: { id: string }) => !mine.some((m: { id: string }) => m.id === r.id))).toBe(true);
  });

  it('signals check: reflects on systems; only harm red flags get the crisis screen, the rest a professional one', async () => {
    const calm = await alice.post('/api/screeners/signals', {
      answers: {
        ...allNo(),
        signal_excessive_worry: true,
        signal_muscle_tension: true,
        signal_fatigue: true,
      },
    });
    expect(calm.statusCode).toBe(201);
    expect(calm.json().support).toBeNull();
    const reflection = calm.json().response.reflection;
    expect(reflection.systems.map((s: { neurotransmitter: string }) => s.neurotransmitter)).toEqual([
      'gaba',
      'dopamine',
    ]);
    expect(reflection.caution).toMatch(/many causes/);

    for (const flag of RED_FLAG_IDS) {
      const res = await alice.post('/api/screeners/signals', { answers: { ...allNo(), [flag]: true } });
      const harm = flag === 'red_flag_self_harm';
      expect(res.json().support.kind).toBe(harm ? 'urgent' : 'professional');
      expect(res.json().support.heading).toBe(
        harm ? 'You don’t have to handle this alone' : 'It’s time to talk to a professional',
      );
      expect(res.json().support.triggers[0]).toMatchObject({
        code: harm ? 'red_flag_harm' : 'red_flag',
        redFlags: [flag],
      });
    }
    const eating = (
      await alice.post('/api/screeners/signals', { answers: { ...allNo(), red_flag_eating_sleeping: true } })
    ).json();
    expect(eating.support.triggers[0].message).toMatch(/talk with a professional/);
    expect(eating.support.triggers[0].message).not.toMatch(/suicide|self-harm/);
    const partial = allNo();
    delete partial.red_flag_hopelessness;
    const bad = await alice.post('/api/screeners/signals', { answers: partial });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('answers.red_flag_hopelessness');
  });

  it('overview: scores beside diary mood and a reminder 14 days after the last questionnaire', async () => {
    t.clock = new Date('2026-03-24T12:00:00Z');
    await alice.put('/api/checkins/2026-03-20', { mood: 6 });
    const res = await alice.get('/api/screeners/overview');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.today).toBe('2026-03-24');
    // Red flags were answered today: the support screen stays in front of the scores.
    expect(Object.keys(body)[0]).toBe('support');
    expect(body.support.kind).toBe('urgent');
    expect(body.support.triggers.map((t: { code: string }) => t.code)).toContain('red_flag_harm');
    const carol = await registerClient(t.app);
    expect((await carol.get('/api/screeners/overview')).json()).toMatchObject({
      support: null,
      scores: [],
      reminders: [],
    });
    expect(body.mood).toEqual([{ date: '2026-03-20', mood: 6 }]);
    expect(body.scores.some((s: { instrument: string }) => s.instrument === 'signals')).toBe(false);
    // PHQ-9 last taken 2026-03-10: due on 2026-03-24. WHO-5 was taken today: not due.
    expect(body.reminders).toEqual([
      { instrument: 'phq9', lastDate: '2026-03-10', due: '2026-03-24', daysSince: 14 },
    ]);
    const filtered = (await alice.get('/api/screeners/overview?from=2026-03-11')).json();
    expect(filtered.scores.every((s: { date: string }) => s.date >= '2026-03-11')).toBe(true);
    expect((await alice.get('/api/screeners/overview?from=2026-02-30')).json().error.field).toBe('from');
  });

  it('deletes a response of one’s own', async () => {
    const [first] = (await alice.get('/api/screeners/responses?instrument=who5')).json().responses;
    expect((await alice.delete(`/api/screeners/responses/${first.id}`)).statusCode).toBe(204);
    expect((await alice.get(`/api/screeners/responses/${first.id}`)).statusCode).toBe(404);
  });
});

describe('signals reflection through the API reads the knowledge graph', () => {
  it('offers everyday things tested in people, never a strain, a medicine or a food "for" a messenger', async () => {
    const knowledge = parseKnowledge([
      {
        name: 'fixture.yaml',
        text: `
topics:
  - { id: t, title: T, summary: S, order: 1 }
references:
  - { id: r1, doi: 10.1000/one, citation: "One et al. 2020", year: 2020, design: trial }
nodes:
  - { id: gaba, kind: neurotransmitter, name: GABA, topic: t, summary: Calming messenger., text: x }
  - { id: anxiety, kind: condition, name: Anxiety, topic: t, summary: s, text: x }
  - { id: breathing, kind: practice, name: Slow breathing, topic: t, summary: s, text: x }
  - { id: lactobacillus_rhamnosus_jb1, kind: microbe, name: L. rhamnosus JB-1, topic: t, summary: s, text: x }
edges:
  - { from: breathing, relation: reduces, to: anxiety, grade: human_trials, note: "Small trials.", refs: [r1] }
  - { from: breathing, relation: supports, to: gaba, grade: human_trials, note: "Small trials.", refs: [r1] }
  - { from: lactobacillus_rhamnosus_jb1, relation: reduces, to: anxiety, grade: preclinical, note: "Mice.", refs: [r1] }
`,
      },
    ]);
    const store = await openTestStore('sqlite');
    const app = await buildApp({ store, knowledge });
    try {
      const c = await registerClient(app);
      const answers = Object.fromEntries(
        [...SIGNAL_IDS, ...RED_FLAG_IDS].map((id) => [id, id === 'signal_muscle_tension']),
      );
      const res = await c.post('/api/screeners/signals', { answers });
      const { reflection } = res.json().response;
      expect(reflection.systems[0].summary).toBe('Calming messenger.');
      expect(reflection.tested).toEqual([
        expect.objectContaining({
          nodeId: 'breathing',
          sentence: 'Slow breathing reduces anxiety.',
          grade: 'human_trials',
          gradeLabel: 'Human trials',
        }),
      ]);
    } finally {
      await app.close();
      await store.close();
    }
  });
});
