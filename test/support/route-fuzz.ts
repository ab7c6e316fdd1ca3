/**
 * Fuzzing every registered route with fast-check: generic JSON and mutations of the route's valid
 * sample (test/support/route-samples.ts) as bodies, query strings, path params and raw uploads.
 * Every answer is below 500, every error has the one format `{ error: { code, message, field? } }`,
 * and a rejected request leaves the person's stored data exactly as it was.
 *
 * Runs per route on SQLite: 200 in `npm test`, and 1,000 in CI (`.ci/run` sets FUZZ_RUNS=1000);
 * the generators and checks are the same, only the number of cases differs. Fewer on PostgreSQL
 * (every rejected request is checked against a full snapshot there, which costs ~25 queries).
 * Routes that hash or verify a password with argon2 (register, login, password change, account
 * deletion) get a tenth of the SQLite runs: each valid-looking attempt costs milliseconds by design.
 *
 * The SQLite file runs with `synchronous = OFF`: this tests answers and what a rejected request
 * leaves stored, not durability (test/crash does that), and skipping the flush of every commit
 * makes each run cheaper. One file per engine (route-fuzz.*.test.ts), so the two can run at once.
 *
 * @example fuzzEveryRoute('sqlite');
 */
import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_AUTH_THROTTLE } from '../../src/core/auth/throttle.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Engine, Store } from '../../src/store/open.ts';
import type { TestClient } from './api.ts';
import { openTestStore } from './db.ts';
import { bodyFor, paramsFor, queryFor, rawFor } from './fuzz-inputs.ts';
import {
  type Alice,
  type Clinicians,
  expectErrorBody,
  fillUrl,
  makeClinicians,
  NOW,
  ROUTES,
  registeredRoutes,
  requestFor,
  seedAlice,
  send,
  specOf,
} from './route-samples.ts';
import { personSnapshot } from './snapshot.ts';

const SQLITE_RUNS = Number(process.env.FUZZ_RUNS ?? 200);
const RUNS = {
  sqlite: SQLITE_RUNS,
  postgres: Number(process.env.FUZZ_RUNS_PG ?? 25),
  argon2: { sqlite: Math.max(20, Math.round(SQLITE_RUNS / 10)), postgres: 5 },
};

const methodOf = (key: string) => key.slice(0, key.indexOf(' '));
// Deletions last, so that every other route is fuzzed with Alice's things in place.
const ROUTE_KEYS = (await registeredRoutes())
  .filter((k) => ROUTES[k])
  .sort((a, b) => Number(methodOf(a) === 'DELETE') - Number(methodOf(b) === 'DELETE'));

/** One describe block fuzzing every route on `engine`. */
export function fuzzEveryRoute(engine: Engine): void {
  describe(`fuzzing every route on ${engine}`, () => {
    let store: Store;
    let app: FastifyInstance;
    let clinicians: Clinicians;
    let seeded = 0;

    beforeAll(async () => {
      store = await openTestStore(engine);
      if (engine === 'sqlite') await sql`pragma synchronous = off`.execute(store.db);
      // A fresh Alice per route means some 200 registrations from one address at one fixed instant;
      // registration throttling itself is tested in auth-throttle.test.ts.
      app = await buildApp({
        store,
        now: () => NOW,
        authThrottle: { registration: { ...DEFAULT_AUTH_THROTTLE.registration, free: 100_000 } },
      });
      clinicians = await makeClinicians(app, `fuzz-${engine}`);
    }, 120_000);
    afterAll(async () => {
      await app.close();
      await store.close();
    });

    /** Rows changed on SQLite's one connection so far (counts rolled-back changes too: a hint, not proof). */
    const changes = async () =>
      engine === 'sqlite'
        ? Number((await sql<{ n: number }>`select total_changes() as n`.execute(store.db)).rows[0]?.n)
        : -1;

    it('covers every registered route', () => {
      expect(ROUTE_KEYS.length).toBeGreaterThan(100);
    });

    it.each(ROUTE_KEYS)('%s', async (key) => {
      const spec = specOf(key);
      const method = methodOf(key);
      const pattern = key.slice(key.indexOf(' ') + 1);
      // A fresh Alice with one of everything for each route: what one route deletes cannot hide another's bugs.
      seeded += 1;
      const alice: Alice = await seedAlice(app, clinicians, `fuzz-${engine}-${seeded}`);
      const actor: TestClient | undefined = spec.public
        ? undefined
        : key.includes('/api/clinician/')
          ? clinicians.granted
          : alice.client;
      const valid = requestFor(key, alice);
      const numRuns = spec.argon2 ? RUNS.argon2[engine] : RUNS[engine];

      let before = await personSnapshot(store, alice.personId);
      let changed = await changes();
      const statuses = new Map<number, number>();

      const input = fc.record({
        params: paramsFor(spec.params?.(alice) ?? {}),
        query: spec.query ? queryFor(spec.query(alice)) : fc.oneof(fc.constant({}), queryFor({})),
        body: method === 'GET' ? fc.constant(undefined) : bodyFor(valid.body),
        raw: valid.raw ? rawFor(valid.raw) : fc.constant(undefined),
      });

      await fc.assert(
        fc.asyncProperty(input, async ({ params, query, body, raw }) => {
          const url = fillUrl(pattern, params, query);
          const res = await send(app, actor, method, raw ? { url, raw } : { url, body });
          statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
          const what = `${key} ${url.slice(0, 200)}: ${res.statusCode} ${res.body.slice(0, 300)}`;
          expect(res.statusCode, what).toBeLessThan(500);
          if (res.statusCode >= 400) expectErrorBody(res, what);
          const now = await changes();
          if (res.statusCode >= 400) {
            // On SQLite the change counter says when a full comparison is needed at all.
            if (engine !== 'sqlite' || now !== changed) {
              expect(await personSnapshot(store, alice.personId), `${what} changed stored data`).toEqual(
                before,
              );
            }
          } else if (engine !== 'sqlite' || now !== changed) {
            before = await personSnapshot(store, alice.personId);
          }
          changed = now;
        }),
        { numRuns },
      );
      if (process.env.FUZZ_VERBOSE) console.log(`${engine} ${key}`, JSON.stringify([...statuses].sort()));
      expect([...statuses.values()].reduce((a, b) => a + b, 0)).toBe(numRuns);
      // Where there is input to check, the generated requests reached the checks (some were refused).
      // (Only asserted from 100 runs up: a few runs may all keep the valid params, one in six changes them.)
      if (numRuns >= 100 && (valid.body !== undefined || valid.raw || spec.query || spec.params)) {
        const refused = [...statuses].filter(([s]) => s >= 400 && s < 500).reduce((n, [, c]) => n + c, 0);
        expect(refused, JSON.stringify([...statuses])).toBeGreaterThan(0);
      }
    });
  });
}
