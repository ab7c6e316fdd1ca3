/**
 * Reads the live database schema (tables, columns, keys, unique indexes, foreign keys) on SQLite
 * and PostgreSQL alike, so that export, import and account deletion cover every table that holds a
 * person's data — including tables that capabilities add later — without a hand-kept list.
 *
 * @example const tables = personTables(await describeSchema(store)); // every table with person_id
 */
import { sql } from 'kysely';
import type { Store } from './open.ts';

export type ColumnType = 'text' | 'integer' | 'real';

export interface ColumnInfo {
  name: string;
  type: ColumnType;
  nullable: boolean;
  hasDefault: boolean;
}

export interface ForeignKey {
  column: string;
  refTable: string;
  refColumn: string;
}

export interface TableInfo {
  name: string;
  columns: ColumnInfo[];
  primaryKey: string[];
  /** Full (not partial) unique indexes and constraints other than the primary key. */
  uniques: string[][];
  foreignKeys: ForeignKey[];
}

/** The column that marks a row as a person's own. */
export const OWNER_COLUMN = 'person_id';

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

function columnType(declared: string): ColumnType {
  const t = declared.toLowerCase();
  if (t.includes('int')) return 'integer';
  if (t.includes('double') || t.includes('real') || t.includes('float') || t.includes('numeric'))
    return 'real';
  return 'text';
}

/** Every table of the live database (migration bookkeeping excluded), sorted by name. */
export async function describeSchema(store: Store): Promise<TableInfo[]> {
  const tables = store.engine === 'sqlite' ? await describeSqlite(store) : await describePostgres(store);
  return tables.sort((a, b) => a.name.localeCompare(b.name));
}

/** Tables that hold a person's data: those with a `person_id` column. */
export function personTables(tables: readonly TableInfo[]): TableInfo[] {
  return tables.filter((t) => t.columns.some((c) => c.name === OWNER_COLUMN));
}

async function describeSqlite(store: Store): Promise<TableInfo[]> {
  const { db } = store;
  const names = await sql<{ name: string }>`
    select name from sqlite_master
    where type = 'table' and name not like 'sqlite_%' and name not like 'kysely_%'`.execute(db);
  const out: TableInfo[] = [];
  for (const { name } of names.rows) {
    if (!IDENTIFIER.test(name)) continue;
    const cols = await sql<{ name: string; type: string; notnull: number; dflt_value: unknown; pk: number }>`
      select * from pragma_table_info(${name})`.execute(db);
    const fks = await sql<{ table: string; from: string; to: string | null }>`
      select * from pragma_foreign_key_list(${name})`.execute(db);
    const indexes = await sql<{ name: string; unique: number; origin: string; partial: number }>`
      select * from pragma_index_list(${name})`.execute(db);
    const uniques: string[][] = [];
    for (const ix of indexes.rows) {
      if (!ix.unique || ix.partial || ix.origin === 'pk') continue;
      const info = await sql<{ name: string | null; seqno: number }>`
        select * from pragma_index_info(${ix.name})`.execute(db);
      const columns = info.rows.sort((a, b) => a.seqno - b.seqno).map((r) => r.name);
      if (columns.every((c): c is string => c !== null)) uniques.push(columns);
    }
    const primaryKey = cols.rows
      .filter((c) => c.pk > 0)
      .sort((a, b) => a.pk - b.pk)
      .map((c) => c.name);
    out.push({
      name,
      columns: cols.rows.map((c) => ({
        name: c.name,
        type: columnType(c.type),
        nullable: !c.notnull && !primaryKey.includes(c.name),
        hasDefault: c.dflt_value !== null,
      })),
      primaryKey,
      uniques,
      foreignKeys: fks.rows.map((f) => ({ column: f.from, refTable: f.table, refColumn: f.to ?? 'id' })),
    });
  }
  return out;
}

