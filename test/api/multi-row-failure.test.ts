/**
 * A multi-row write that fails half-way leaves nothing behind. The failure is injected by a
 * database trigger that refuses one particular row, so the write fails after its earlier rows
 * (and, for a check-in, after the old day's rows were rewritten) went in: only the transaction
 * rolling back all of it keeps the person's data as it was. (Imports: test/api/ownership.test.ts.)
 */
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKnowledge } from '../../src/core/knowledge/index.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Engine, Store } from '../../src/store/open.ts';
import { registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';
import { personSnapshot } from '../support/snapshot.ts';

/** Makes every insert or update of `observation` matching `when` (SQL over NEW) fail until removed. */
async function injectFailure(store: Store, engine: Engine, when: string): Promise<() => Promise<void>> {
  if (engine === 'sqlite') {
    // SQLite triggers fire on one event each: one for inserts, one for updates.
    for (const event of ['insert', 'update']) {
      await sql
        .raw(
          `create trigger injected_failure_${event} before ${event} on observation when ${when} begin select raise(abort, 'injected failure'); end`,
        )
        .execute(store.db);
    }
    return async () => {
      await sql.raw('drop trigger injected_failure_insert').execute(store.db);
      await sql.raw('drop trigger injected_failure_update').execute(store.db);
    };
  }
  await sql
    .raw(
      `create function injected_failure() returns trigger as $$ begin if ${when} then raise exception 'injected failure'; end if; return new; end $$ language plpgsql`,
    )
    .execute(store.db);
  await sql
    .raw(
      'create trigger injected_failure before insert or update on observation for each row execute function injected_failure()',
    )
    .execute(store.db);
  return async () => {
    await sql.raw('drop trigger injected_failure on observation').execute(store.db);
    await sql.raw('drop function injected_failure()').execute(store.db);
  };
}

describe.each(testEngines())('a multi-row write failing half-way on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let alice: TestClient;
  const now = new Date('2026-03-10T12:00:00Z');

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => now, knowledge: parseKnowledge([]) });
    alice = await registerClient(app);
    await alice.put('/api/checkins/2026-03-09', { mood: 5, sleepHours: 7, note: 'as it was' });
    await alice.post('/api/food-entries', {
      foodId: 'kefir',
      meal: 'breakfast',
      servings: 1,
      date: '2026-03-09',
    });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('a check-in replacing a day keeps the old day when its last row fails', async () => {
    const before = await personSnapshot(store, alice.personId as string);
    // The note is rewritten after mood and sleep, which were already changed by then.
    const remove = await injectFailure(store, engine, "new.text = 'this row fails'");
    const res = await alice.put('/api/checkins/2026-03-09', {
      mood: 9,
      sleepHours: 5,
      note: 'this row fails',
    });
    await remove();
    expect(res.statusCode).toBe(500);
    expect(res.json()).toEqual({ error: { code: 'internal', message: 'Something went wrong on our side.' } });
    expect(await personSnapshot(store, alice.personId as string)).toEqual(before);
    expect((await alice.get('/api/checkins/2026-03-09')).json().checkin).toEqual({
      mood: 5,
      sleepHours: 7,
      note: 'as it was',
    });
  });

  it('a food entry whose derived measures fail leaves neither the entry nor any measure', async () => {
    const before = await personSnapshot(store, alice.personId as string);
    expect(before.food_entry).toHaveLength(1);
    const remove = await injectFailure(
      store,
      engine,
      "new.source = 'food' and new.measure = 'plant_points_week'",
    );
    const res = await alice.post('/api/food-entries', {
      foodId: 'apple',
      meal: 'lunch',
      servings: 2,
      date: '2026-03-09',
    });
    await remove();
    expect(res.statusCode).toBe(500);
    expect(await personSnapshot(store, alice.personId as string)).toEqual(before);
    // With the fault gone the same write goes through: the trigger, not the input, was refused.
    const again = await alice.post('/api/food-entries', {
      foodId: 'apple',
      meal: 'lunch',
      servings: 2,
      date: '2026-03-09',
    });
    expect(again.statusCode).toBe(201);
    expect((await personSnapshot(store, alice.personId as string)).food_entry).toHaveLength(2);
  });
});
