/**
 * Screener responses: one row per filled-in questionnaire or signals check, always scoped to the
 * acting person. Answers and trigger codes are stored as JSON text (both engines accept text).
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, ScreenerResponseTable } from './schema.ts';

export interface NewScreenerResponse {
  instrument: string;
  date: string;
  answers: Record<string, number | boolean>;
  raw: number | null;
  score: number | null;
  band: string | null;
  difficulty: number | null;
  triggers: string[];
}

export interface ScreenerResponseRow extends Omit<NewScreenerResponse, 'answers' | 'triggers'> {
  id: string;
  answers: Record<string, number | boolean>;
  triggers: string[];
  createdAt: string;
  /** When its support screen was read, or null. */
  supportReadAt: string | null;
}

function fromRow(r: ScreenerResponseTable): ScreenerResponseRow {
  return {
    id: r.id,
    instrument: r.instrument,
    date: r.date,
    answers: JSON.parse(r.answers) as Record<string, number | boolean>,
    raw: r.raw === null ? null : Number(r.raw),
    score: r.score === null ? null : Number(r.score),
    band: r.band,
    difficulty: r.difficulty === null ? null : Number(r.difficulty),
    triggers: JSON.parse(r.triggers) as string[],
    createdAt: r.created_at,
    supportReadAt: r.support_read_at ?? null,
  };
}

export async function insertScreenerResponse(
  db: Kysely<Database>,
  personId: string,
  response: NewScreenerResponse,
  now: Date,
): Promise<ScreenerResponseRow> {
  const row: ScreenerResponseTable = {
    id: randomUUID(),
    person_id: personId,
    instrument: response.instrument,
    date: response.date,
    answers: JSON.stringify(response.answers),
    raw: response.raw,
    score: response.score,
    band: response.band,
    difficulty: response.difficulty,
    triggers: JSON.stringify(response.triggers),
    created_at: now.toISOString(),
    support_read_at: null,
  };
  await db.insertInto('screener_response').values(row).execute();
  return fromRow(row);
}

/** One response of the acting person, or undefined (another person's id looks exactly like a missing one). */
export async function getScreenerResponse(
  db: Kysely<Database>,
  personId: string,
  id: string,
): Promise<ScreenerResponseRow | undefined> {
  const row = await db
    .selectFrom('screener_response')
    .selectAll()
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? fromRow(row) : undefined;
}

/** Responses oldest first, optionally of one instrument and between two dates inclusive. */
export async function listScreenerResponses(
  db: Kysely<Database>,
  personId: string,
  filter: { instrument?: string; from?: string; to?: string } = {},
): Promise<ScreenerResponseRow[]> {
  let q = db.selectFrom('screener_response').selectAll().where('person_id', '=', personId);
  if (filter.instrument) q = q.where('instrument', '=', filter.instrument);
  if (filter.from) q = q.where('date', '>=', filter.from);
  if (filter.to) q = q.where('date', '<=', filter.to);
  const rows = await q.orderBy('date').orderBy('created_at').execute();
  return rows.map(fromRow);
}

/** Notes that the person read the result's support screen (the first time only); false when not theirs. */
export async function markSupportRead(
  db: Kysely<Database>,
  personId: string,
  id: string,
  now: Date,
): Promise<boolean> {
  const row = await getScreenerResponse(db, personId, id);
  if (!row) return false;
  if (row.supportReadAt === null) {
    await db
      .updateTable('screener_response')
      .set({ support_read_at: now.toISOString() })
      .where('person_id', '=', personId)
      .where('id', '=', id)
      .execute();
  }
  return true;
}

export async function deleteScreenerResponse(
  db: Kysely<Database>,
  personId: string,
  id: string,
): Promise<number> {
  const res = await db
    .deleteFrom('screener_response')
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

/** The latest response date per instrument: `{ phq9: '2026-03-01', … }`. */
export async function lastResponseDates(
  db: Kysely<Database>,
  personId: string,
): Promise<Record<string, string>> {
  const rows = await db
    .selectFrom('screener_response')
    .select(['instrument', (eb) => eb.fn.max('date').as('last')])
    .where('person_id', '=', personId)
    .groupBy('instrument')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.instrument, String(r.last)]));
}
