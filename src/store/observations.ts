/**
 * Observations: (person, local date, measure, value | text, source). The check-in is the set of
 * observations with source 'checkin' on one date; saving it replaces that set in one transaction.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable, Kysely } from 'kysely';
import type { ObservationValue } from '../core/checkin/checkin.ts';
import { lockPersonWrites } from './person-lock.ts';
import { prepared } from './prepared.ts';
import type { Database, ObservationTable } from './schema.ts';

export const CHECKIN_SOURCE = 'checkin';

export interface DayObservations {
  date: string;
  values: ObservationValue[];
}

/**
 * Replaces the observations of one source on one date, atomically. Rows whose measure stays are
 * updated in place (keeping their id and created_at), and only when their value changed; new
 * measures are inserted and dropped ones deleted. Rewriting only what changed leaves the indexes
 * alone: a delete-and-insert touched four times the pages, and on SQLite every page written is a
 * page the next checkpoint copies (bench:load).
 */
export async function replaceDayObservations(
  db: Kysely<Database>,
  personId: string,
  date: string,
  source: string,
  values: readonly ObservationValue[],
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await lockPersonWrites(trx, personId);
    const { rows: existing } = await dayRows(trx, { personId, date, source });
    const byMeasure = new Map(existing.map((r) => [r.measure, r]));
    const kept = new Set(values.map((v) => v.measure));
    const gone = existing.filter((r) => !kept.has(r.measure)).map((r) => r.id);
    if (gone.length > 0) await deleteRows(trx, { ids: gone });
    const updatedAt = now.toISOString();
    // New and changed values in one statement: an upsert on the (person, date, measure, source)
    // key inserts the new ones and rewrites the changed ones in place (their id and created_at
    // stay); unchanged ones are left out, so their rows are not written at all.
    const written = values.filter((v) => {
      const old = byMeasure.get(v.measure);
      return !old || old.value !== v.value || old.text !== v.text;
    });
    if (written.length === 0) return;
    await upsertRows(trx, {
      rows: written.map((v) => ({
        id: randomUUID(),
        person_id: personId,
        date,
        measure: v.measure,
        value: v.value,
        text: v.text,
        source,
        created_at: updatedAt,
        updated_at: updatedAt,
      })),
    });
  });
}

// The three statements of every check-in save, built once (store/prepared.ts).
const dayRows = prepared((db, a: { personId: string; date: string; source: string }) =>
  db
    .selectFrom('observation')
    .select(['id', 'measure', 'value', 'text'])
    .where('person_id', '=', a.personId)
    .where('date', '=', a.date)
    .where('source', '=', a.source),
);

const deleteRows = prepared((db, a: { ids: string[] }) =>
  db.deleteFrom('observation').where('id', 'in', a.ids),
);

