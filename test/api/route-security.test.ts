/**
 * Generated from the registered routes (the contract's `app.endpoints` and Fastify's `app.routeTable`,
 * test/support/route-samples.ts `routeCatalogue`): every registered route is tried as nobody, as another person
 * (Bob) with Alice's ids, as a clinician Alice never shared with, with malformed ids, and with
 * mass-assignment fields; then as Alice herself, to prove the ids in the table are real. A route
 * missing from test/support/route-samples.ts fails the first test.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';
import {
  type Alice,
  accessMismatches,
  type Clinicians,
  expectErrorBody,
  expectNothingOfAlice,
  fillUrl,
  MARKER,
  makeClinicians,
  NOW,
  ROUTES,
  type RouteRequest,
  requestFor,
  routeCatalogue,
  seedAlice,
  send,
  specOf,
} from '../support/route-samples.ts';
import { personSnapshot } from '../support/snapshot.ts';

const CATALOGUE = await routeCatalogue();
const REGISTERED = [...CATALOGUE.keys()];
const known = REGISTERED.filter((k) => ROUTES[k]);
const guarded = known.filter((k) => !ROUTES[k]?.public);
const withParams = known.filter((k) => k.includes('/:'));
const withJsonBody = guarded.filter((k) => !/^GET /.test(k) && specOf(k).body && !specOf(k).raw);
const methodOf = (key: string) => key.slice(0, key.indexOf(' '));
/** Someone else's request carries Alice's ids but not her words (they would come back in an echo). */
const withoutMarker = (req: RouteRequest): RouteRequest => {
  // An uploaded text file (a wearable export) names Alice's watch: Bob's copy names his own.
  const raw =
    typeof req.raw?.payload === 'string'
      ? { ...req.raw, payload: req.raw.payload.replaceAll(MARKER, 'theirs') }
      : req.raw;
  return req.body === undefined
    ? { ...req, raw }
    : { ...req, raw, body: JSON.parse(JSON.stringify(req.body).replaceAll(MARKER, 'theirs')) };
};
const isClinicianRoute = (key: string) => key.includes('/api/clinician/');

describe('the samples agree with the contract on who may call', () => {
  it('marks a sample public exactly where the contract lets anyone call the route', () => {
    expect(accessMismatches(CATALOGUE)).toEqual([]);
  });

  it('catches a sample marked public on a route that needs a login, and the reverse', () => {
    const [open] = known.filter((k) => ROUTES[k]?.public);
    const [closed] = guarded;
    const wrong = new Map([
      [open as string, 'person' as const],
      [closed as string, 'public' as const],
    ]);
    expect(accessMismatches(wrong)).toHaveLength(2);
  });
});

