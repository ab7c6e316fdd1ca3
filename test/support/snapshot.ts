/**
 * Everything a person owns, as sorted JSON per table, so a test can prove a request changed nothing.
 * Sessions are left out: reading with a session moves its last-seen time, which is not the person's data.
 *
 * @example const before = await personSnapshot(store, id); …; expect(await personSnapshot(store, id)).toEqual(before);
 */
import type { Kysely } from 'kysely';
import type { Store } from '../../src/store/open.ts';
import { describeSchema, personTables } from '../../src/store/schema-walk.ts';

type Loose = Kysely<Record<string, Record<string, unknown>>>;
const VOLATILE = new Set(['session']);

let tablesCache: WeakMap<Store, string[]> = new WeakMap();

async function tablesOf(store: Store): Promise<string[]> {
  let t = tablesCache.get(store);
  if (!t) {
    t = personTables(await describeSchema(store))
      .map((x) => x.name)
      .filter((n) => !VOLATILE.has(n));
    tablesCache.set(store, t);
  }
  return t;
}

/** Resets the cached table list (after a migration adds tables). */
export function forgetTables(): void {
  tablesCache = new WeakMap();
}

export async function personSnapshot(store: Store, personId: string): Promise<Record<string, string[]>> {
  const db = store.db as unknown as Loose;
  const out: Record<string, string[]> = {};
  const person = await db.selectFrom('person').selectAll().where('id', '=', personId).execute();
  out.person = person.map((r) => JSON.stringify(r));
  for (const t of await tablesOf(store)) {
    const rows = await db.selectFrom(t).selectAll().where('person_id', '=', personId).execute();
    out[t] = rows.map((r) => JSON.stringify(r)).sort();
  }
  return out;
}
