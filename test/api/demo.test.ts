import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ConflictError } from '../../src/core/errors.ts';
import { buildApp } from '../../src/server/app.ts';
import { type LoadedDemo, loadDemoData } from '../../src/store/demo.ts';
import type { Store } from '../../src/store/open.ts';
import { registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

describe.each(testEngines())('sample data on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let demoPerson: TestClient;
  let other: TestClient;
  let demo: LoadedDemo;
  const now = new Date('2026-03-31T12:00:00Z');

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => now });
    demoPerson = await registerClient(app, { timeZone: 'Europe/Dublin', displayName: 'Sample data (demo)' });
    other = await registerClient(app, { timeZone: 'Europe/Dublin' });
    demo = await loadDemoData(
      store.db,
      demoPerson.personId as string,
      { endDate: '2026-03-31', seed: 1 },
      now,
    );
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const count = async (table: 'observation' | 'screener_response', personId: string) =>
    Number(
      (
        await store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .where('person_id', '=', personId)
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('stores every generated observation and questionnaire for that person only', async () => {
    expect(await count('observation', demoPerson.personId as string)).toBe(demo.observations.length);
    expect(await count('screener_response', demoPerson.personId as string)).toBe(36);
    expect(await count('observation', other.personId as string)).toBe(0);
  });

  it('reads back through the check-in API as ordinary check-ins', async () => {
    const res = await demoPerson.get('/api/checkins?from=2025-10-03&to=2026-03-31');
    expect(res.statusCode).toBe(200);
    const days = res.json().days;
    const checkinDates = new Set(demo.observations.filter((o) => o.source === 'checkin').map((o) => o.date));
    expect(days).toHaveLength(checkinDates.size);
    expect(days[0].derived.gutComfort).toBeGreaterThanOrEqual(0);
  });

  it('stores questionnaires scored by the instruments, with no safety triggers', async () => {
    const rows = await store.db
      .selectFrom('screener_response')
      .select(['instrument', 'score', 'band', 'triggers'])
      .where('person_id', '=', demoPerson.personId as string)
      .execute();
    expect(new Set(rows.map((r) => r.instrument))).toEqual(new Set(['who5', 'phq9', 'gad7']));
    for (const r of rows) {
      expect(r.band).toBeTruthy();
      expect(r.triggers).toBe('[]');
    }
  });

  it('refuses to load into a person who already has data, adding nothing', async () => {
    const before = await count('observation', demoPerson.personId as string);
    await expect(
      loadDemoData(store.db, demoPerson.personId as string, { endDate: '2026-03-31', seed: 2 }, now),
    ).rejects.toBeInstanceOf(ConflictError);
    expect(await count('observation', demoPerson.personId as string)).toBe(before);
    expect(await count('screener_response', demoPerson.personId as string)).toBe(36);
  });
});
