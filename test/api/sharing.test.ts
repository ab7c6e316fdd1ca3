import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKnowledge } from '../../src/core/knowledge/index.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

describe.each(testEngines())('sharing with a clinician on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let alice: TestClient;
  let bob: TestClient;
  let drBell: TestClient;
  let drCole: TestClient;
  let now = new Date('2026-03-10T12:00:00Z');

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => now, knowledge: parseKnowledge([]) });
    alice = await registerClient(app, { displayName: 'Alice Example', timeZone: 'Europe/Dublin' });
    bob = await registerClient(app, { displayName: 'Bob' });
    drBell = await registerClient(app, { email: `bell-${engine}@clinic.example`, displayName: 'Dr Bell' });
    drCole = await registerClient(app, { email: `cole-${engine}@clinic.example`, displayName: 'Dr Cole' });
    expect((await drBell.put('/api/sharing/role', { clinician: true })).json()).toEqual({
      role: 'clinician',
    });
    await drCole.put('/api/sharing/role', { clinician: true });
    for (const [day, mood, sleep] of [
      ['2026-03-01', 4, 6],
      ['2026-03-02', 6, 7.5],
      ['2026-03-03', 8, 8],
    ] as const) {
      await alice.put(`/api/checkins/${day}`, {
        mood,
        sleepHours: sleep,
        energyMorning: 5,
        energyEvening: 7,
      });
    }
    await bob.put('/api/checkins/2026-03-02', { mood: 2 });
    const phq9 = Object.fromEntries([1, 2, 1, 3, 0, 2, 1, 0, 0].map((v, i) => [`phq9_${i + 1}`, v]));
    expect((await alice.post('/api/screeners/phq9', { answers: phq9 })).statusCode).toBe(201);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  let bellGrant: string;
  const summaryOf = (c: TestClient, person: TestClient) =>
    c.get(`/api/clinician/people/${person.personId}/summary`);

  it('a person grants a named clinician; only clinician accounts can be named', async () => {
    const notClinician = await alice.post('/api/sharing/grants', { clinicianEmail: 'nobody@example.com' });
    expect(notClinician.statusCode).toBe(400);
    expect(notClinician.json().error.field).toBe('clinicianEmail');
    const past = await alice.post('/api/sharing/grants', {
      clinicianEmail: `bell-${engine}@clinic.example`,
      untilDate: '2026-03-09',
    });
    expect(past.json().error).toMatchObject({
      field: 'untilDate',
      message: 'The end date is in the past: choose today or a later day.',
    });
    const res = await alice.post('/api/sharing/grants', { clinicianEmail: `BELL-${engine}@clinic.example` });
    expect(res.statusCode).toBe(201);
    expect(res.json().grant).toMatchObject({ kinds: null, untilDate: null, clinician: { name: 'Dr Bell' } });
    bellGrant = res.json().grant.id;
  });

  it('the clinician sees the person and a summary of every kind; each read is in the person’s access log', async () => {
    const people = (await drBell.get('/api/clinician/people')).json().people;
    expect(people).toEqual([
      {
        personId: alice.personId,
        displayName: 'Alice Example',
        kinds: ['diary', 'questionnaires', 'programs', 'microbiome'],
        untilDate: null,
      },
    ]);
    const res = await summaryOf(drBell, alice);
    expect(res.statusCode).toBe(200);
    const s = res.json().summary;
    expect(s.period).toEqual({ from: '2025-12-11', to: '2026-03-10' });
    // Mood 4, 6, 8 → 6; sleep 6, 7.5, 8 → 7.2 (7.1666… to one decimal); energy (5 + 7) / 2 each day → 6.
    expect(s.diary.averages).toEqual({
      mood: 6,
      energy: 6,
      sleepHours: 7.2,
      stress: null,
      daysWithEntries: 3,
    });
    expect(s.questionnaires).toEqual([
      {
        instrument: 'phq9',
        name: 'PHQ-9',
        scoreLabel: expect.any(String),
        points: [{ date: '2026-03-10', score: 10, band: 'Moderate' }],
      },
    ]);
    expect(s.notice).toContain('none of this is a diagnosis');
    const log = (await alice.get('/api/sharing/access-log')).json().entries;
    expect(log).toHaveLength(1);
    expect(log[0]).toMatchObject({
      clinicianName: 'Dr Bell',
      what: 'summary (diary, questionnaires, programs, microbiome)',
      readAt: now.toISOString(),
    });
    expect((await bob.get('/api/sharing/access-log')).json().entries).toEqual([]);
  });

  it('404 for a person who did not grant, for another clinician, and 403 for non-clinicians', async () => {
    expect((await summaryOf(drBell, bob)).statusCode).toBe(404);
    expect((await summaryOf(drCole, alice)).statusCode).toBe(404);
    expect((await drBell.get(`/api/clinician/people/${bob.personId}/report.pdf`)).statusCode).toBe(404);
    expect((await drBell.get('/api/clinician/people/not-an-id/summary')).statusCode).toBe(400);
    expect(
      (await drBell.get('/api/clinician/people/00000000-0000-4000-8000-000000000000/summary')).statusCode,
    ).toBe(404);
    expect((await bob.get('/api/clinician/people')).statusCode).toBe(403);
    expect((await summaryOf(bob, alice)).statusCode).toBe(403);
    expect((await client(app).get('/api/clinician/people')).statusCode).toBe(401);
    expect((await client(app).get('/api/sharing/grants')).statusCode).toBe(401);
    // Nothing was logged for the refused reads.
    expect((await alice.get('/api/sharing/access-log')).json().entries).toHaveLength(1);
  });

  it('a grant for some kinds shows only those; one until a date ends after that day', async () => {
    const res = await alice.post('/api/sharing/grants', {
      clinicianEmail: `cole-${engine}@clinic.example`,
      kinds: ['questionnaires'],
      untilDate: '2026-03-11',
    });
    expect(res.statusCode).toBe(201);
    const s = (await summaryOf(drCole, alice)).json().summary;
    expect(s.diary).toBeNull();
    expect(s.programs).toBeNull();
    expect(s.questionnaires[0].points[0].score).toBe(10);
    now = new Date('2026-03-11T23:30:00Z'); // still the 11th in Dublin
    expect((await summaryOf(drCole, alice)).statusCode).toBe(200);
    now = new Date('2026-03-12T00:30:00Z'); // the 12th in Dublin: expired
    expect((await summaryOf(drCole, alice)).statusCode).toBe(404);
    expect((await drCole.get('/api/clinician/people')).json().people).toEqual([]);
    const grants = (await alice.get('/api/sharing/grants')).json().grants;
    expect(grants.map((g: { live: boolean }) => g.live).sort()).toEqual([false, true]);
  });

  it('the clinician assigns a program; the person accepts (enrolled) or declines', async () => {
    const bad = await drBell.post(`/api/clinician/people/${alice.personId}/assignments`, {
      programId: 'made_up',
    });
    expect(bad.json().error.field).toBe('programId');
    const a1 = await drBell.post(`/api/clinician/people/${alice.personId}/assignments`, {
      programId: 'gut_brain_30_day',
      note: 'Try week 1',
    });
    expect(a1.statusCode).toBe(201);
    const a2 = await drBell.post(`/api/clinician/people/${alice.personId}/assignments`, {
      programId: 'gut_brain_30_day',
    });
    expect(
      (
        await drBell.post(`/api/clinician/people/${bob.personId}/assignments`, {
          programId: 'gut_brain_30_day',
        })
      ).statusCode,
    ).toBe(404);
    const list = (await alice.get('/api/sharing/assignments')).json().assignments;
    expect(list).toHaveLength(2);
    expect(list.find((x: { id: string }) => x.id === a1.json().assignment.id)).toMatchObject({
      clinicianName: 'Dr Bell',
      note: 'Try week 1',
      status: 'pending',
    });
    expect((await bob.post(`/api/sharing/assignments/${a1.json().assignment.id}/accept`)).statusCode).toBe(
      404,
    );
    const accepted = await alice.post(`/api/sharing/assignments/${a1.json().assignment.id}/accept`);
    expect(accepted.statusCode).toBe(200);
    expect(accepted.json().status).toBe('accepted');
    const enrolment = await store.db
      .selectFrom('program_enrolment')
      .selectAll()
      .where('id', '=', accepted.json().enrolmentId)
      .executeTakeFirstOrThrow();
    expect(enrolment).toMatchObject({
      person_id: alice.personId,
      program_id: 'gut_brain_30_day',
      start_date: '2026-03-12',
    });
    expect((await alice.post(`/api/sharing/assignments/${a1.json().assignment.id}/decline`)).statusCode).toBe(
      404,
    );
    expect((await alice.post(`/api/sharing/assignments/${a2.json().assignment.id}/decline`)).json()).toEqual({
      status: 'declined',
      enrolmentId: null,
    });
    const programs = (await summaryOf(drBell, alice)).json().summary.programs;
    expect(programs).toEqual([
      // Day 1 of the challenge, nothing logged yet: none of the day's goals met.
      {
        programId: 'gut_brain_30_day',
        title: expect.any(String),
        startDate: '2026-03-12',
        status: 'active',
        weeks: [{ week: 1, percent: 0 }],
      },
    ]);
  });

  it('the printable summary is a PDF (rendered to PNG for a look) and its reading is logged', async () => {
    const res = await drBell.get(
      `/api/clinician/people/${alice.personId}/report.pdf?from=2026-02-20&to=2026-03-12`,
    );
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    mkdirSync('test-results', { recursive: true });
    const file = `test-results/sharing-summary-${engine}.pdf`;
    writeFileSync(file, res.rawPayload);
    const text = execFileSync('pdftotext', [file, '-']).toString();
    expect(text).toContain('Alice Example');
    expect(text).toContain('2026-03-10 10 Moderate');
    execFileSync('pdftoppm', [
      '-png',
      '-r',
      '60',
      '-f',
      '1',
      '-l',
      '1',
      file,
      `test-results/sharing-summary-${engine}`,
    ]);
    const log = (await alice.get('/api/sharing/access-log')).json().entries;
    expect(log.map((e: { what: string }) => e.what)).toContain(
      'PDF report (diary, questionnaires, programs, microbiome)',
    );
    const own = await alice.get('/api/sharing/report.pdf');
    expect(own.statusCode).toBe(200);
    expect(own.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });

  it('a deleted clinician account takes its grants; the person keeps the log of what it read', async () => {
    expect((await drCole.delete('/api/account', { password: 'correct horse battery' })).statusCode).toBe(204);
    const grants = (await alice.get('/api/sharing/grants')).json().grants;
    expect(grants.map((g: { clinician: { name: string } }) => g.clinician.name)).toEqual(['Dr Bell']);
    const log = (await alice.get('/api/sharing/access-log')).json().entries;
    expect(
      log.map((e: { clinicianName: string; what: string }) => `${e.clinicianName}: ${e.what}`),
    ).toContain('Dr Cole: summary (questionnaires)');
  });

  it('revoking answers 404 at once', async () => {
    expect((await bob.delete(`/api/sharing/grants/${bellGrant}`)).statusCode).toBe(404);
    expect((await summaryOf(drBell, alice)).statusCode).toBe(200);
    expect((await alice.delete(`/api/sharing/grants/${bellGrant}`)).statusCode).toBe(204);
    expect((await summaryOf(drBell, alice)).statusCode).toBe(404);
    expect((await drBell.get(`/api/clinician/people/${alice.personId}/report.pdf`)).statusCode).toBe(404);
    expect(
      (
        await drBell.post(`/api/clinician/people/${alice.personId}/assignments`, {
          programId: 'gut_brain_30_day',
        })
      ).statusCode,
    ).toBe(404);
    expect((await drBell.get('/api/clinician/people')).json().people).toEqual([]);
  });
});
