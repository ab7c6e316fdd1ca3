/**
 * Test helpers for data ownership: fill every person table (found by walking the live schema) with
 * rows for one person, and put an export document into a form where two exports can be compared
 * apart from ids.
 *
 * @example await fillEveryPersonTable(store, personId); const n = await rowsOwnedBy(store, personId);
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ExportDocument, Row } from '../../src/core/export/document.ts';
import { remappedKey } from '../../src/core/import/merge.ts';
import type { Store } from '../../src/store/open.ts';
import { describeSchema, parentsFirst, personTables, type TableInfo } from '../../src/store/schema-walk.ts';

type Loose = Kysely<Record<string, Record<string, string | number | null>>>;

/** Inserts `perTable` made-up rows into every person table; returns the tables filled. */
export async function fillEveryPersonTable(store: Store, personId: string, perTable = 2): Promise<string[]> {
  const db = store.db as unknown as Loose;
  const all = await describeSchema(store);
  const tables = parentsFirst(personTables(all));
  const mine = new Set(tables.map((t) => t.name));
  const ids = new Map<string, string[]>();
  const filled: string[] = [];
  for (const t of tables) {
    const rows: Row[] = [];
    // A table keyed on person_id alone holds one row per person.
    const onePerPerson = [t.primaryKey, ...t.uniques].some(
      (k) => k.length > 0 && k.every((c) => c === 'person_id'),
    );
    for (let i = 0; i < (onePerPerson ? 1 : perTable); i++)
      rows.push(await madeUpRow(db, t, personId, i, ids, mine, all));
    await db.insertInto(t.name).values(rows).execute();
    const pk = remappedKey(t);
    if (pk)
      ids.set(
        t.name,
        rows.map((r) => String(r[pk])),
      );
    filled.push(t.name);
  }
  return filled;
}

async function madeUpRow(
  db: Loose,
  t: TableInfo,
  personId: string,
  i: number,
  ids: Map<string, string[]>,
  mine: Set<string>,
  all: readonly TableInfo[],
): Promise<Row> {
  const row: Row = {};
  for (const c of t.columns) {
    const fk = t.foreignKeys.find((f) => f.column === c.name);
    if (c.name === 'person_id') row[c.name] = personId;
    else if (fk && mine.has(fk.refTable)) row[c.name] = ids.get(fk.refTable)?.[i] ?? null;
    else if (fk) {
      const ref = await db.selectFrom(fk.refTable).select(fk.refColumn).limit(1).executeTakeFirst();
      row[c.name] = ref ? (ref[fk.refColumn] ?? null) : null;
      // A required parent that is no one's own (a clinic) and has no row yet: make one up.
      const parent = all.find((x) => x.name === fk.refTable);
      if (!ref && !c.nullable && parent) {
        const made = await madeUpRow(db, parent, personId, 0, ids, mine, all);
        await db.insertInto(parent.name).values(made).execute();
        row[c.name] = made[fk.refColumn] ?? null;
      }
    } else if (t.primaryKey.length === 1 && t.primaryKey[0] === c.name && c.type === 'text')
      row[c.name] = randomUUID();
    // A column unique on its own across everyone (a push endpoint) must differ between people.
    else if (c.type === 'text' && t.uniques.some((u) => u.length === 1 && u[0] === c.name))
      row[c.name] = `${t.name} ${c.name} ${randomUUID()}`;
    else if (c.type === 'integer') row[c.name] = i;
    else if (c.type === 'real') row[c.name] = i + 0.5;
    else if (c.name === 'date' || c.name.endsWith('_date'))
      row[c.name] = `2026-02-${String(10 + i).padStart(2, '0')}`;
    else if (c.name.endsWith('_at')) row[c.name] = `2026-02-${String(10 + i).padStart(2, '0')}T08:00:00.000Z`;
    else row[c.name] = `${t.name} ${c.name} ${i}`;
  }
  return row;
}

/** How many rows of each person table belong to `personId` (every table with person_id). */
export async function rowsOwnedBy(store: Store, personId: string): Promise<Record<string, number>> {
  const db = store.db as unknown as Loose;
  const out: Record<string, number> = {};
  for (const t of personTables(await describeSchema(store))) {
    const r = await db
      .selectFrom(t.name)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('person_id', '=', personId)
      .executeTakeFirstOrThrow();
    out[t.name] = Number(r.n);
  }
  return out;
}

/**
 * An export with every id replaced by a label that depends only on the row's content (and its
 * parents' labels), rows sorted: two exports of the same data in different accounts compare equal.
 */
export async function normaliseExport(
  store: Store,
  doc: ExportDocument,
  omit: string[] = [],
): Promise<Record<string, string[]>> {
  const tables = parentsFirst(personTables(await describeSchema(store)));
  const labels = new Map<string, Map<string, string>>();
  const out: Record<string, string[]> = {};
  for (const t of tables) {
    const rows = doc.tables[t.name];
    if (!rows || omit.includes(t.name)) continue;
    const pk = remappedKey(t);
    const signed = rows.map((r) => {
      const copy: Row = { ...r };
      if (pk) delete copy[pk];
      for (const fk of t.foreignKeys) {
        const map = labels.get(fk.refTable);
        const v = copy[fk.column];
        if (map && v !== null && v !== undefined) copy[fk.column] = map.get(String(v)) ?? `dangling:${v}`;
      }
      return {
        id: pk ? String(r[pk]) : '',
        sig: JSON.stringify(Object.entries(copy).sort(([a], [b]) => a.localeCompare(b))),
      };
    });
    signed.sort((a, b) => a.sig.localeCompare(b.sig));
    const map = new Map<string, string>();
    for (const [i, s] of signed.entries()) map.set(s.id, `${t.name}#${i}`);
    labels.set(t.name, map);
    out[t.name] = signed.map((s) => s.sig);
  }
  return out;
}