const upsertRows = prepared((db, a: { rows: Insertable<ObservationTable>[] }) =>
  db
    .insertInto('observation')
    .values(a.rows)
    .onConflict((oc) =>
      oc.columns(['person_id', 'date', 'measure', 'source']).doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'),
        text: eb.ref('excluded.text'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    ),
);

export async function getDayObservations(
  db: Kysely<Database>,
  personId: string,
  date: string,
  source: string,
): Promise<ObservationValue[]> {
  return db
    .selectFrom('observation')
    .select(['measure', 'value', 'text'])
    .where('person_id', '=', personId)
    .where('date', '=', date)
    .where('source', '=', source)
    .execute();
}

/** Deletes one date's observations of a source; returns how many rows went. */
export async function deleteDayObservations(
  db: Kysely<Database>,
  personId: string,
  date: string,
  source: string,
): Promise<number> {
  const res = await db
    .deleteFrom('observation')
    .where('person_id', '=', personId)
    .where('date', '=', date)
    .where('source', '=', source)
    .executeTakeFirst();
  return Number(res.numDeletedRows);
}

/**
 * Every value of these sources between two dates, newest date first: what History needs of the
 * person's check-ins, imports and devices in one walk of the (person, date, measure, source) index,
 * backwards, instead of one query per kind (bench:load: three queries a History read did not need).
 */
export async function listSourcedValues(
  db: Kysely<Database>,
  personId: string,
  sources: readonly string[],
  range: { from?: string; to?: string } = {},
): Promise<{ date: string; measure: string; value: number | null; text: string | null; source: string }[]> {
  const span = { from: range.from || undefined, to: range.to || undefined };
  const { rows } = await sourcedValues(db, { personId, sources: [...sources], ...span });
  return rows;
}

const sourcedValues = prepared(
  (db, a: { personId: string; sources: string[]; from?: string | undefined; to?: string | undefined }) => {
    let q = db
      .selectFrom('observation')
      .select(['date', 'measure', 'value', 'text', 'source'])
      .where('person_id', '=', a.personId)
      .where('source', 'in', a.sources);
    if (a.from !== undefined) q = q.where('date', '>=', a.from);
    if (a.to !== undefined) q = q.where('date', '<=', a.to);
    return q.orderBy('date', 'desc').orderBy('measure', 'desc');
  },
);

/**
 * Sources of values brought in from another tracker (see store/imports.ts): shown beside the
 * person's own check-in, marked with the app they came from, and never rewritten by a check-in save.
 */
export const IMPORTED_SOURCES = [
  'daylio',
  'bearable',
  'loop',
  // Phone and wearable exports (issue 20; core/wearables/samples.ts WEARABLE_SOURCES).
  'apple-health',
  'fitbit',
  'oura',
  'gadgetbridge',
] as const;

export interface ImportedDayObservations extends DayObservations {
  source: string;
}

/**
 * Imported values of the given measures (or all) grouped by date and source, newest date first, between
 * two dates inclusive (or on one date when `from` equals `to`); from every imported source, or the ones given.
 */
export async function listImportedDays(
  db: Kysely<Database>,
  personId: string,
  measures: readonly string[] | 'all',
  range: { from?: string; to?: string } = {},
  sources: readonly string[] = IMPORTED_SOURCES,
): Promise<ImportedDayObservations[]> {
  if (sources.length === 0) return [];
  let q = db
    .selectFrom('observation')
    .select(['date', 'measure', 'value', 'text', 'source'])
    .where('person_id', '=', personId)
    .where('source', 'in', [...sources]);
  if (measures !== 'all') q = q.where('measure', 'in', [...measures]);
  if (range.from) q = q.where('date', '>=', range.from);
  if (range.to) q = q.where('date', '<=', range.to);
  const rows = await q.orderBy('date', 'desc').orderBy('source').execute();
  const days: ImportedDayObservations[] = [];
  for (const r of rows) {
    const last = days[days.length - 1];
    const value = { measure: r.measure, value: r.value, text: r.text };
    if (last && last.date === r.date && last.source === r.source) last.values.push(value);
    else days.push({ date: r.date, source: r.source, values: [value] });
  }
  return days;
}

/**
 * Which source wins when one measure has values from several sources on the same day: the
 * person's own check-in, then habits, then food-derived counts, then anything imported.
 */
const SOURCE_PRIORITY: Record<string, number> = { checkin: 0, habit: 1, food: 2, custom: 3 };
const priorityOf = (source: string) => SOURCE_PRIORITY[source] ?? 9;

/**
 * The day × measure matrix over a date range: `matrix.get(date)?.get('mood')`. One value per day
 * and measure — never a sum across sources, so an imported mood and a check-in mood of 7 stay 7.
 */
export async function dayMeasureMatrix(
  db: Kysely<Database>,
  personId: string,
  from: string,
  to: string,
): Promise<Map<string, Map<string, number>>> {
  const rows = await db
    .selectFrom('observation')
    .select(['date', 'measure', 'value', 'source'])
    .where('person_id', '=', personId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where('value', 'is not', null)
    .execute();
  const matrix = new Map<string, Map<string, number>>();
  const chosen = new Map<string, number>();
  for (const r of rows) {
    let day = matrix.get(r.date);
    if (!day) {
      day = new Map();
      matrix.set(r.date, day);
    }
    const key = `${r.date}|${r.measure}`;
    const priority = priorityOf(r.source);
    const held = chosen.get(key);
    if (held === undefined || priority < held) {
      chosen.set(key, priority);
      day.set(r.measure, r.value as number);
    }
  }
  return matrix;
}
