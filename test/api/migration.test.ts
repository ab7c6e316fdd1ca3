/**
 * Start-up on a database made by the first release: the fixture is built in the test by running
 * only migration 0001 (Kysely's Migrator with a provider that lists just that one) and filling its
 * tables with data; then the app starts on it as it would after an upgrade, runs every later
 * migration, and keeps every row, the person's password and her live session.
 */
import { hash } from '@node-rs/argon2';
import { type Kysely, Migrator } from 'kysely';
import { describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import * as m0001 from '../../src/store/migrations/0001_foundation.ts';
import { migrations } from '../../src/store/migrations/index.ts';
import { openStore } from '../../src/store/open.ts';
import { hashToken } from '../../src/store/sessions.ts';
import { client } from '../support/api.ts';
import { createTestDatabase, testEngines } from '../support/db.ts';

type Loose = Kysely<Record<string, Record<string, unknown>>>;
const NOW = new Date('2026-03-10T12:00:00Z');
const PERSON = '6f1c2f9e-3a51-4e0e-9a51-0c8f6f2b7d11';
const TOKEN = 'first-release-session-token-kept-across-the-upgrade';
const FIRST_RELEASE = ['person', 'session', 'login_throttle', 'observation'];

async function firstReleaseRows(password: string) {
  const at = '2026-03-01T08:00:00.000Z';
  const person = [
    {
      id: PERSON,
      email: 'early@example.com',
      password_hash: await hash(password),
      display_name: 'Early Adopter',
      time_zone: 'Europe/Dublin',
      role: 'person',
      region: 'IE',
      created_at: at,
      updated_at: at,
    },
  ];
  const session = [
    {
      id_hash: hashToken(TOKEN),
      person_id: PERSON,
      csrf_token: 'csrf-from-the-first-release',
      created_at: '2026-03-10T11:59:00.000Z',
      last_seen_at: '2026-03-10T11:59:00.000Z',
      expires_at: '2026-04-09T11:59:00.000Z',
    },
  ];
  const login_throttle = [{ key: 'ip:127.0.0.9', window_start: '2026-03-10T11:59:00.000Z', count: 3 }];
  const observation = ['2026-03-01', '2026-03-02', '2026-03-03'].flatMap((date, i) =>
    [
      ['mood', 5 + i, null],
      ['sleep_hours', 6.5 + i, null],
      ['note', null, `day ${i}, "quoted", café`],
    ].map(([measure, value, text], j) => ({
      id: `00000000-0000-4000-8000-00000000000${i * 3 + j}`,
      person_id: PERSON,
      date,
      measure,
      value,
      text,
      source: 'checkin',
      created_at: at,
      updated_at: at,
    })),
  );
  return { person, session, login_throttle, observation } as Record<string, Record<string, unknown>[]>;
}

async function tableRows(db: Loose, table: string, columns: string[]) {
  const rows = await db.selectFrom(table).select(columns).execute();
  return rows.map((r) => JSON.stringify(columns.map((c) => r[c]))).sort();
}

describe.each(testEngines())('upgrading a first-release database on %s', (engine) => {
  it('runs every later migration and keeps all data, the password and the session', async () => {
    const target = await createTestDatabase(engine);
    const old = await openStore({ ...target, migrate: false });
    const only0001 = new Migrator({
      db: old.db,
      provider: { getMigrations: async () => ({ '0001_foundation': m0001 }) },
    });
    const first = await only0001.migrateToLatest();
    expect(first.error).toBeUndefined();
    expect(first.results?.map((r) => [r.migrationName, r.status])).toEqual([['0001_foundation', 'Success']]);
    const rows = await firstReleaseRows('first release password');
    const oldDb = old.db as unknown as Loose;
    for (const t of FIRST_RELEASE)
      await oldDb
        .insertInto(t)
        .values(rows[t] as never)
        .execute();
    await old.close();

    // Start-up as after an upgrade: openStore migrates to the latest schema.
    const store = await openStore(target);
    const db = store.db as unknown as Loose;
    const applied = await db.selectFrom('kysely_migration').select('name').execute();
    expect(applied.map((r) => r.name).sort()).toEqual(Object.keys(migrations).sort());
    for (const t of FIRST_RELEASE) {
      const columns = Object.keys(rows[t]?.[0] ?? {});
      const expected = (rows[t] ?? []).map((r) => JSON.stringify(columns.map((c) => r[c]))).sort();
      expect(await tableRows(db, t, columns), t).toEqual(expected);
    }

    const app = await buildApp({ store, now: () => NOW });
    // The session from before the upgrade still works, and so does the data behind it.
    const kept = client(app);
    kept.cookie = TOKEN;
    kept.csrfToken = 'csrf-from-the-first-release';
    expect((await kept.get('/api/auth/session')).json().person).toMatchObject({
      id: PERSON,
      displayName: 'Early Adopter',
    });
    expect((await kept.get('/api/checkins/2026-03-02')).json().checkin).toEqual({
      mood: 6,
      sleepHours: 7.5,
      note: 'day 1, "quoted", café',
    });
    // New capabilities work on the upgraded database for the old account.
    expect(
      (
        await kept.post('/api/food-entries', {
          foodId: 'kefir',
          meal: 'breakfast',
          servings: 1,
          date: '2026-03-03',
        })
      ).statusCode,
    ).toBe(201);
    expect((await kept.put('/api/checkins/2026-03-04', { mood: 8 })).statusCode).toBe(200);
    const login = await client(app).post('/api/auth/login', {
      email: 'early@example.com',
      password: 'first release password',
    });
    expect(login.statusCode).toBe(200);
    await app.close();
    await store.close();
  });
});
