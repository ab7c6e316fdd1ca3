/**
 * Data ownership: export everything a person owns and import it back, walking the live schema so
 * that every table with a `person_id` is covered, including tables added after this was written.
 * An import is all-or-nothing (one transaction) and idempotent (rows already there are skipped).
 *
 * @example const doc = await exportPerson(store, personId); await importTables(store, otherId, doc.tables);
 */
import { randomUUID } from 'node:crypto';
import { type Kysely, sql } from 'kysely';
import { ValidationError } from '../core/errors.ts';
import {
  type Cell,
  checkRow,
  EXPORT_FORMAT,
  EXPORT_VERSION,
  type ExportDocument,
  isDateColumn,
  type Row,
} from '../core/export/document.ts';
import { linksOtherAccounts, mergeRows, OWNER } from '../core/import/merge.ts';
import type { Store } from './open.ts';
import { getPerson } from './people.ts';
import { describeSchema, parentsFirst, personTables, type TableInfo } from './schema-walk.ts';

/** Person tables that are never exported, and why. */
export const NOT_EXPORTED: Readonly<Record<string, string>> = {
  session: 'login sessions are credentials, not data',
  // A push subscription is a browser's address and encryption keys: it names a device, holds no
  // health data, means nothing on another server, and importing one would let a file aim this
  // server's pushes at any endpoint. Account deletion still removes it (on delete cascade).
  push_subscription: 'push subscriptions are device addresses and keys, not data',
  reminder_push: 'which reminders were pushed on which days is delivery bookkeeping, not data',
};

type AnyDb = Kysely<Record<string, Record<string, Cell>>>;
const anyDb = (db: unknown) => db as AnyDb;

/** The person tables an export contains, parents first. */
export async function exportableTables(store: Store): Promise<TableInfo[]> {
  const tables = personTables(await describeSchema(store)).filter((t) => !(t.name in NOT_EXPORTED));
  return parentsFirst(tables);
}

async function rowsOf(db: unknown, table: TableInfo, personId: string): Promise<Row[]> {
  const order = table.primaryKey.length ? table.primaryKey : table.columns.map((c) => c.name);
  let q = anyDb(db).selectFrom(table.name).selectAll().where(OWNER, '=', personId);
  for (const col of order) q = q.orderBy(col);
  const rows = (await q.execute()) as Row[];
  return rows.map((r) => {
    const { [OWNER]: _owner, ...rest } = r;
    return rest;
  });
}

/** One table of the person's rows (for CSV), or undefined when `table` is not an exportable kind. */
export async function exportTable(
  store: Store,
  personId: string,
  table: string,
): Promise<{ table: TableInfo; rows: Row[] } | undefined> {
  const info = (await exportableTables(store)).find((t) => t.name === table);
  if (!info) return undefined;
  return { table: info, rows: await rowsOf(store.db, info, personId) };
}

/** How many rows of each exportable kind the person has. */
export async function countRows(store: Store, personId: string): Promise<{ kind: string; rows: number }[]> {
  const out: { kind: string; rows: number }[] = [];
  for (const t of await exportableTables(store)) {
    const r = await anyDb(store.db)
      .selectFrom(t.name)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where(OWNER, '=', personId)
      .executeTakeFirstOrThrow();
    out.push({ kind: t.name, rows: Number(r.n) });
  }
  return out;
}

/** Everything the person owns as one versioned document. */
export async function exportPerson(
  store: Store,
  personId: string,
  now = new Date(),
): Promise<ExportDocument> {
  const person = await getPerson(store.db, personId);
  const tables: Record<string, Row[]> = {};
  for (const t of await exportableTables(store)) tables[t.name] = await rowsOf(store.db, t, personId);
  const migrations = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(
    store.db,
  );
  return {
    format: EXPORT_FORMAT,
    version: EXPORT_VERSION,
    exportedAt: now.toISOString(),
    migrations: migrations.rows.map((m) => m.name),
    person: { displayName: person.display_name, timeZone: person.time_zone, region: person.region },
    tables,
  };
}

export interface TableImport {
  table: string;
  rows: number;
  added: number;
  present: number;
  conflicts: string[];
  skipped?: string;
  dateRange?: { from: string; to: string };
}

export interface ImportOptions {
  /** Preview only: check and count, write nothing. */
  dryRun?: boolean;
  /** The caller already holds a transaction on `store.db`: do not open another. */
  nested?: boolean;
  /** Test seam: runs after each table is written, inside the transaction. */
  afterTable?: (table: string) => void | Promise<void>;
}

