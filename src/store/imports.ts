/**
 * Storing an import from another tracker (Daylio, Bearable, Loop) or from a Gutbrain export, and
 * the record of each import. Tracker values become observations with the app as their source, so
 * re-importing the same file finds every observation already there and adds nothing; new custom
 * measures are created (or found again by name) in the same transaction.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ValidationError } from '../core/errors.ts';
import type { Row } from '../core/export/document.ts';
import { customRef, type ImportPlan } from '../core/import/plan.ts';
import type { Store } from './open.ts';
import { type ImportOptions, importTables, type TableImport } from './ownership.ts';
import type { Database } from './schema.ts';
import { describeSchema } from './schema-walk.ts';

export const CUSTOM_MEASURE_TABLE = 'custom_measure';

/** Custom measures are written through the live schema (a server may not have every column). */
type Loose = Kysely<Record<string, Record<string, string | number | null>>>;

export const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

/**
 * Finds each planned custom measure among the person's own by name (case-insensitive), creating
 * the missing ones unless this is a preview. Returns `custom:<name>` → measure key.
 */
async function resolveCustomMeasures(
  store: Store,
  personId: string,
  plan: ImportPlan,
  dryRun: boolean,
  now: Date,
): Promise<{ keys: Map<string, string>; created: number }> {
  const out = new Map<string, string>();
  let created = 0;
  if (plan.customMeasures.length === 0) return { keys: out, created };
  const table = (await describeSchema(store)).find((t) => t.name === CUSTOM_MEASURE_TABLE);
  if (!table) {
    throw new ValidationError(
      'targets',
      `This server has no custom measures yet: map ${plan.customMeasures.map((c) => `"${c.name}"`).join(', ')} to an existing measure or skip them`,
    );
  }
  const loose = store.db as unknown as Loose;
  const existing = await loose
    .selectFrom(CUSTOM_MEASURE_TABLE)
    .selectAll()
    .where('person_id', '=', personId)
    .execute();
  for (const c of plan.customMeasures) {
    const found = existing.find((e) => String(e.name).toLowerCase() === c.name.toLowerCase());
    if (found) {
      out.set(customRef(c.name), `custom_${found.id}`);
      continue;
    }
    const id = randomUUID();
    out.set(customRef(c.name), `custom_${id}`);
    created += 1;
    if (dryRun) continue;
    const row: Record<string, string | number | null> = {
      id,
      person_id: personId,
      name: c.name,
      kind: c.kind,
    };
    const names = new Set(table.columns.map((col) => col.name));
    if (names.has('unit')) row.unit = c.kind === 'number' ? (c.unit ?? 'units') : null;
    for (const col of ['created_at', 'updated_at']) if (names.has(col)) row[col] = now.toISOString();
    await loose.insertInto(CUSTOM_MEASURE_TABLE).values(row).execute();
  }
  return { keys: out, created };
}

export interface TrackerImportResult {
  observations: TableImport;
  customMeasuresCreated: number;
}

/** Stores a tracker import plan (or, with dryRun, counts what it would add). All or nothing. */
export async function importTrackerPlan(
  store: Store,
  personId: string,
  plan: ImportPlan,
  options: ImportOptions & { now?: Date; file?: { name: string; content: string } } = {},
): Promise<TrackerImportResult> {
  if (plan.problems.length > 0) {
    const first = plan.problems[0] as { line: number; message: string };
    throw new ValidationError('moods', first.message, 'unknown_mood');
  }
  const now = options.now ?? new Date();
  const run = async (db: Kysely<Database>): Promise<TrackerImportResult> => {
    // Everything below runs on `db` (the transaction): SQLite has one connection, so a query on
    // the outer handle would wait for this transaction forever.
    const scoped: Store = { ...store, db };
    const { keys, created } = await resolveCustomMeasures(
      scoped,
      personId,
      plan,
      options.dryRun ?? false,
      now,
    );
    const rows: Row[] = plan.observations.map((o) => ({
      id: randomUUID(),
      date: o.date,
      measure: keys.get(o.measure) ?? o.measure,
      value: o.value,
      text: o.text,
      source: plan.app,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    }));
    // A day's mood (or any measure) that the person already has from another source — their own
    // check-in, say — is kept: readers of the day × measure matrix would otherwise see two values.
    const theirs = await otherSourceValues(db, personId, plan.app, rows);
    const fresh = rows.filter((r) => !theirs.has(`${r.date}|${r.measure}`));
    const kept = rows
      .filter((r) => theirs.has(`${r.date}|${r.measure}`))
      .map(
        (r) =>
          `${r.date} ${r.measure}: you already have a value from ${theirs.get(`${r.date}|${r.measure}`)}; yours is kept`,
      );
    const [report] = await importTables(
      scoped,
      personId,
      { observation: fresh },
      { ...options, nested: true },
    );
    const base = report ?? { table: 'observation', rows: 0, added: 0, present: 0, conflicts: [] };
    const result: TrackerImportResult = {
      observations: { ...base, rows: rows.length, conflicts: [...kept, ...base.conflicts] },
      customMeasuresCreated: created,
    };
    if (!options.dryRun && options.file) {
      await recordImport(db, personId, plan.app, options.file, result.observations.added, now);
    }
    return result;
  };
  if (options.dryRun) return run(store.db);
  return store.db.transaction().execute((trx) => run(trx));
}

/** `date|measure` → source, for the person's observations on those days from other sources. */
async function otherSourceValues(
  db: Kysely<Database>,
  personId: string,
  source: string,
  rows: readonly Row[],
) {
  const out = new Map<string, string>();
  if (rows.length === 0) return out;
  const dates = rows.map((r) => String(r.date)).sort();
  const found = await db
    .selectFrom('observation')
    .select(['date', 'measure', 'source'])
    .where('person_id', '=', personId)
    .where('source', '!=', source)
    .where('date', '>=', dates[0] as string)
    .where('date', '<=', dates[dates.length - 1] as string)
    .execute();
  const wanted = new Set(rows.map((r) => `${r.date}|${r.measure}`));
  for (const f of found) {
    const key = `${f.date}|${f.measure}`;
    if (wanted.has(key)) out.set(key, f.source === 'checkin' ? 'your check-in' : f.source);
  }
  return out;
}

export async function recordImport(
  db: Kysely<Database>,
  personId: string,
  source: string,
  file: { name: string; content: string },
  rowsAdded: number,
  now: Date,
): Promise<void> {
  await db
    .insertInto('import_record')
    .values({
      id: randomUUID(),
      person_id: personId,
      source,
      file_sha256: sha256(file.content),
      file_name: file.name.slice(0, 200),
      rows_added: rowsAdded,
      imported_at: now.toISOString(),
    })
    .execute();
}

/** When this exact file was imported before, if it was. */
export async function previousImport(
  db: Kysely<Database>,
  personId: string,
  content: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('import_record')
    .select('imported_at')
    .where('person_id', '=', personId)
    .where('file_sha256', '=', sha256(content))
    .orderBy('imported_at', 'desc')
    .executeTakeFirst();
  return row?.imported_at;
}

export async function listImports(db: Kysely<Database>, personId: string) {
  return db
    .selectFrom('import_record')
    .select(['id', 'source', 'file_name', 'rows_added', 'imported_at'])
    .where('person_id', '=', personId)
    .orderBy('imported_at', 'desc')
    .execute();
}
