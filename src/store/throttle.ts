/**
 * Sign-in throttle counters in the database (table auth_throttle), so every server process sees
 * the same counts. A counter holds failures and the latest failure's time; core/auth/throttle.ts
 * turns them into a delay. A counter quiet for its rule's `forgetAfterMs` starts again from one.
 *
 * @example await countFailure(db, 'acct:…', now, 3600_000); const s = await throttleStates(db, ['acct:…']);
 */
import { type Kysely, sql } from 'kysely';
import type { ThrottleState } from '../core/auth/throttle.ts';
import type { Database } from './schema.ts';

/** The counters for `keys` that exist, by key. */
export async function throttleStates(
  db: Kysely<Database>,
  keys: string[],
): Promise<Map<string, ThrottleState>> {
  if (keys.length === 0) return new Map();
  const rows = await db
    .selectFrom('auth_throttle')
    .select(['key', 'failures', 'last_failure'])
    .where('key', 'in', keys)
    .execute();
  return new Map(
    rows.map((r) => [r.key, { failures: Number(r.failures), lastFailureMs: Date.parse(r.last_failure) }]),
  );
}

/** Adds one failure to `key` (one statement, so concurrent failures on several servers all count). */
export async function countFailure(
  db: Kysely<Database>,
  key: string,
  now: Date,
  forgetAfterMs: number,
): Promise<void> {
  const forgottenBefore = new Date(now.getTime() - forgetAfterMs).toISOString();
  await db
    .insertInto('auth_throttle')
    .values({ key, failures: 1, last_failure: now.toISOString() })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql`case when auth_throttle.last_failure <= ${forgottenBefore} then 1 else auth_throttle.failures + 1 end`,
        last_failure: now.toISOString(),
      }),
    )
    .execute();
}

/** Forgets the counters for `keys` (after a successful sign-in). */
export async function clearThrottle(db: Kysely<Database>, keys: string[]): Promise<void> {
  if (keys.length > 0) await db.deleteFrom('auth_throttle').where('key', 'in', keys).execute();
}

/** Drops counters quiet for longer than `olderThanMs`; called now and then, not on every request. */
export async function pruneThrottle(
  db: Kysely<Database>,
  now: Date,
  olderThanMs = 24 * 3600_000,
): Promise<void> {
  await db
    .deleteFrom('auth_throttle')
    .where('last_failure', '<', new Date(now.getTime() - olderThanMs).toISOString())
    .execute();
}

const SETTING_KEY = 'device_cookie_key';

/**
 * The server-wide secret that signs device cookies, made on first need and kept in app_setting so
 * every server process signs and checks with the same one (insert-or-ignore, then read back).
 */
export async function deviceCookieSecret(
  db: Kysely<Database>,
  make: () => string,
  now: Date,
): Promise<string> {
  const read = async () =>
    (await db.selectFrom('app_setting').select('value').where('key', '=', SETTING_KEY).executeTakeFirst())
      ?.value;
  const stored = await read();
  if (stored) return stored;
  await db
    .insertInto('app_setting')
    .values({ key: SETTING_KEY, value: make(), created_at: now.toISOString() })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const kept = await read();
  if (!kept) throw new Error('the device cookie secret could not be stored');
  return kept;
}