function dateRange(rows: readonly Row[]): { from: string; to: string } | undefined {
  let from: string | undefined;
  let to: string | undefined;
  for (const r of rows)
    for (const [k, v] of Object.entries(r)) {
      if (!isDateColumn(k) || typeof v !== 'string') continue;
      if (!from || v < from) from = v;
      if (!to || v > to) to = v;
    }
  return from && to ? { from, to } : undefined;
}

/** Rows referring to tables outside the person's data (a food catalogue, say) must point at rows that exist. */
async function checkOutsideReferences(
  db: unknown,
  table: TableInfo,
  rows: readonly Row[],
  mine: Set<string>,
) {
  for (const fk of table.foreignKeys) {
    if (fk.column === OWNER || mine.has(fk.refTable) || fk.refTable === 'person') continue;
    const wanted = [...new Set(rows.map((r) => r[fk.column]).filter((v) => v !== null && v !== undefined))];
    for (let i = 0; i < wanted.length; i += 500) {
      const chunk = wanted.slice(i, i + 500) as string[];
      const found = await anyDb(db)
        .selectFrom(fk.refTable)
        .select(fk.refColumn)
        .where(fk.refColumn, 'in', chunk)
        .execute();
      const have = new Set(found.map((f) => String(f[fk.refColumn])));
      const missing = chunk.find((v) => !have.has(String(v)));
      if (missing !== undefined) {
        const index = rows.findIndex((r) => r[fk.column] === missing);
        throw new ValidationError(
          `tables.${table.name}[${index}].${fk.column}`,
          `row ${index + 1} of ${table.name}: ${fk.column} "${missing}" is not a ${fk.refTable} this server knows`,
        );
      }
    }
  }
}

/**
 * Imports rows (table → rows, without person_id) into the person's data in one transaction.
 * Throws a ValidationError naming the table, row and column of the first bad cell; nothing is
 * written then. Rows the person already has are counted, not added.
 */
export async function importTables(
  store: Store,
  personId: string,
  incoming: Readonly<Record<string, readonly Row[]>>,
  options: ImportOptions = {},
): Promise<TableImport[]> {
  const tables = await exportableTables(store);
  const byName = new Map(tables.map((t) => [t.name, t]));
  for (const name of Object.keys(incoming)) {
    if (!byName.has(name)) {
      throw new ValidationError(
        `tables.${name}`,
        name in NOT_EXPORTED
          ? `tables.${name} cannot be imported: ${NOT_EXPORTED[name]}`
          : `tables.${name} is not a kind of data this server knows (is the file from a newer Gutbrain?)`,
      );
    }
  }
  const importable = tables.filter((t) => !linksOtherAccounts(t));
  const checked: Record<string, Row[]> = {};
  for (const t of importable) {
    const skip = new Set([OWNER]);
    checked[t.name] = (incoming[t.name] ?? []).map((row, i) =>
      checkRow(t, row, `row ${i + 1} of ${t.name}`, skip),
    );
  }
  const mine = new Set(tables.map((t) => t.name));

  const run = async (db: unknown): Promise<TableImport[]> => {
    const existing: Record<string, Row[]> = {};
    for (const t of importable) if (checked[t.name]?.length) existing[t.name] = await rowsOf(db, t, personId);
    const merges = mergeRows({ shapes: importable, incoming: checked, existing, newId: randomUUID });
    const report: TableImport[] = [];
    for (const m of merges) {
      const table = byName.get(m.table) as TableInfo;
      const rows = checked[m.table] ?? [];
      if (rows.length === 0) continue;
      await checkOutsideReferences(db, table, m.insert, mine);
      if (!options.dryRun) {
        for (let i = 0; i < m.insert.length; i += 100) {
          const chunk = m.insert.slice(i, i + 100).map((r) => ({ ...r, [OWNER]: personId }));
          await anyDb(db).insertInto(m.table).values(chunk).execute();
        }
        await options.afterTable?.(m.table);
      }
      report.push({
        table: m.table,
        rows: rows.length,
        added: m.insert.length,
        present: m.present,
        conflicts: m.conflicts.map((c) => c.reason),
        dateRange: dateRange(rows),
      });
    }
    for (const t of tables) {
      if (linksOtherAccounts(t) && incoming[t.name]?.length) {
        report.push({
          table: t.name,
          rows: incoming[t.name]?.length ?? 0,
          added: 0,
          present: 0,
          conflicts: [],
          skipped: 'links to other accounts on the server it came from (sharing), so it is not imported',
        });
      }
    }
    return report;
  };

  if (options.dryRun || options.nested) return run(store.db);
  return store.db.transaction().execute((trx) => run(trx));
}
