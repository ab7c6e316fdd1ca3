/**
 * fast-check generators for request fuzzing: generic JSON values, and mutations of a route's valid
 * sample (a field dropped, a wrong type, an out-of-range number, a huge string, an extra field, an
 * impossible or extreme date), for bodies, query strings, path params and raw uploads; and raw JSON
 * text that no JavaScript value stringifies to — nesting thousands deep, numbers that parse to
 * Infinity, tokens and keys hundreds of kilobytes long (issue 15 found a 500 with the first).
 * A string body is sent as it is (test/support/api.ts), so raw text travels as a string.
 *
 * @example fc.sample(bodyFor({ mood: 7 }), 3)
 */
import fc from 'fast-check';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

const BAD_DATES = [
  '2026-02-30',
  '2026-13-01',
  '0000-00-00',
  '2026-3-1',
  '99999-01-01',
  '2026-02-29T25:00',
  '',
  // Real calendar dates and instants outside any diary's range (stored as "1-01-01" once).
  '0000-01-01',
  '1899-12-31',
  '2101-01-01',
  '9999-12-31',
  '-000001-01-01',
  '+275760-09-13',
  '0000-01-01T00:00:00Z',
  '1899-12-31T23:59:59Z',
  '9999-12-31T23:59:59Z',
  '+275760-09-13T00:00:00.000Z',
  '2026-03-11T03:30:00',
];
const deep = (depth: number, open: string, close: string, inner = '1') =>
  `${open.repeat(depth)}${inner}${close.repeat(depth)}`;

const BAD_NUMBERS = [-1, 0, 0.5, -0.000001, 11, 1e9, -1e9, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2];

/** Values of any JSON type, biased toward those that break validators. */
export const nasty: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    ...BAD_DATES,
    ...BAD_NUMBERS,
    null,
    true,
    false,
    '',
    ' ',
    '\u0000',
    '../../etc/passwd',
  ),
  fc.string({ maxLength: 40 }),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.nat({ max: 200_000 }).map((n) => 'x'.repeat(n)),
  fc.jsonValue({ maxDepth: 3 }) as fc.Arbitrary<Json>,
  // A value nested deeper than any body needs.
  fc.constantFrom(40, 200).map((d) => JSON.parse(deep(d, '[', ']')) as Json),
);

type Path = (string | number)[];

function pathsOf(value: Json, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (Array.isArray(value)) {
    for (const [i, v] of value.entries()) out.push(...pathsOf(v, [...at, i]));
  } else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]));
  return out;
}

function getAt(value: Json, path: Path): Json {
  return path.reduce<Json>((v, k) => (v as Record<string | number, Json>)[k] as Json, value);
}

/** A copy of `value` with the thing at `path` replaced (or removed when `next` is undefined). */
function setAt(value: Json, path: Path, next: Json | undefined): Json {
  if (path.length === 0) return next === undefined ? null : next;
  const copy: Json = structuredClone(value);
  const parent = getAt(copy, path.slice(0, -1)) as Record<string | number, Json> | Json[];
  const key = path[path.length - 1] as string | number;
  if (next === undefined) {
    if (Array.isArray(parent)) parent.splice(key as number, 1);
    else delete parent[key];
  } else (parent as Record<string | number, Json>)[key] = next;
  return copy;
}

type Mutation = { at: number; kind: string; value: Json; key: string };

function applyMutation(value: Json, m: Mutation): Json {
  const paths = pathsOf(value);
  const path = paths[m.at % paths.length] as Path;
  const here = getAt(value, path);
  switch (m.kind) {
    case 'drop':
      return setAt(value, path, undefined);
    case 'extra':
      return here && typeof here === 'object' && !Array.isArray(here)
        ? setAt(value, path, { ...here, [m.key]: m.value })
        : setAt(value, path, m.value);
    case 'outOfRange':
      return setAt(value, path, typeof here === 'number' ? here * 1e6 + 1 : m.value);
    case 'huge':
      return setAt(
        value,
        path,
        typeof here === 'string' ? `${here.slice(0, 50)}y`.repeat(2000) : 'y'.repeat(100_000),
      );
    case 'date':
      return setAt(value, path, BAD_DATES[m.at % BAD_DATES.length] as string);
    case 'wrongType':
      return setAt(
        value,
        path,
        typeof here === 'string' ? 42 : typeof here === 'number' ? String(here) : 'text',
      );
    default:
      return setAt(value, path, m.value);
  }
}

const mutation: fc.Arbitrary<Mutation> = fc.record({
  at: fc.nat(),
  kind: fc.constantFrom('drop', 'extra', 'outOfRange', 'huge', 'date', 'wrongType', 'replace'),
  value: nasty,
  key: fc.oneof(
    fc.constantFrom('userId', 'id', 'role', 'createdAt', '__proto__', 'constructor'),
    fc.string(),
  ),
});

/** One to three mutations of `valid`. */
export function mutationsOf(valid: Json): fc.Arbitrary<Json> {
  return fc.array(mutation, { minLength: 1, maxLength: 3 }).map((ms) => ms.reduce(applyMutation, valid));
}

