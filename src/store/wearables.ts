/**
 * Daily device values: observations with the export as their source ('apple-health', …) and, in
 * `device_value`, the apps and devices each came from. Saving a file's daily truth inserts the
 * days and measures not there yet, rewrites those whose value changed (a newer export may finish a
 * day the older one cut off) and leaves the rest alone: importing the same file twice adds nothing.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { DailyValue } from '../core/wearables/daily.ts';
import { lockPersonWrites } from './person-lock.ts';
import type { Database } from './schema.ts';

/** Rows per INSERT: under SQLite's 32,766 and PostgreSQL's 65,535 bound parameters. */
const BATCH = 500;

export interface SavedDays {
  added: number;
  updated: number;
  unchanged: number;
}

/** Writes a file's daily values for `source`, in the caller's transaction. */
export async function saveDeviceDays(
  trx: Kysely<Database>,
  personId: string,
  source: string,
  values: readonly DailyValue[],
  now: Date,
): Promise<SavedDays> {
  const saved: SavedDays = { added: 0, updated: 0, unchanged: 0 };
  if (values.length === 0) return saved;
  await lockPersonWrites(trx, personId);
  const at = now.toISOString();
  const dates = values.map((v) => v.date).sort();
  const from = dates[0] as string;
  const to = dates[dates.length - 1] as string;
  const existing = await trx
    .selectFrom('observation')
    .select(['id', 'date', 'measure', 'value'])
    .where('person_id', '=', personId)
    .where('source', '=', source)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
  const held = new Map(existing.map((r) => [`${r.date}|${r.measure}`, r]));
  const provenance = await trx
    .selectFrom('device_value')
    .select(['date', 'measure', 'origins', 'devices'])
    .where('person_id', '=', personId)
    .where('source', '=', source)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .execute();
  const heldFrom = new Map(provenance.map((r) => [`${r.date}|${r.measure}`, r]));
  const fresh: Database['observation'][] = [];
  const freshFrom: Database['device_value'][] = [];
  for (const v of values) {
    const key = `${v.date}|${v.measure}`;
    const origins = JSON.stringify(v.origins);
    const devices = JSON.stringify(v.devices);
    const old = held.get(key);
    const oldFrom = heldFrom.get(key);
    if (!old) {
      saved.added++;
      fresh.push({
        id: randomUUID(),
        person_id: personId,
        date: v.date,
        measure: v.measure,
        value: v.value,
        text: null,
        source,
        created_at: at,
        updated_at: at,
      });
    } else if (Number(old.value) !== v.value) {
      saved.updated++;
      await trx
        .updateTable('observation')
        .set({ value: v.value, updated_at: at })
        .where('id', '=', old.id)
        .execute();
    } else {
      saved.unchanged++;
    }
    if (!oldFrom) {
      freshFrom.push({
        person_id: personId,
        source,
        date: v.date,
        measure: v.measure,
        origins,
        devices,
        updated_at: at,
      });
    } else if (oldFrom.origins !== origins || oldFrom.devices !== devices) {
      await trx
        .updateTable('device_value')
        .set({ origins, devices, updated_at: at })
        .where('person_id', '=', personId)
        .where('source', '=', source)
        .where('date', '=', v.date)
        .where('measure', '=', v.measure)
        .execute();
    }
  }
  for (let i = 0; i < fresh.length; i += BATCH) {
    await trx
      .insertInto('observation')
      .values(fresh.slice(i, i + BATCH))
      .execute();
  }
  for (let i = 0; i < freshFrom.length; i += BATCH) {
    await trx
      .insertInto('device_value')
      .values(freshFrom.slice(i, i + BATCH))
      .execute();
  }
  return saved;
}

/** Removes everything one export brought in; returns how many daily values went. */
export async function deleteDeviceSource(
  db: Kysely<Database>,
  personId: string,
  source: string,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    await lockPersonWrites(trx, personId);
    await trx
      .deleteFrom('device_value')
      .where('person_id', '=', personId)
      .where('source', '=', source)
      .execute();
    const gone = await trx
      .deleteFrom('observation')
      .where('person_id', '=', personId)
      .where('source', '=', source)
      .executeTakeFirst();
    return Number(gone.numDeletedRows);
  });
}

export interface DeviceSourceSummary {
  source: string;
  values: number;
  from: string;
  to: string;
}

