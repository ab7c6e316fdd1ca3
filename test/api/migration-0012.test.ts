/**
 * Migration 0012 (issue 14) on a database at 0011: the old catch-all "EU" region gives way to the
 * browser's languages (or the picker), other regions stay, and every screener result starts
 * unread. Both engines.
 */
import { type Kysely, Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { migrations } from '../../src/store/migrations/index.ts';
import { openStore } from '../../src/store/open.ts';
import { createTestDatabase, testEngines } from '../support/db.ts';

type Loose = Kysely<Record<string, Record<string, unknown>>>;
const at = '2026-03-01T08:00:00.000Z';
const person = (id: string, region: string | null) => ({
  id,
  email: `${id.slice(0, 8)}@example.com`,
  password_hash: 'x',
  display_name: 'P',
  time_zone: 'Europe/Berlin',
  role: 'person',
  region,
  created_at: at,
  updated_at: at,
});

describe.each(testEngines())('migration 0012 on %s', (engine) => {
  it('clears the old "EU" region, keeps the others, and adds an unread support_read_at', async () => {
    const target = await createTestDatabase(engine);
    const old = await openStore({ ...target, migrate: false });
    const before = Object.fromEntries(Object.entries(migrations).filter(([name]) => name < '0012'));
    expect(
      (await new Migrator({ db: old.db, provider: { getMigrations: async () => before } }).migrateToLatest())
        .error,
    ).toBeUndefined();
    const oldDb = old.db as unknown as Loose;
    const eu = '11111111-1111-4111-8111-111111111111';
    const de = '22222222-2222-4222-8222-222222222222';
    const none = '33333333-3333-4333-8333-333333333333';
    await oldDb
      .insertInto('person')
      .values([person(eu, 'EU'), person(de, 'DE'), person(none, null)] as never)
      .execute();
    await oldDb
      .insertInto('screener_response')
      .values({
        id: '44444444-4444-4444-8444-444444444444',
        person_id: de,
        instrument: 'gad7',
        date: '2026-03-01',
        answers: '{}',
        raw: 21,
        score: 21,
        band: 'severe',
        difficulty: null,
        triggers: '[]',
        created_at: at,
      } as never)
      .execute();
    await old.close();

    const store = await openStore(target);
    const db = store.db as unknown as Loose;
    const regions = await db.selectFrom('person').select(['id', 'region']).orderBy('id').execute();
    expect(regions).toEqual([
      { id: eu, region: null },
      { id: de, region: 'DE' },
      { id: none, region: null },
    ]);
    expect(await db.selectFrom('screener_response').select('support_read_at').execute()).toEqual([
      { support_read_at: null },
    ]);
    await store.close();
  });
});