describe.each(testEngines())('every route on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let alice: Alice;
  let bob: TestClient;
  let clinicians: Clinicians;

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => NOW });
    clinicians = await makeClinicians(app, engine);
    alice = await seedAlice(app, clinicians, engine);
    bob = await registerClient(app, { displayName: 'Bob' });
  }, 120_000);
  /** Who may use the route on Alice's things: Alice, or for clinician routes the clinician she shares with. */
  const ownActor = (key: string) => (isClinicianRoute(key) ? clinicians.granted : alice.client);
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('the table names every registered /api route, and no route that is gone', () => {
    expect(REGISTERED.length).toBeGreaterThan(100);
    const missing = REGISTERED.filter((k) => !ROUTES[k]);
    const gone = Object.keys(ROUTES).filter((k) => !REGISTERED.includes(k));
    expect(missing, 'add these to test/support/route-samples.ts').toEqual([]);
    expect(gone, 'remove these from test/support/route-samples.ts').toEqual([]);
  });

  it.each(guarded)('%s: nobody gets 401 and an error body only', async (key) => {
    const res = await send(app, undefined, methodOf(key), requestFor(key, alice));
    expect(res.statusCode, res.body).toBe(401);
    expectErrorBody(res, key);
    expectNothingOfAlice(res.body, alice, key);
  });

  it.each(known.filter((k) => ROUTES[k]?.public))('%s: public, answers nobody without a 5xx', async (key) => {
    const res = await send(app, undefined, methodOf(key), requestFor(key, alice));
    expect(res.statusCode, res.body).not.toBe(401);
    expect(res.statusCode, res.body).toBeLessThan(500);
  });

  it.each(guarded)(
    '%s: Bob and a clinician without a grant, with Alice’s ids, get none of her data',
    async (key) => {
      const before = await personSnapshot(store, alice.personId);
      const spec = specOf(key);
      const actors: [string, TestClient][] = [
        ['Bob', bob],
        ['clinician without a grant', clinicians.stranger],
      ];
      for (const [who, actor] of actors) {
        // A clinician account stays one: its own role switch and account deletion are not the point here.
        if (who !== 'Bob' && (key === 'PUT /api/sharing/role' || key === 'DELETE /api/account')) continue;
        const res = await send(app, actor, methodOf(key), withoutMarker(requestFor(key, alice)));
        const what = `${key} as ${who}: ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect(res.statusCode, what).toBeLessThan(500);
        if (spec.owned) {
          // A non-clinician asking for a clinician's view is refused outright (403); anyone else: 404.
          const expected = isClinicianRoute(key) && who === 'Bob' ? 403 : 404;
          expect(res.statusCode, what).toBe(expected);
          expectErrorBody(res, what);
        } else if (methodOf(key) === 'GET' && !isClinicianRoute(key)) {
          // Their own list or day: an answer without Alice in it, or 404 for a thing they never made.
          expect([200, 404], what).toContain(res.statusCode);
        }
        expectNothingOfAlice(res.body, alice, what);
      }
      expect(await personSnapshot(store, alice.personId)).toEqual(before);
    },
  );

  it.each(withParams)('%s: a malformed id answers 400 or 404 with no data', async (key) => {
    const spec = specOf(key);
    const pattern = key.slice(key.indexOf(' ') + 1);
    const good = spec.params?.(alice) ?? {};
    const before = await personSnapshot(store, alice.personId);
    for (const name of Object.keys(good)) {
      for (const bad of [
        'not-an-id',
        '00000000-0000-4000-8000-00000000000z',
        "x' or '1'='1",
        'a'.repeat(300),
      ]) {
        const req = requestFor(key, alice);
        const url = fillUrl(pattern, { ...good, [name]: bad }, spec.query?.(alice));
        const res = await send(app, spec.public ? undefined : ownActor(key), methodOf(key), { ...req, url });
        const what = `${key} with :${name}=${bad.slice(0, 20)}: ${res.statusCode} ${res.body.slice(0, 200)}`;
        expect([400, 404, 414], what).toContain(res.statusCode);
        expectErrorBody(res, what);
        expectNothingOfAlice(res.body, alice, what);
      }
    }
    expect(await personSnapshot(store, alice.personId)).toEqual(before);
  });

  it.each(withJsonBody)(
    '%s: userId, personId, id, role and createdAt in the body change none of them',
    async (key) => {
      const req = requestFor(key, alice);
      if (typeof req.body !== 'object' || req.body === null || Array.isArray(req.body)) return;
      const bobBefore = await personSnapshot(store, bob.personId as string);
      const forged = '11111111-1111-4111-8111-111111111111';
      const body = {
        ...req.body,
        userId: bob.personId,
        personId: bob.personId,
        person_id: bob.personId,
        id: forged,
        role: 'clinician',
        createdAt: '2001-01-01T00:00:00.000Z',
      };
      const res = await send(app, alice.client, methodOf(key), { ...req, body });
      expect(res.statusCode, res.body).toBeLessThan(500);
      if (res.statusCode >= 400) expectErrorBody(res, key);
      expect(await personSnapshot(store, bob.personId as string)).toEqual(bobBefore);
      const mine = JSON.stringify(await personSnapshot(store, alice.personId));
      expect(mine).not.toContain(forged);
      expect(mine).not.toContain('2001-01-01');
      const person = await store.db
        .selectFrom('person')
        .selectAll()
        .where('id', '=', alice.personId)
        .executeTakeFirst();
      expect(person?.role).toBe('person');
    },
  );

  // Last: Alice's own requests work, which shows the ids above named real things. Deletions run
  // after everything else (children before parents), and the account itself goes last of all.
  it('Alice’s own request succeeds on every route in the table', async () => {
    const order = (k: string) => (k === 'DELETE /api/account' ? 2 : methodOf(k) === 'DELETE' ? 1 : 0);
    // Among deletions the longer path (a child, like a measure's value) goes before its parent.
    const keys = [...known].sort((a, b) => order(a) - order(b) || (order(a) === 1 ? b.length - a.length : 0));
    const failures: string[] = [];
    for (const key of keys) {
      if (key === 'POST /api/auth/register' || key === 'POST /api/auth/logout') continue;
      const res = await send(app, ownActor(key), methodOf(key), requestFor(key, alice));
      const own = specOf(key).own;
      if (own ? res.statusCode !== own : res.statusCode >= 300)
        failures.push(`${key}: ${res.statusCode} ${res.body.slice(0, 160)}`);
    }
    expect(failures, failures.join('\n')).toEqual([]);
    expect(
      await store.db.selectFrom('person').where('id', '=', alice.personId).selectAll().execute(),
    ).toEqual([]);
  });
});
