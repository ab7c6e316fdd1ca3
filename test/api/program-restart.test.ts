/**
 * Restarting a program leaves the old enrolment and enrols again in one transaction: when the new
 * enrolment cannot be written, the person is still in the program as before, not left out of it.
 * The failure is injected by a database trigger refusing new enrolments.
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Engine, Store } from '../../src/store/open.ts';
import { registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

async function refuseNewEnrolments(store: Store, engine: Engine): Promise<() => Promise<void>> {
  if (engine === 'sqlite') {
    await sql
      .raw(
        "create trigger refuse_enrolment before insert on program_enrolment begin select raise(abort, 'injected failure'); end",
      )
      .execute(store.db);
    return async () => {
      await sql.raw('drop trigger refuse_enrolment').execute(store.db);
    };
  }
  await sql
    .raw(
      "create function refuse_enrolment() returns trigger as $$ begin raise exception 'injected failure'; end $$ language plpgsql",
    )
    .execute(store.db);
  await sql
    .raw(
      'create trigger refuse_enrolment before insert on program_enrolment for each row execute function refuse_enrolment()',
    )
    .execute(store.db);
  return async () => {
    await sql.raw('drop trigger refuse_enrolment on program_enrolment').execute(store.db);
    await sql.raw('drop function refuse_enrolment()').execute(store.db);
  };
}

describe.each(testEngines())('restarting a program on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let alice: TestClient;

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => new Date('2026-03-10T12:00:00Z') });
    alice = await registerClient(app);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('keeps the old enrolment when the new one cannot be written, and restarts once it can', async () => {
    const enrolled = await alice.post('/api/enrolments', {
      programId: 'gut_brain_30_day',
      startDate: '2026-03-01',
    });
    expect(enrolled.statusCode).toBe(201);
    const id = enrolled.json().enrolment.id as string;

    const allow = await refuseNewEnrolments(store, engine);
    const failed = await alice.post(`/api/enrolments/${id}/restart`, {});
    await allow();
    expect(failed.statusCode).toBe(500);
    const after = (await alice.get('/api/enrolments')).json().enrolments;
    expect(after).toEqual([
      expect.objectContaining({ id, status: 'active', endedOn: null, startDate: '2026-03-01' }),
    ]);

    const restarted = await alice.post(`/api/enrolments/${id}/restart`, {});
    expect(restarted.statusCode).toBe(201);
    const both = (await alice.get('/api/enrolments')).json().enrolments as { startDate: string }[];
    // The old one left the day before the new start (today, 2026-03-10). Both were made at the same
    // (fixed) instant, so they are compared in start order.
    expect(both.sort((x, y) => x.startDate.localeCompare(y.startDate))).toEqual([
      expect.objectContaining({ id, status: 'left', endedOn: '2026-03-09' }),
      expect.objectContaining({ status: 'active', startDate: '2026-03-10' }),
    ]);
  });
});