async function describePostgres(store: Store): Promise<TableInfo[]> {
  const { db } = store;
  const cols = await sql<{
    table_name: string;
    column_name: string;
    data_type: string;
    is_nullable: string;
    column_default: string | null;
  }>`
    select c.table_name, c.column_name, c.data_type, c.is_nullable, c.column_default
    from information_schema.columns c
    join information_schema.tables t on t.table_schema = c.table_schema and t.table_name = c.table_name
    where c.table_schema = current_schema() and t.table_type = 'BASE TABLE'
      and c.table_name not like 'kysely_%'
    order by c.table_name, c.ordinal_position`.execute(db);
  const indexes = await sql<{ table_name: string; is_primary: boolean; columns: string[] }>`
    select t.relname as table_name, i.indisprimary as is_primary,
      array(select a.attname::text from unnest(i.indkey::int2[]) with ordinality k(n, o)
            join pg_attribute a on a.attrelid = t.oid and a.attnum = k.n order by k.o) as columns
    from pg_index i
    join pg_class t on t.oid = i.indrelid
    join pg_namespace ns on ns.oid = t.relnamespace
    where ns.nspname = current_schema() and i.indisunique and i.indpred is null
      and not (0 = any(i.indkey::int2[]))`.execute(db);
  const fks = await sql<{ table_name: string; columns: string[]; ref_table: string; ref_columns: string[] }>`
    select t.relname as table_name, r.relname as ref_table,
      array(select a.attname::text from unnest(c.conkey) with ordinality k(n, o)
            join pg_attribute a on a.attrelid = c.conrelid and a.attnum = k.n order by k.o) as columns,
      array(select a.attname::text from unnest(c.confkey) with ordinality k(n, o)
            join pg_attribute a on a.attrelid = c.confrelid and a.attnum = k.n order by k.o) as ref_columns
    from pg_constraint c
    join pg_class t on t.oid = c.conrelid
    join pg_class r on r.oid = c.confrelid
    join pg_namespace ns on ns.oid = t.relnamespace
    where ns.nspname = current_schema() and c.contype = 'f'`.execute(db);

  const byName = new Map<string, TableInfo>();
  for (const c of cols.rows) {
    let t = byName.get(c.table_name);
    if (!t) {
      t = { name: c.table_name, columns: [], primaryKey: [], uniques: [], foreignKeys: [] };
      byName.set(c.table_name, t);
    }
    t.columns.push({
      name: c.column_name,
      type: columnType(c.data_type),
      nullable: c.is_nullable === 'YES',
      hasDefault: c.column_default !== null,
    });
  }
  for (const ix of indexes.rows) {
    const t = byName.get(ix.table_name);
    if (!t) continue;
    if (ix.is_primary) t.primaryKey = ix.columns;
    else t.uniques.push(ix.columns);
  }
  for (const fk of fks.rows) {
    const t = byName.get(fk.table_name);
    if (!t) continue;
    fk.columns.forEach((column, i) => {
      t.foreignKeys.push({ column, refTable: fk.ref_table, refColumn: fk.ref_columns[i] ?? 'id' });
    });
  }
  return [...byName.values()].filter((t) => IDENTIFIER.test(t.name));
}

/**
 * Orders tables so that every table comes after the tables its foreign keys point to (parents
 * first); a cycle keeps the remaining tables in name order.
 */
export function parentsFirst(tables: readonly TableInfo[]): TableInfo[] {
  const names = new Set(tables.map((t) => t.name));
  const done = new Set<string>();
  const out: TableInfo[] = [];
  let progress = true;
  while (out.length < tables.length && progress) {
    progress = false;
    for (const t of tables) {
      if (done.has(t.name)) continue;
      const waiting = t.foreignKeys.some(
        (fk) => fk.refTable !== t.name && names.has(fk.refTable) && !done.has(fk.refTable),
      );
      if (waiting) continue;
      done.add(t.name);
      out.push(t);
      progress = true;
    }
  }
  for (const t of tables) if (!done.has(t.name)) out.push(t);
  return out;
}
