import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

describe.each(testEngines())('foods, habits and custom measures on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let ny: TestClient;
  let other: TestClient;
  // 03:30 UTC on 11 March 2026 is 23:30 on 10 March in New York (EDT, UTC−4).
  const now = new Date('2026-03-11T03:30:00Z');

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => now });
    ny = await registerClient(app, { timeZone: 'America/New_York' });
    other = await registerClient(app, { timeZone: 'Europe/Dublin' });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const tables = async () => ({
    entries: await store.db.selectFrom('food_entry').selectAll().orderBy('id').execute(),
    observations: await store.db.selectFrom('observation').selectAll().orderBy('id').execute(),
    custom: await store.db.selectFrom('custom_measure').selectAll().orderBy('id').execute(),
  });
  const foodObs = (personId: string, date: string) =>
    store.db
      .selectFrom('observation')
      .select(['measure', 'value'])
      .where('person_id', '=', personId)
      .where('date', '=', date)
      .where('source', '=', 'food')
      .orderBy('measure')
      .execute();

  it('answers 401 without a session', async () => {
    const anon = client(app);
    for (const [m, url] of [
      ['GET', '/api/foods?q=kefir'],
      ['GET', '/api/foods/recent'],
      ['POST', '/api/food-entries'],
      ['GET', '/api/food-days/2026-03-10'],
      ['PUT', '/api/habits/2026-03-10'],
      ['GET', '/api/measures'],
      ['POST', '/api/measures/custom'],
    ]) {
      expect(
        (await anon.request(m as string, url as string, m === 'GET' ? undefined : {})).statusCode,
        url,
      ).toBe(401);
    }
  });

  it('searches the catalogue with typos', async () => {
    const res = await ny.get('/api/foods?q=kimchee');
    expect(res.statusCode).toBe(200);
    expect(res.json().foods[0].id).toBe('kimchi');
  });

  it('a food logged at 23:30 local belongs to that local date, and derives its measures', async () => {
    const res = await ny.post('/api/food-entries', { foodId: 'kefir', meal: 'snack', servings: 1 });
    expect(res.statusCode).toBe(201);
    expect(res.json().day.date).toBe('2026-03-10');
    await ny.post('/api/food-entries', {
      foodId: 'red_onion',
      meal: 'dinner',
      servings: 1,
      date: '2026-03-10',
    });
    await ny.post('/api/food-entries', {
      foodId: 'onion',
      meal: 'dinner',
      servings: 0.5,
      date: '2026-03-10',
    });
    const day = (
      await ny.post('/api/food-entries', { foodId: 'basil', meal: 'dinner', servings: 1, date: '2026-03-10' })
    ).json().day;
    expect(day.plantPoints).toBe(1.25); // onion (red and white are one plant) + basil ¼
    expect(day.entries).toHaveLength(4);
    expect(await foodObs(ny.personId as string, '2026-03-10')).toEqual([
      { measure: 'fermented_servings', value: 1 },
      { measure: 'food_entries', value: 4 },
      { measure: 'new_fermented_foods', value: 1 },
      { measure: 'plant_points', value: 1.25 },
      { measure: 'plant_points_week', value: 1.25 },
      { measure: 'polyphenols_servings', value: 1 },
      { measure: 'prebiotic_servings', value: 1.5 },
      { measure: 'protein_every_meal', value: 0 },
      { measure: 'protein_servings', value: 1 },
      { measure: 'tryptophan_servings', value: 1 },
    ]);
    // Nothing landed on the UTC date.
    expect(await foodObs(ny.personId as string, '2026-03-11')).toEqual([]);
  });

  it('changing an earlier day re-derives the days after it (new fermented food, plant week)', async () => {
    const first = (
      await ny.post('/api/food-entries', {
        foodId: 'kefir',
        meal: 'breakfast',
        servings: 1,
        date: '2026-03-01',
      })
    ).json();
    const on10 = await foodObs(ny.personId as string, '2026-03-10');
    expect(on10.find((o) => o.measure === 'new_fermented_foods')).toBeUndefined();
    expect((await ny.patch(`/api/food-entries/${first.id}`, { date: '2026-02-20' })).statusCode).toBe(200);
    const after = await foodObs(ny.personId as string, '2026-03-10');
    expect(after.find((o) => o.measure === 'new_fermented_foods')?.value).toBe(1);
    expect((await ny.delete(`/api/food-entries/${first.id}`)).statusCode).toBe(204);
    expect(await foodObs(ny.personId as string, '2026-02-20')).toEqual([]);
  });

  it('recent foods carry the last meal and servings, for logging again in two taps', async () => {
    const recent = (await ny.get('/api/foods/recent')).json().recent;
    expect(recent[0]).toMatchObject({ lastDate: '2026-03-10' });
    const kefir = recent.find((r: { food: { id: string } }) => r.food.id === 'kefir');
    expect(kefir).toMatchObject({ lastMeal: 'snack', lastServings: 1 });
  });

  it('keeps favourites and custom foods per person', async () => {
    expect(
      (await ny.put('/api/foods/kefir/favourite', { favourite: true }))
        .json()
        .favourites.map((f: { id: string }) => f.id),
    ).toEqual(['kefir']);
    const res = await ny.post('/api/foods/custom', {
      name: 'Gran’s kvass',
      categories: ['fermented'],
      plant: 'rye',
      plantKind: 'whole_grain',
    });
    expect(res.statusCode).toBe(201);
    const food = res.json().food;
    expect(food.id).toMatch(/^custom:/);
    expect((await ny.get('/api/foods?q=gran kvass')).json().foods[0].id).toBe(food.id);
    expect(
      (await other.get('/api/foods?q=gran kvass')).json().foods.map((f: { id: string }) => f.id),
    ).not.toContain(food.id);
    expect((await other.get(`/api/foods/${encodeURIComponent(food.id)}`)).statusCode).toBe(404);
    const bad = await other.post('/api/food-entries', {
      foodId: food.id,
      meal: 'lunch',
      servings: 1,
      date: '2026-03-10',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('foodId');
    const ok = await ny.post('/api/food-entries', {
      foodId: food.id,
      meal: 'lunch',
      servings: 1,
      date: '2026-03-09',
    });
    expect(ok.json().day.plantPoints).toBe(1);
    expect((await other.get('/api/foods/recent')).json()).toEqual({ recent: [], favourites: [] });
  });

  it('another person’s entry answers 404', async () => {
    const id = (
      await ny.post('/api/food-entries', { foodId: 'apple', meal: 'snack', servings: 1, date: '2026-03-08' })
    ).json().id;
    expect((await other.patch(`/api/food-entries/${id}`, { servings: 2 })).statusCode).toBe(404);
    expect((await other.delete(`/api/food-entries/${id}`)).statusCode).toBe(404);
    expect((await other.get('/api/food-days/2026-03-08')).json().entries).toEqual([]);
  });

  it.each([
    ['an unknown food id', { foodId: 'unicorn_steak', meal: 'lunch', servings: 1 }, 'foodId'],
    ['negative servings', { foodId: 'apple', meal: 'lunch', servings: -1 }, 'servings'],
    ['zero servings', { foodId: 'apple', meal: 'lunch', servings: 0 }, 'servings'],
    ['too many servings', { foodId: 'apple', meal: 'lunch', servings: 21 }, 'servings'],
    ['an unknown meal', { foodId: 'apple', meal: 'brunch', servings: 1 }, 'meal'],
    ['a missing food id', { meal: 'lunch', servings: 1 }, 'foodId'],
    ['an impossible date', { foodId: 'apple', meal: 'lunch', servings: 1, date: '2026-02-30' }, 'date'],
    ['a future date', { foodId: 'apple', meal: 'lunch', servings: 1, date: '2026-03-11' }, 'date'],
    ['a bad loggedAt', { foodId: 'apple', meal: 'lunch', servings: 1, loggedAt: 'yesterday' }, 'loggedAt'],
    // Year 0 was stored as the date "1-01-01", which the person's own export could not import.
    [
      'a loggedAt in year 0',
      { foodId: 'apple', meal: 'lunch', servings: 1, loggedAt: '0000-01-01T00:00:00Z' },
      'loggedAt',
    ],
    [
      'a loggedAt before 1900',
      { foodId: 'apple', meal: 'lunch', servings: 1, loggedAt: '1899-12-31T12:00:00Z' },
      'loggedAt',
    ],
    [
      'a loggedAt on 30 February',
      { foodId: 'apple', meal: 'lunch', servings: 1, loggedAt: '2026-02-30T12:00:00Z' },
      'loggedAt',
    ],
    ['a date before 1900', { foodId: 'apple', meal: 'lunch', servings: 1, date: '0001-01-01' }, 'date'],
    ['an unknown field', { foodId: 'apple', meal: 'lunch', servings: 1, personId: 'x' }, 'personId'],
  ])('refuses %s with 400 naming the field, storing nothing', async (_label, body, field) => {
    const before = await tables();
    const res = await ny.post('/api/food-entries', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe(field);
    expect(await tables()).toEqual(before);
  });

  it('saves habits as observations and says whether sunlight was within 2 h of waking', async () => {
    const put = await ny.put('/api/habits/2026-03-10', {
      morningSunlight: { minutes: 15, startTime: '08:00' },
      movement: { minutes: 20, kind: 'walk' },
      gratitude: ['coffee', 'a call with Sam', 'sun'],
    });
    expect(put.statusCode).toBe(200);
    expect(put.json()).toMatchObject({ wakeTimeLogged: false, sunlightWithinTwoHoursOfWaking: null });
    await ny.put('/api/checkins/2026-03-10', { wakeTime: '07:00' });
    const got = (await ny.get('/api/habits/2026-03-10')).json();
    expect(got).toMatchObject({ wakeTimeLogged: true, sunlightWithinTwoHoursOfWaking: true });
    expect(got.habits.gratitude).toEqual(['coffee', 'a call with Sam', 'sun']);
    const theirs = await other.get('/api/habits/2026-03-10');
    expect(theirs.statusCode, theirs.body).toBe(200);
    expect(theirs.json().habits).toEqual({});
  });

  it.each([
    ['25-hour minutes', { movement: { minutes: 1500 } }, 'movement.minutes'],
    ['negative minutes', { meditation: -1 }, 'meditation'],
    ['four gratitudes', { gratitude: ['a', 'b', 'c', 'd'] }, 'gratitude'],
    ['an empty form', {}, 'habits'],
  ])('refuses habits with %s, naming the field', async (_label, body, field) => {
    const before = await tables();
    const res = await ny.put('/api/habits/2026-03-09', body);
    expect(res.statusCode).toBe(400);
    expect(res.json().error.field).toBe(field);
    expect(await tables()).toEqual(before);
  });

  it('custom measures: add, log by kind, list, refuse bad values, private to the person', async () => {
    const res = await ny.post('/api/measures/custom', { name: 'Calm', kind: 'scale' });
    expect(res.statusCode).toBe(201);
    const id = res.json().measure.id;
    expect((await ny.put(`/api/measures/custom/${id}/values/2026-03-10`, { value: 7 })).json()).toEqual({
      date: '2026-03-10',
      value: 7,
    });
    const bad = await ny.put(`/api/measures/custom/${id}/values/2026-03-10`, { value: 11 });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('value');
    expect((await ny.get(`/api/measures/custom/${id}/values`)).json().values).toEqual([
      { date: '2026-03-10', value: 7 },
    ]);
    const all = (await ny.get('/api/measures')).json().measures.map((m: { key: string }) => m.key);
    expect(all).toEqual(expect.arrayContaining(['mood', 'fermented_servings', 'movement', `custom_${id}`]));
    expect((await other.put(`/api/measures/custom/${id}/values/2026-03-10`, { value: 3 })).statusCode).toBe(
      404,
    );
    const mins = (await ny.post('/api/measures/custom', { name: 'Reading', kind: 'minutes' })).json().measure
      .id;
    const long = await ny.put(`/api/measures/custom/${mins}/values/2026-03-10`, { value: 1500 });
    expect(long.statusCode).toBe(400);
    expect(long.json().error.field).toBe('value');
    const noUnit = await ny.post('/api/measures/custom', { name: 'Water', kind: 'number' });
    expect(noUnit.json().error.field).toBe('unit');
    expect((await ny.delete(`/api/measures/custom/${id}`)).statusCode).toBe(204);
    // Archived: gone from the list, but the value logged stays in the diary.
    expect((await ny.get('/api/measures/custom')).json().measures.map((m: { id: string }) => m.id)).toEqual([
      mins,
    ]);
    const kept = await store.db
      .selectFrom('observation')
      .select('value')
      .where('measure', '=', `custom_${id}`)
      .execute();
    expect(kept).toEqual([{ value: 7 }]);
  });
});