/** Per export: how many daily values, from when to when. */
export async function listDeviceSources(
  db: Kysely<Database>,
  personId: string,
  sources: readonly string[],
): Promise<DeviceSourceSummary[]> {
  const rows = await db
    .selectFrom('observation')
    .select((eb) => [
      'source',
      eb.fn.countAll<number | string>().as('values'),
      eb.fn.min('date').as('from'),
      eb.fn.max('date').as('to'),
    ])
    .where('person_id', '=', personId)
    .where('source', 'in', [...sources])
    .groupBy('source')
    .orderBy('source')
    .execute();
  return rows.map((r) => ({
    source: r.source,
    values: Number(r.values),
    from: String(r.from),
    to: String(r.to),
  }));
}

/** Every origin named in the person's device values, once. */
export async function listDeviceOrigins(db: Kysely<Database>, personId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('device_value')
    .select('origins')
    .distinct()
    .where('person_id', '=', personId)
    .execute();
  const names = new Set<string>();
  for (const r of rows) for (const n of JSON.parse(r.origins) as string[]) names.add(n);
  return [...names].sort();
}

export interface DeviceDayValue {
  date: string;
  measure: string;
  value: number;
  source: string;
  origins: string[];
  devices: string[];
}

/** A span of local dates, either end open. */
export interface DateSpan {
  from?: string;
  to?: string;
}

/** The device values of the dates in `span`, with where each came from (by date, source, measure). */
export async function deviceDays(
  db: Kysely<Database>,
  personId: string,
  span: DateSpan,
  sources: readonly string[],
): Promise<DeviceDayValue[]> {
  let q = db
    .selectFrom('observation as o')
    .leftJoin('device_value as d', (j) =>
      j
        .onRef('d.person_id', '=', 'o.person_id')
        .onRef('d.source', '=', 'o.source')
        .onRef('d.date', '=', 'o.date')
        .onRef('d.measure', '=', 'o.measure'),
    )
    .select(['o.date', 'o.measure', 'o.value', 'o.source', 'd.origins', 'd.devices'])
    .where('o.person_id', '=', personId)
    .where('o.source', 'in', [...sources]);
  if (span.from) q = q.where('o.date', '>=', span.from);
  if (span.to) q = q.where('o.date', '<=', span.to);
  const rows = await q.orderBy('o.date', 'desc').orderBy('o.source').orderBy('o.measure').execute();
  return rows.map((r) => ({
    date: r.date,
    measure: r.measure,
    value: Number(r.value),
    source: r.source,
    origins: r.origins ? (JSON.parse(r.origins) as string[]) : [],
    devices: r.devices ? (JSON.parse(r.devices) as string[]) : [],
  }));
}

export async function getDevicePriority(db: Kysely<Database>, personId: string): Promise<string[]> {
  const row = await db
    .selectFrom('device_priority')
    .select('origins')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row ? (JSON.parse(row.origins) as string[]) : [];
}

export async function setDevicePriority(
  db: Kysely<Database>,
  personId: string,
  origins: readonly string[],
  now: Date,
): Promise<void> {
  const value = JSON.stringify(origins);
  await db
    .insertInto('device_priority')
    .values({ person_id: personId, origins: value, updated_at: now.toISOString() })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ origins: value, updated_at: now.toISOString() }))
    .execute();
}

/** Notes an import in the person's import history (the same table as other imports). */
export async function recordDeviceImport(
  db: Kysely<Database>,
  personId: string,
  source: string,
  fileName: string,
  sha256: string,
  rowsAdded: number,
  now: Date,
): Promise<void> {
  await (db as unknown as Kysely<Record<string, Record<string, string | number>>>)
    .insertInto('import_record')
    .values({
      id: randomUUID(),
      person_id: personId,
      source,
      file_sha256: sha256,
      file_name: fileName.slice(0, 200),
      rows_added: rowsAdded,
      imported_at: now.toISOString(),
    })
    .execute();
}

/** When a file with this SHA-256 was last imported, if it was. */
export async function previousDeviceImport(
  db: Kysely<Database>,
  personId: string,
  sha256: string,
): Promise<string | undefined> {
  const row = await (db as unknown as Kysely<Record<string, Record<string, string | number>>>)
    .selectFrom('import_record')
    .select('imported_at')
    .where('person_id', '=', personId)
    .where('file_sha256', '=', sha256)
    .orderBy('imported_at', 'desc')
    .executeTakeFirst();
  return row ? String(row.imported_at) : undefined;
}
