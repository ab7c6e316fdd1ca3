/**
 * The offline queue's server side: a food entry sent again with the same client id answers the
 * entry already made (200, same id, one row), also when both copies arrive at once; the id is
 * scoped to the person; a malformed id is a 400 naming the field.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

describe.each(testEngines())('offline writes are saved once on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let robin: TestClient;
  let sam: TestClient;
  const now = new Date('2026-03-11T12:00:00Z');

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => now });
    robin = await registerClient(app, { timeZone: 'UTC' });
    sam = await registerClient(app, { timeZone: 'UTC' });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const entriesOf = (personId: string | undefined) =>
    store.db
      .selectFrom('food_entry')
      .selectAll()
      .where('person_id', '=', personId ?? '')
      .execute();
  const fermentedServings = async (personId: string | undefined) =>
    (
      await store.db
        .selectFrom('observation')
        .select('value')
        .where('person_id', '=', personId ?? '')
        .where('date', '=', '2026-03-11')
        .where('measure', '=', 'fermented_servings')
        .executeTakeFirst()
    )?.value;

  it('a repeat answers the same entry with 200 and adds nothing', async () => {
    const body = {
      foodId: 'kefir',
      meal: 'breakfast',
      servings: 1,
      clientId: '4b0f7c1e-2a7d-4c55-9d3e-8f3a1c2b6d01',
    };
    const first = await robin.post('/api/food-entries', body);
    expect(first.statusCode).toBe(201);
    const again = await robin.post('/api/food-entries', body);
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    expect(again.json().day.entries).toHaveLength(1);
    const rows = await entriesOf(robin.personId);
    expect(rows).toHaveLength(1);
    expect(rows[0]?.client_id).toBe(body.clientId);
    // The derived food measure counts one serving, not two.
    expect(await fermentedServings(robin.personId)).toBe(1);
  });

  it('two copies arriving at once still make one entry', async () => {
    const body = {
      foodId: 'kimchi',
      meal: 'lunch',
      servings: 2,
      clientId: '9e1d2c3b-4a5f-4e6d-8c7b-0a1b2c3d4e5f',
    };
    const answers = await Promise.all([
      robin.post('/api/food-entries', body),
      robin.post('/api/food-entries', body),
      robin.post('/api/food-entries', body),
    ]);
    expect(answers.map((a) => a.statusCode).sort()).toEqual([200, 200, 201]);
    expect(new Set(answers.map((a) => a.json().id)).size).toBe(1);
    const rows = (await entriesOf(robin.personId)).filter((r) => r.client_id === body.clientId);
    expect(rows).toHaveLength(1);
  });

  it('the same client id from another person is their own entry', async () => {
    const body = {
      foodId: 'kefir',
      meal: 'breakfast',
      servings: 1,
      clientId: '4b0f7c1e-2a7d-4c55-9d3e-8f3a1c2b6d01',
    };
    const res = await sam.post('/api/food-entries', body);
    expect(res.statusCode).toBe(201);
    expect(await entriesOf(sam.personId)).toHaveLength(1);
    expect(await entriesOf(robin.personId)).toHaveLength(2);
  });

  it('entries without a client id are each their own (old clients keep working)', async () => {
    const body = { foodId: 'apple', meal: 'snack', servings: 1 };
    expect((await sam.post('/api/food-entries', body)).statusCode).toBe(201);
    expect((await sam.post('/api/food-entries', body)).statusCode).toBe(201);
    expect(await entriesOf(sam.personId)).toHaveLength(3);
  });

  it('a malformed client id is a 400 naming clientId, and nothing is stored', async () => {
    const before = await entriesOf(sam.personId);
    const res = await sam.post('/api/food-entries', {
      foodId: 'apple',
      meal: 'snack',
      servings: 1,
      clientId: 'x',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe('clientId');
    expect(await entriesOf(sam.personId)).toEqual(before);
  });

  it('a check-in PUT sent twice (the queue’s retry) leaves one day with the last values', async () => {
    for (let i = 0; i < 2; i++)
      expect((await robin.put('/api/checkins/2026-03-11', { mood: 6 })).statusCode).toBe(200);
    const { days } = (await robin.get('/api/checkins')).json();
    expect(days).toHaveLength(1);
    expect(days[0].checkin.mood).toBe(6);
  });
});
