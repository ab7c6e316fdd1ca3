/**
 * What the safety rules read and write: the diary mood (observations of measure 'mood', from the
 * check-in or an import) and dismissals of the diary support prompt.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { CHECKIN_SOURCE } from './observations.ts';
import { prepared } from './prepared.ts';
import type { Database } from './schema.ts';

// Read by the diary rule after every check-in save: built once (store/prepared.ts).
const moodRows = prepared((db, a: { personId: string; from: string; to: string }) =>
  db
    .selectFrom('observation')
    .select(['date', 'value', 'source'])
    .where('person_id', '=', a.personId)
    .where('measure', '=', 'mood')
    .where('value', 'is not', null)
    .where('date', '>=', a.from)
    .where('date', '<=', a.to)
    .orderBy('date'),
);

const lastDismissal = prepared((db, a: { personId: string; kind: string }) =>
  db
    .selectFrom('safety_dismissal')
    .select('dismissed_at')
    .where('person_id', '=', a.personId)
    .where('kind', '=', a.kind)
    .orderBy('dismissed_at', 'desc')
    .limit(1),
);

/**
 * One mood per logged day between two dates inclusive, from any source — the check-in first,
 * then whatever was imported (Daylio, Bearable, …, already mapped to 1–10) — oldest first.
 */
export async function moodDays(
  db: Kysely<Database>,
  personId: string,
  from: string,
  to: string,
): Promise<{ date: string; mood: number }[]> {
  const { rows } = await moodRows(db, { personId, from, to });
  const byDate = new Map<string, { mood: number; checkin: boolean }>();
  for (const r of rows) {
    const checkin = r.source === CHECKIN_SOURCE;
    const held = byDate.get(r.date);
    if (!held || (checkin && !held.checkin)) byDate.set(r.date, { mood: Number(r.value), checkin });
  }
  return [...byDate.entries()].map(([date, v]) => ({ date, mood: v.mood }));
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
  const [row] = (await lastDismissal(db, { personId, kind })).rows;
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
