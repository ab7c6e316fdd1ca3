/**
 * What the safety rules read and write: the recent diary mood (observations of measure 'mood'
 * from the check-in) and dismissals of the diary support prompt.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { CHECKIN_SOURCE } from './observations.ts';
import type { Database } from './schema.ts';

/** The most recent `limit` logged mood days, newest first. */
export async function recentMoodDays(
  db: Kysely<Database>,
  personId: string,
  limit: number,
): Promise<{ date: string; mood: number }[]> {
  const rows = await db
    .selectFrom('observation')
    .select(['date', 'value'])
    .where('person_id', '=', personId)
    .where('measure', '=', 'mood')
    .where('source', '=', CHECKIN_SOURCE)
    .where('value', 'is not', null)
    .orderBy('date', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ date: r.date, mood: Number(r.value) }));
}

/** Mood by date between two dates inclusive, oldest first (for charts beside screener scores). */
export async function moodBetween(
  db: Kysely<Database>,
  personId: string,
  from: string | undefined,
  to: string | undefined,
): Promise<{ date: string; mood: number }[]> {
  let q = db
    .selectFrom('observation')
    .select(['date', 'value'])
    .where('person_id', '=', personId)
    .where('measure', '=', 'mood')
    .where('source', '=', CHECKIN_SOURCE)
    .where('value', 'is not', null);
  if (from) q = q.where('date', '>=', from);
  if (to) q = q.where('date', '<=', to);
  const rows = await q.orderBy('date').execute();
  return rows.map((r) => ({ date: r.date, mood: Number(r.value) }));
}

export async function latestDismissal(
  db: Kysely<Database>,
  personId: string,
  kind: string,
): Promise<Date | null> {
  const row = await db
    .selectFrom('safety_dismissal')
    .select('dismissed_at')
    .where('person_id', '=', personId)
    .where('kind', '=', kind)
    .orderBy('dismissed_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? new Date(row.dismissed_at) : null;
}

export async function addDismissal(
  db: Kysely<Database>,
  personId: string,
  kind: string,
  now: Date,
): Promise<void> {
  await db
    .insertInto('safety_dismissal')
    .values({ id: randomUUID(), person_id: personId, kind, dismissed_at: now.toISOString() })
    .execute();
}
