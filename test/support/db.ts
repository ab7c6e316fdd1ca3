/**
 * Fresh stores for tests: a new SQLite file, or a new PostgreSQL database on the test cluster.
 *
 * @example
 * describe.each(testEngines())('%s', (engine) => { let store; beforeAll(async () => { store = await openTestStore(engine); }); });
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';
import { type Engine, openStore, type Store } from '../../src/store/open.ts';
import type { PasswordHashing } from '../../src/store/passwords.ts';

/**
 * argon2id at its smallest cost (8 KiB is the floor for one lane, RFC 9106 §3.1): registering a test
 * person takes microseconds instead of ~50 ms of CPU. Production stores never see this; the unit
 * test in src/store/passwords.test.ts holds the production default to OWASP's baseline.
 */
export const TEST_PASSWORD_HASHING: PasswordHashing = { memoryCost: 8, timeCost: 1, parallelism: 1 };

/** Engines the suite runs on: SQLite always, PostgreSQL when the global setup provided one. */
export function testEngines(): Engine[] {
  return inject('pgAdminUrl') ? ['sqlite', 'postgres'] : ['sqlite'];
}

/** Creates an empty database and returns its URL (PostgreSQL) or file path (SQLite). */
export async function createTestDatabase(
  engine: Engine,
): Promise<{ databaseUrl?: string; sqliteFile?: string }> {
  if (engine === 'sqlite') {
    return { sqliteFile: join(mkdtempSync(join(tmpdir(), 'gutbrain-test-')), 'gutbrain.db') };
  }
  const admin = inject('pgAdminUrl');
  if (!admin) throw new Error('no PostgreSQL for tests');
  const name = `gbt_${randomBytes(6).toString('hex')}`;
  const client = new pg.Client({ connectionString: admin });
  await client.connect();
  await client.query(`create database ${name}`);
  await client.end();
  const url = new URL(admin);
  url.pathname = `/${name}`;
  return { databaseUrl: url.toString() };
}

export async function openTestStore(engine: Engine): Promise<Store> {
  return openStore({ ...(await createTestDatabase(engine)), passwordHashing: TEST_PASSWORD_HASHING });
}

/**
 * A person row and a builder of their observation rows, written straight into the store (no
 * account, no password): for store-level tests that need someone's data to read.
 */
export async function addStorePerson(store: Store, personId: string, now: string) {
  await store.db
    .insertInto('person')
    .values({
      id: personId,
      email: `${personId}@example.com`,
      password_hash: 'x',
      display_name: 'P',
      time_zone: 'UTC',
      role: 'person',
      created_at: now,
      updated_at: now,
    })
    .execute();
  return (
    date: string,
    measure: string,
    value: number | null,
    source = 'checkin',
    text: string | null = null,
  ) => ({
    id: randomUUID(),
    person_id: personId,
    date,
    measure,
    value,
    text,
    source,
    created_at: now,
    updated_at: now,
  });
}
