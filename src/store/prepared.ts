/**
 * Queries built once and then only filled in. Kysely builds a query's tree and compiles its SQL on
 * every call; for the few queries that every check-in save and History read runs, that was about a
 * tenth of the server's own (non-SQLite) CPU in bench:load's profile. `prepared` builds such a query
 * once per engine and per shape of its arguments, with stand-ins where the values go, keeps the SQL
 * and where each value lands among its parameters, and afterwards only puts the new values in.
 *
 * The builder's rule: it may look at its arguments only to see which are `undefined` and how long
 * the arrays are — that is the shape — and never at a value (`null`, `0` and `''` are values like
 * any other); and every value it puts in the query must come from its arguments (no `randomUUID()`
 * or `new Date()` inside: they would be kept from the first call). `prepared` checks that each
 * stand-in reached the parameters and none the SQL text, and throws otherwise.
 *
 * @example
 * const byId = prepared((db, a: { id: string }) => db.selectFrom('person').selectAll().where('id', '=', a.id));
 * const [row] = (await byId(db, { id })).rows;
 */
import { type Compilable, CompiledQuery, type Kysely, type QueryResult } from 'kysely';
import type { Database } from './schema.ts';

const MARK = '\u0000gutbrain-value:';

interface Plan {
  sql: string;
  /** Per parameter: the index of the argument value that goes there, or the builder's own constant. */
  slots: ({ value: number } | { constant: unknown })[];
}

/**
 * Walks `args` in a fixed order: appends its values to `values` (or, with `standIns`, replaces
 * them by stand-ins) and returns its shape, in which `undefined` is spelled out.
 */
function walk(x: unknown, values: unknown[], standIns: boolean): { shape: string; copy: unknown } {
  if (Array.isArray(x)) {
    const parts = x.map((v) => walk(v, values, standIns));
    return { shape: `[${parts.map((p) => p.shape).join(',')}]`, copy: parts.map((p) => p.copy) };
  }
  if (x !== null && typeof x === 'object' && Object.getPrototypeOf(x) === Object.prototype) {
    const copy: Record<string, unknown> = {};
    let shape = '{';
    for (const [k, v] of Object.entries(x)) {
      const part = walk(v, values, standIns);
      copy[k] = part.copy;
      shape += `${JSON.stringify(k)}:${part.shape},`;
    }
    return { shape: `${shape}}`, copy };
  }
  if (x === undefined) return { shape: 'u', copy: x };
  const copy = standIns ? `${MARK}${values.length}` : x;
  values.push(x);
  return { shape: '$', copy };
}

function planOf(compiled: CompiledQuery, count: number): Plan {
  const reached = new Set<number>();
  const slots = compiled.parameters.map((p) => {
    if (typeof p === 'string' && p.startsWith(MARK)) {
      const value = Number(p.slice(MARK.length));
      reached.add(value);
      return { value };
    }
    return { constant: p };
  });
  if (compiled.sql.includes(MARK) || reached.size !== count) {
    throw new Error(
      `prepared query: the builder used a value other than as a parameter (${reached.size} of ${count} reached): ${compiled.sql}`,
    );
  }
  return { sql: compiled.sql, slots };
}

export function prepared<A, R>(
  build: (db: Kysely<Database>, args: A) => Compilable<R>,
): (db: Kysely<Database>, args: A) => Promise<QueryResult<R>> {
  // Per engine (one adapter object per Kysely instance; its transactions share it), per shape.
  const plans = new WeakMap<object, Map<string, Plan>>();
  return async (db, args) => {
    const values: unknown[] = [];
    const { shape } = walk(args, values, false);
    const adapter = db.getExecutor().adapter;
    let byShape = plans.get(adapter);
    if (!byShape) {
      byShape = new Map();
      plans.set(adapter, byShape);
    }
    let plan = byShape.get(shape);
    if (!plan) {
      const standIn = walk(args, [], true).copy as A;
      plan = planOf(build(db, standIn).compile(), values.length);
      // Shapes are few (which arguments are left out, array lengths up to a day's measures); the
      // bound only guards against a misuse.
      if (byShape.size >= 500) byShape.clear();
      byShape.set(shape, plan);
    }
    const parameters = plan.slots.map((s) => ('value' in s ? values[s.value] : s.constant));
    return db.executeQuery(CompiledQuery.raw(plan.sql, parameters) as CompiledQuery<R>);
  };
}