/** JSON tokens no JavaScript value stringifies to, or far larger than any field needs. */
const RAW_TOKENS: fc.Arbitrary<string> = fc.oneof(
  // Numbers that parse to ±Infinity, to 0, or are not JSON at all.
  fc.constantFrom('1e400', '-1e400', `1${'0'.repeat(400)}`, '1e-400', '-0', 'NaN', 'Infinity', '-Infinity'),
  // Huge tokens: a 200,000-digit number, a 300,000-character string.
  fc.constantFrom(`9${'9'.repeat(200_000)}`, `"${'z'.repeat(300_000)}"`),
  // Nesting thousands deep, as arrays or objects.
  fc
    .constantFrom(33, 1000, 5000, 100_000)
    .chain((d) => fc.constantFrom(deep(d, '[', ']'), deep(d, '{"a":', '}'))),
);

const PLACEHOLDER = '@@raw-token@@';

/** Raw JSON text: the valid body with one value replaced by a raw token, a huge key, or a whole deep document. */
export function rawTextFor(valid: Json): fc.Arbitrary<string> {
  const paths = pathsOf(valid);
  const replaced = fc
    .record({ at: fc.nat(), token: RAW_TOKENS })
    .map(({ at, token }) =>
      JSON.stringify(setAt(valid, paths[at % paths.length] as Path, PLACEHOLDER)).replace(
        `"${PLACEHOLDER}"`,
        token,
      ),
    );
  const hugeKey = fc
    .nat({ max: 300_000 })
    .map((n) =>
      valid && typeof valid === 'object' && !Array.isArray(valid)
        ? JSON.stringify({ ...valid, ['k'.repeat(n)]: 1 })
        : JSON.stringify({ ['k'.repeat(n)]: valid }),
    );
  const whole = fc.constantFrom(deep(5000, '[', ']', ''), deep(5000, '{"a":', '}', '{}'), '1e400', '[1e400]');
  return fc.oneof(replaced, hugeKey, whole);
}

/** Bodies for a route whose valid body is `valid` (undefined: the route takes none). */
export function bodyFor(valid: unknown): fc.Arbitrary<Json | undefined> {
  const generic = fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>;
  if (valid === undefined) return fc.oneof(fc.constant(undefined), generic);
  // The valid body now and then, so the accepted path runs with the other parts (query, params) fuzzed.
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(valid as Json) },
    { weight: 2, arbitrary: generic },
    { weight: 6, arbitrary: mutationsOf(valid as Json) },
    { weight: 2, arbitrary: rawTextFor(valid as Json) },
  );
}

const queryValue: fc.Arbitrary<string> = nasty.map((v) => (typeof v === 'string' ? v : JSON.stringify(v)));

/** Query strings: the valid one mutated (keys dropped, values replaced, keys added), or made up. */
export function queryFor(valid: Record<string, string>): fc.Arbitrary<Record<string, string>> {
  const keys = Object.keys(valid);
  const anyKey = fc.oneof(
    fc.constantFrom(...keys, 'limit', 'from', 'to', 'date', 'q'),
    fc.string({ maxLength: 20 }),
  );
  return fc.oneof(
    fc.dictionary(anyKey, queryValue, { maxKeys: 4 }),
    fc
      .record({ drop: fc.subarray(keys), change: fc.dictionary(anyKey, queryValue, { maxKeys: 3 }) })
      .map(({ drop, change }) => {
        const q: Record<string, string> = { ...valid, ...change };
        for (const k of drop) delete q[k];
        return q;
      }),
  );
}

/** Path params: mostly the valid ones (so the body is what gets tested), sometimes garbage. */
export function paramsFor(valid: Record<string, string>): fc.Arbitrary<Record<string, string>> {
  const names = Object.keys(valid);
  if (names.length === 0) return fc.constant(valid);
  return fc.oneof(
    { weight: 5, arbitrary: fc.constant(valid) },
    {
      weight: 1,
      arbitrary: fc
        .record({
          name: fc.constantFrom(...names),
          value: fc.oneof(fc.string({ minLength: 1, maxLength: 120 }), queryValue),
        })
        .map(({ name, value }) => ({ ...valid, [name]: value || 'x' })),
    },
  );
}

/** Raw uploads: the valid file cut short or with bytes changed, random bytes or text, or JSON. */
export function rawFor(valid: { type: string; payload: string | Buffer }) {
  const bytes = Buffer.from(valid.payload);
  return fc.oneof(
    fc.nat({ max: bytes.length }).map((n) => ({ type: valid.type, payload: bytes.subarray(0, n) })),
    fc
      .record({ at: fc.nat({ max: bytes.length - 1 }), b: fc.uint8Array({ minLength: 1, maxLength: 16 }) })
      .map(({ at, b }) => {
        const copy = Buffer.from(bytes);
        copy.set(b.subarray(0, copy.length - at), at);
        return { type: valid.type, payload: copy };
      }),
    fc
      .uint8Array({ maxLength: 2000 })
      .map((b) => ({ type: 'application/octet-stream', payload: Buffer.from(b) })),
    fc.string({ maxLength: 500 }).map((s) => ({ type: 'text/plain', payload: s })),
    (fc.jsonValue({ maxDepth: 4 }) as fc.Arbitrary<Json>).map((j) => ({
      type: 'application/json',
      payload: JSON.stringify(j),
    })),
  );
}
