/**
 * FHIR R4 Questionnaires of PHQ-9, GAD-7 and WHO-5, and a clinic's Bundle of a person's responses,
 * checked against HL7's official FHIR R4 JSON schema (test/support/fhir-validator.ts); a broken copy
 * must fail it. LOINC codes as published by LOINC: PHQ-9 panel 44249-1 and total 44261-6, GAD-7
 * panel 69737-5 and total 70274-6.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKnowledge } from '../../src/core/knowledge/index.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';
import { fhirErrors } from '../support/fhir-validator.ts';

type Resource = Record<string, unknown> & { resourceType: string };
const codesOf = (r: Resource) =>
  ((r.code as { coding?: { system: string; code: string }[] } | { system: string; code: string }[]) ??
    []) as unknown;

describe.each(testEngines())('FHIR questionnaires for clinics on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let ann: TestClient;
  let dr: TestClient;
  let url: string;

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({
      store,
      now: () => new Date('2026-03-10T12:00:00Z'),
      knowledge: parseKnowledge([]),
    });
    ann = await registerClient(app, { email: `ann-${engine}@example.com`, displayName: 'Ann' });
    dr = await registerClient(app, { email: `dr-${engine}@example.com`, displayName: 'Dr Dee' });
    await dr.put('/api/sharing/role', { clinician: true });
    const clinicId = (await dr.post('/api/clinician/clinics', { name: 'Riverside' })).json().clinic.id;
    const { token } = (
      await dr.post(`/api/clinician/clinics/${clinicId}/invitations`, {
        kind: 'person',
        email: `ann-${engine}@example.com`,
      })
    ).json();
    expect((await ann.post('/api/clinic-invitations/accept', { token })).statusCode).toBe(200);
    const answers = (prefix: string, values: number[]) =>
      Object.fromEntries(values.map((v, i) => [`${prefix}_${i + 1}`, v]));
    await ann.post('/api/screeners/phq9', { answers: answers('phq9', [1, 2, 1, 3, 0, 2, 1, 0, 0]) });
    await ann.post('/api/screeners/gad7', { answers: answers('gad7', [0, 1, 1, 2, 0, 1, 0]) });
    await ann.post('/api/screeners/who5', { answers: answers('who5', [3, 3, 2, 4, 3]) });
    url = `/api/clinician/clinics/${clinicId}/people/${ann.personId}/fhir`;
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it.each(['phq9', 'gad7', 'who5'])('the %s Questionnaire is valid FHIR R4', async (instrument) => {
    const res = await ann.get(`/api/fhir/Questionnaire/${instrument}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/fhir+json; charset=utf-8');
    const q = res.json() as Resource;
    expect(fhirErrors(q)).toEqual([]);
    expect(q).toMatchObject({ resourceType: 'Questionnaire', status: 'active' });
    const broken = { ...q, status: 'published', item: [{ linkId: 1 }] };
    expect(fhirErrors(broken).length).toBeGreaterThan(0);
  });

  it('PHQ-9 and GAD-7 carry their LOINC panels and item codes; WHO-5 claims no LOINC code', async () => {
    const phq9 = (await ann.get('/api/fhir/Questionnaire/phq9')).json() as Resource;
    expect(phq9.url).toBe('http://loinc.org/q/44249-1');
    expect(codesOf(phq9)).toEqual([expect.objectContaining({ system: 'http://loinc.org', code: '44249-1' })]);
    const items = phq9.item as { linkId: string; answerOption: { valueCoding: { code: string } }[] }[];
    expect(items.map((i) => i.linkId)[8]).toBe('/44260-8');
    expect(items[0]?.answerOption.map((o) => o.valueCoding.code)).toEqual([
      'LA6568-5',
      'LA6569-3',
      'LA6570-1',
      'LA6571-9',
    ]);
    const gad7 = (await ann.get('/api/fhir/Questionnaire/gad7')).json() as Resource;
    expect(codesOf(gad7)).toEqual([expect.objectContaining({ code: '69737-5' })]);
    const who5 = (await ann.get('/api/fhir/Questionnaire/who5')).json() as Resource;
    expect(who5.code).toBeUndefined();
    expect(JSON.stringify(who5)).not.toContain('loinc.org');
    expect((await ann.get('/api/fhir/Questionnaire/phq8')).statusCode).toBe(400);
  });

  it('the clinic’s Bundle of the person’s responses is valid FHIR R4; each response names a Questionnaire in it', async () => {
    const res = await dr.get(url);
    expect(res.statusCode).toBe(200);
    const bundle = res.json() as { entry: { fullUrl: string; resource: Resource }[] };
    expect(fhirErrors(bundle)).toEqual([]);
    const resources = bundle.entry.map((e) => e.resource);
    const questionnaires = new Set(
      resources.filter((r) => r.resourceType === 'Questionnaire').map((r) => r.url),
    );
    const responses = resources.filter((r) => r.resourceType === 'QuestionnaireResponse');
    expect(responses).toHaveLength(3);
    for (const r of responses) expect(questionnaires).toContain(r.questionnaire);
    const totals = resources.filter((r) => r.resourceType === 'Observation');
    const loinc = totals.flatMap((r) =>
      ((r.code as { coding: { system: string; code: string }[] }).coding ?? []).filter(
        (c) => c.system === 'http://loinc.org',
      ),
    );
    expect(loinc.map((c) => c.code).sort()).toEqual(['44261-6', '70274-6']);
    expect(new Set(bundle.entry.map((e) => e.fullUrl)).size).toBe(bundle.entry.length);
    const log = (await ann.get('/api/sharing/access-log')).json().entries;
    expect(log[0]).toMatchObject({ clinicianName: 'Dr Dee (Riverside)', what: 'questionnaires as FHIR' });
    const stranger = await registerClient(app);
    expect((await stranger.get(url)).statusCode).toBe(403);
    expect((await client(app).get('/api/fhir/Questionnaire/phq9')).statusCode).toBe(401);
  });
});
