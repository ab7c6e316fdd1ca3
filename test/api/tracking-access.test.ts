/**
 * Every food, habit, measure and program route, tried as nobody (401), as another person (404 for
 * anything that names a thing) and with a malformed id (400 naming it).
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
// [method, route as registered, body]; ids are filled in from Ann's own things.
const ROUTES: [Method, string, unknown?][] = [
  ['GET', '/api/foods'],
  ['GET', '/api/foods/recent'],
  ['GET', '/api/foods/custom'],
  ['POST', '/api/foods/custom', { name: 'Soup' }],
  ['DELETE', '/api/foods/custom/:foodId'],
  ['GET', '/api/foods/:foodId'],
  ['PUT', '/api/foods/:foodId/favourite', { favourite: true }],
  ['POST', '/api/food-entries', { foodId: 'apple', meal: 'lunch', servings: 1 }],
  ['PATCH', '/api/food-entries/:id', { servings: 2 }],
  ['DELETE', '/api/food-entries/:id'],
  ['GET', '/api/food-days/:date'],
  ['GET', '/api/habits/:date'],
  ['PUT', '/api/habits/:date', { laughter: true }],
  ['DELETE', '/api/habits/:date'],
  ['GET', '/api/measures'],
  ['GET', '/api/measures/custom'],
  ['POST', '/api/measures/custom', { name: 'Calm', kind: 'scale' }],
  ['DELETE', '/api/measures/custom/:id'],
  ['GET', '/api/measures/custom/:id/values'],
  ['PUT', '/api/measures/custom/:id/values/:date', { value: 5 }],
  ['DELETE', '/api/measures/custom/:id/values/:date'],
  ['GET', '/api/programs'],
  ['GET', '/api/programs/:programId'],
  ['GET', '/api/enrolments'],
  ['GET', '/api/enrolments/today'],
  ['POST', '/api/enrolments', { programId: 'gut_brain_30_day' }],
  ['GET', '/api/enrolments/:id'],
  ['POST', '/api/enrolments/:id/pause'],
  ['POST', '/api/enrolments/:id/resume'],
  ['POST', '/api/enrolments/:id/leave'],
  ['POST', '/api/enrolments/:id/restart'],
  ['PUT', '/api/enrolments/:id/ticks', { date: '2026-03-04', goalId: 'reflection', ticked: true }],
  ['PUT', '/api/enrolments/:id/choices', { goalId: 'fasting_window', choice: 'skipped' }],
];

describe.each(testEngines())('access to tracking routes on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let ann: TestClient;
  let ben: TestClient;
  const ids: Record<string, Record<string, string>> = {};
  const now = new Date('2026-03-04T12:00:00Z');

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => now });
    ann = await registerClient(app);
    ben = await registerClient(app);
    const food = (await ann.post('/api/foods/custom', { name: 'Ann’s soup' })).json().food.id;
    const entry = (
      await ann.post('/api/food-entries', { foodId: 'apple', meal: 'lunch', servings: 1 })
    ).json().id;
    const measure = (await ann.post('/api/measures/custom', { name: 'Calm', kind: 'scale' })).json().measure
      .id;
    await ann.put(`/api/measures/custom/${measure}/values/2026-03-04`, { value: 6 });
    const enrolment = (await ann.post('/api/enrolments', { programId: 'gut_brain_30_day' })).json().enrolment
      .id;
    ids.food = { foodId: encodeURIComponent(food) };
    ids.entry = { id: entry };
    ids.measure = { id: measure, date: '2026-03-04' };
    ids.enrolment = { id: enrolment };
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const fill = (route: string) => {
    const group = route.startsWith('/api/food-entries')
      ? ids.entry
      : route.startsWith('/api/measures')
        ? ids.measure
        : route.startsWith('/api/enrolments')
          ? ids.enrolment
          : ids.food;
    return route
      .replace(':foodId', group?.foodId ?? 'kefir')
      .replace(':programId', 'gut_brain_30_day')
      .replace(':date', '2026-03-04')
      .replace(':id', group?.id ?? '');
  };

  it('every route in the table exists', () => {
    for (const [method, url] of ROUTES) expect(app.hasRoute({ method, url }), `${method} ${url}`).toBe(true);
  });

  it.each(ROUTES)('%s %s answers 401 to nobody', async (method, route, body) => {
    const res = await client(app).request(method, fill(route), body ?? (method === 'GET' ? undefined : {}));
    expect(res.statusCode).toBe(401);
  });

  it.each(ROUTES.filter(([, r]) => /:(id|foodId)\b/.test(r)))(
    '%s %s answers 404 to another person and changes nothing',
    async (method, route, body) => {
      const before = await store.db.selectFrom('observation').selectAll().orderBy('id').execute();
      const res = await ben.request(method, fill(route), body);
      expect(res.statusCode).toBe(404);
      expect(res.body).not.toContain('Ann');
      expect(await store.db.selectFrom('observation').selectAll().orderBy('id').execute()).toEqual(before);
    },
  );

  it.each(ROUTES.filter(([, r]) => r.includes(':id')))(
    '%s %s answers 400 to a malformed id',
    async (method, route, body) => {
      const res = await ann.request(
        method,
        route.replace(':id', 'not-an-id').replace(':date', '2026-03-04'),
        body,
      );
      expect(res.statusCode).toBe(400);
      expect(res.json().error.field).toBe('id');
    },
  );
});
