/** POST /api/demo ("Try it with sample data") on both engines: only into an empty account, labelled Demo. */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { type DemoStep, loadSampleData } from '../../src/server/services/demo.ts';
import type { Store } from '../../src/store/open.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

describe.each(testEngines())('sample data button on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let alice: TestClient;
  let bob: TestClient;
  const now = new Date('2026-03-31T23:30:00Z'); // already 1 April in Auckland

  const observations = async (personId: string) =>
    Number(
      (
        await store.db
          .selectFrom('observation')
          .select((eb) => eb.fn.countAll().as('n'))
          .where('person_id', '=', personId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => now });
    alice = await registerClient(app, { displayName: 'Alice', timeZone: 'Pacific/Auckland' });
    bob = await registerClient(app, { displayName: 'Bob' });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('answers 401 without a session', async () => {
    expect((await client(app).post('/api/demo', {})).statusCode).toBe(401);
  });

  it('fills an empty account with 180 days ending today in the person’s time zone and labels it Demo', async () => {
    const res = await alice.post('/api/demo', {});
    expect(res.statusCode).toBe(201);
    // 180 days ending 2026-04-01 (Auckland) start 179 days earlier: 2025-10-04.
    expect(res.json()).toMatchObject({
      from: '2025-10-04',
      to: '2026-04-01',
      days: 180,
      displayName: 'Alice (Demo)',
    });
    expect((await alice.get('/api/auth/session')).json().person.displayName).toBe('Alice (Demo)');
    expect(await observations(alice.personId as string)).toBe(res.json().observations);
    const assoc = (await alice.get('/api/insights/associations')).json();
    expect(assoc.counts.shown).toBeGreaterThan(0);
    expect(await observations(bob.personId as string)).toBe(0);
    // Three weeks into the 30-day challenge: started 20 days before 2026-04-01.
    const enrolments = (await alice.get('/api/enrolments')).json().enrolments;
    expect(enrolments).toMatchObject([
      { programId: 'gut_brain_30_day', startDate: '2026-03-12', status: 'active' },
    ]);
    const weeks = (await alice.get(`/api/enrolments/${enrolments[0].id}`)).json().weeks;
    expect(weeks.filter((w: { percent: number | null }) => w.percent !== null)).toHaveLength(3);
  });

  it('refuses an account that already has data (409), changing nothing', async () => {
    const before = await observations(alice.personId as string);
    const again = await alice.post('/api/demo', {});
    expect(again.statusCode).toBe(409);
    expect(await observations(alice.personId as string)).toBe(before);
    await bob.put('/api/checkins/2026-03-30', { mood: 6 });
    expect((await bob.post('/api/demo', {})).statusCode).toBe(409);
    expect(await observations(bob.personId as string)).toBe(1);
    expect((await bob.get('/api/auth/session')).json().person.displayName).toBe('Bob');
  });

  it('refuses anything in the body with 400 naming the field', async () => {
    const carol = await registerClient(app);
    const res = await carol.post('/api/demo', { days: 5000 });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('days');
    expect(await observations(carol.personId as string)).toBe(0);
  });

  // The four writes (observations, questionnaires, the program, the "(Demo)" label) are one
  // transaction: a failure after any step leaves the account exactly as it was.
  it.each<DemoStep>(['data', 'program', 'label'])(
    'writes nothing when loading fails after the %s step',
    async (step) => {
      const dana = await registerClient(app, { displayName: 'Dana' });
      const personId = dana.personId as string;
      const failure = new Error(`failed after ${step}`);
      await expect(
        loadSampleData(
          { store, now: () => now },
          { personId },
          {
            afterStep: (s) => {
              if (s === step) throw failure;
            },
          },
        ),
      ).rejects.toBe(failure);
      const rows = async (table: 'observation' | 'screener_response' | 'program_enrolment') =>
        (await store.db.selectFrom(table).select('id').where('person_id', '=', personId).execute()).length;
      expect(await rows('observation')).toBe(0);
      expect(await rows('screener_response')).toBe(0);
      expect(await rows('program_enrolment')).toBe(0);
      expect((await dana.get('/api/auth/session')).json().person.displayName).toBe('Dana');
      // And the same account can still be filled afterwards.
      const res = await dana.post('/api/demo', {});
      expect(res.statusCode).toBe(201);
      expect(res.json().displayName).toBe('Dana (Demo)');
      expect(await rows('program_enrolment')).toBe(1);
    },
  );
});
