/**
 * Login throttling counted in the database, so every server process sees the same counts.
 * Failures are counted in 10-second buckets; the sum over the last minute is compared to a limit.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from './schema.ts';

const BUCKET_MS = 10_000;
const WINDOW_MS = 60_000;

const bucketStart = (now: Date) => new Date(Math.floor(now.getTime() / BUCKET_MS) * BUCKET_MS).toISOString();

export async function recordFailure(db: Kysely<Database>, key: string, now = new Date()): Promise<void> {
  await db
    .insertInto('login_throttle')
    .values({ key, window_start: bucketStart(now), count: 1 })
    .onConflict((oc) =>
      oc.columns(['key', 'window_start']).doUpdateSet({ count: sql`login_throttle.count + 1` }),
    )
    .execute();
}

export async function failuresInLastMinute(
  db: Kysely<Database>,
  key: string,
  now = new Date(),
): Promise<number> {
  const since = new Date(now.getTime() - WINDOW_MS + 1).toISOString();
  const row = await db
    .selectFrom('login_throttle')
    .select((eb) => eb.fn.sum<number | string | null>('count').as('n'))
    .where('key', '=', key)
    .where('window_start', '>=', bucketStart(new Date(since)))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** Drops buckets older than the window; called now and then, not on every request. */
export async function pruneThrottle(db: Kysely<Database>, now = new Date()): Promise<void> {
  await db
    .deleteFrom('login_throttle')
    .where('window_start', '<', new Date(now.getTime() - 2 * WINDOW_MS).toISOString())
    .execute();
}
