/**
 * Merges imported rows into what a person already has, table by table (parents first): new ids
 * for every row, references between the person's rows rewritten to match, and rows the person
 * already has recognised and left alone — so importing the same file twice adds nothing.
 *
 * A row is "the same thing" when it matches an existing row on a unique key of its table (other
 * than a replaced id; a kept primary key counts, so a one-per-person table matches its one row), or, for tables without one, on every column but the id and `updated_at`.
 *
 * @example mergeRows({ shapes, incoming: doc.tables, existing, newId: () => crypto.randomUUID() })
 */

import { ValidationError } from '../errors.ts';
import type { Row, TableShape } from '../export/document.ts';

export const OWNER = 'person_id';

export interface TableMerge {
  table: string;
  /** Rows to insert, with new ids and rewritten references, without person_id. */
  insert: Row[];
  /** Rows the person already has, identical apart from ids and timestamps. */
  present: number;
  /** Rows that match an existing one on its key but differ: the existing row is kept. */
  conflicts: { index: number; reason: string }[];
}

export interface MergeInput {
  /** Person tables, parents first. */
  shapes: readonly TableShape[];
  incoming: Readonly<Record<string, readonly Row[]>>;
  existing: Readonly<Record<string, readonly Row[]>>;
  newId: () => string;
  /** Label for messages: `row 3 of observation`. */
  describeRow?: (table: string, index: number) => string;
}

/** The single text primary key that import replaces with a fresh id, if the table has one. */
export function remappedKey(shape: TableShape): string | undefined {
  if (shape.primaryKey.length !== 1) return undefined;
  const [pk] = shape.primaryKey as [string];
  const col = shape.columns.find((c) => c.name === pk);
  return col?.type === 'text' && pk !== OWNER ? pk : undefined;
}

/** Tables that point at other accounts (a clinician, say) belong to this server, not to a file. */
export function linksOtherAccounts(shape: TableShape): boolean {
  return shape.foreignKeys.some((fk) => fk.refTable === 'person' && fk.column !== OWNER);
}

function identityColumns(shape: TableShape, pk: string | undefined): string[] {
  // A primary key that import keeps (person_id alone, or person_id + a name) is a unique key too.
  const keys = [...(pk || shape.primaryKey.length === 0 ? [] : [shape.primaryKey]), ...shape.uniques];
  const unique = keys.find((u) => !pk || !u.includes(pk));
  if (unique) return unique.filter((c) => c !== OWNER);
  return shape.columns.map((c) => c.name).filter((c) => c !== pk && c !== OWNER && c !== 'updated_at');
}

function contentColumns(shape: TableShape, pk: string | undefined): string[] {
  return shape.columns
    .map((c) => c.name)
    .filter((c) => c !== pk && c !== OWNER && c !== 'created_at' && c !== 'updated_at');
}

const keyOf = (row: Row, cols: readonly string[]) => JSON.stringify(cols.map((c) => row[c] ?? null));

export function mergeRows(input: MergeInput): TableMerge[] {
  const describe = input.describeRow ?? ((t, i) => `row ${i + 1} of ${t}`);
  const idMaps = new Map<string, Map<string, string>>();
  const out: TableMerge[] = [];
  for (const shape of input.shapes) {
    const rows = input.incoming[shape.name] ?? [];
    const pk = remappedKey(shape);
    const idMap = new Map<string, string>();
    idMaps.set(shape.name, idMap);
    const identity = identityColumns(shape, pk);
    const content = contentColumns(shape, pk);
    const known = new Map<string, Row>();
    for (const row of input.existing[shape.name] ?? []) known.set(keyOf(row, identity), row);
    const merge: TableMerge = { table: shape.name, insert: [], present: 0, conflicts: [] };

    rows.forEach((original, index) => {
      const row: Row = { ...original };
      delete row[OWNER];
      for (const fk of shape.foreignKeys) {
        if (fk.column === OWNER) continue;
        const map = idMaps.get(fk.refTable);
        const old = row[fk.column];
        if (!map || old === null || old === undefined) continue;
        const mapped = map.get(String(old));
        if (mapped === undefined) {
          throw new ValidationError(
            `tables.${shape.name}[${index}].${fk.column}`,
            `${describe(shape.name, index)}: ${fk.column} refers to a ${fk.refTable} row that is not in the file`,
          );
        }
        row[fk.column] = mapped;
      }
      const key = keyOf(row, identity);
      const match = known.get(key);
      const oldId = pk ? row[pk] : undefined;
      if (match) {
        if (pk && oldId !== null && oldId !== undefined) idMap.set(String(oldId), String(match[pk]));
        if (keyOf(match, content) === keyOf(row, content)) merge.present += 1;
        else
          merge.conflicts.push({
            index,
            reason: `${describe(shape.name, index)}: you already have a different entry for this (${identity
              .map((c) => `${c} ${row[c]}`)
              .join(', ')}); yours is kept`,
          });
        return;
      }
      if (pk) {
        const fresh = input.newId();
        if (oldId !== null && oldId !== undefined) idMap.set(String(oldId), fresh);
        row[pk] = fresh;
      }
      known.set(key, row);
      merge.insert.push(row);
    });
    out.push(merge);
  }
  return out;
}
