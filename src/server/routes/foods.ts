/**
 * Foods: search the catalogue (and the person's own foods), recent and favourite foods for
 * two-tap logging, custom foods, and food entries with the day's derived measures.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { localDate } from '../../core/date-schemas.ts';
import { localDateAt } from '../../core/dates.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import { CUSTOM_FOOD_PREFIX, FOODS, searchFoods } from '../../core/foods/catalogue.ts';
import { WEEKLY_PLANT_GOAL } from '../../core/foods/categories.ts';
import { FOOD_SOURCE } from '../../core/foods/derive.ts';
import {
  customFoodInputSchema,
  entryDate,
  foodEntryInputSchema,
  foodEntryUpdateSchema,
} from '../../core/foods/entries.ts';
import { distinctPlants, plantPoints, weekEnding } from '../../core/foods/plants.ts';
import {
  addCustomFood,
  archiveCustomFood,
  listCustomFoods,
  listFavourites,
  resolveFood,
  setFavourite,
} from '../../store/food-library.ts';
import {
  addFoodEntry,
  deleteFoodEntry,
  listFoodEntries,
  recentFoods,
  updateFoodEntry,
} from '../../store/foods.ts';
import { getDayObservations } from '../../store/observations.ts';
import { foodEntryByClientId } from '../../store/offline.ts';
import { getPerson } from '../../store/people.ts';
import type { AppContext } from '../context.ts';
import { requirePerson } from '../plugins/auth.ts';
import { parseInput } from '../plugins/errors.ts';

const searchQuery = z.strictObject({
  q: z.string().max(100).default(''),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});
const foodParams = z.strictObject({ foodId: z.string().min(1).max(80) });
const idParams = z.strictObject({ id: z.uuid({ error: 'must be an id' }) });
const dateParams = z.strictObject({ date: localDate });
const favouriteBody = z.strictObject({ favourite: z.boolean({ error: 'must be true or false' }) });

export function registerFoodRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;

  async function todayFor(personId: string): Promise<{ today: string; timeZone: string }> {
    const person = await getPerson(db, personId);
    return { today: localDateAt(ctx.now(), person.time_zone), timeZone: person.time_zone };
  }

  /** The day's entries, derived measures and plant variety (this week = the 7 days ending on it). */
  async function foodDay(personId: string, date: string) {
    const week = weekEnding(date);
    const weekEntries = await listFoodEntries(db, personId, week.from, week.to);
    const entries = weekEntries.filter((e) => e.date === date);
    const derived = await getDayObservations(db, personId, date, FOOD_SOURCE);
    return {
      date,
      entries,
      measures: Object.fromEntries(derived.map((o) => [o.measure, o.value])),
      plants: distinctPlants(entries.map((e) => e.food)),
      plantPoints: plantPoints(entries.map((e) => e.food)),
      plantPointsWeek: plantPoints(weekEntries.map((e) => e.food)),
      weeklyPlantGoal: WEEKLY_PLANT_GOAL,
    };
  }

  app.get('/api/foods', async (req) => {
    const personId = requirePerson(req);
    const { q, limit } = parseInput(searchQuery, req.query, 'query');
    const custom = await listCustomFoods(db, personId);
    return { foods: searchFoods([...custom, ...FOODS], q, limit) };
  });

  app.get('/api/foods/recent', async (req) => {
    const personId = requirePerson(req);
    return { recent: await recentFoods(db, personId), favourites: await listFavourites(db, personId) };
  });

  app.get('/api/foods/custom', async (req) => {
    const personId = requirePerson(req);
    return { foods: await listCustomFoods(db, personId) };
  });

  app.post('/api/foods/custom', async (req, reply) => {
    const personId = requirePerson(req);
    const input = parseInput(customFoodInputSchema, req.body, 'body');
    return reply.code(201).send({ food: await addCustomFood(db, personId, input, ctx.now()) });
  });

  app.delete('/api/foods/custom/:foodId', async (req, reply) => {
    const personId = requirePerson(req);
    const { foodId } = parseInput(foodParams, req.params, 'params');
    if (!z.uuid().safeParse(foodId.replace(CUSTOM_FOOD_PREFIX, '')).success)
      throw new NotFoundError('custom food');
    await archiveCustomFood(db, personId, foodId, ctx.now());
    return reply.code(204).send();
  });

  app.get('/api/foods/:foodId', async (req) => {
    const personId = requirePerson(req);
    const { foodId } = parseInput(foodParams, req.params, 'params');
    const food = await resolveFood(db, personId, foodId);
    if (!food) throw new NotFoundError('food');
    return { food };
  });

  app.put('/api/foods/:foodId/favourite', async (req) => {
    const personId = requirePerson(req);
    const { foodId } = parseInput(foodParams, req.params, 'params');
    const { favourite } = parseInput(favouriteBody, req.body, 'body');
    const food = await resolveFood(db, personId, foodId);
    if (!food) throw new NotFoundError('food');
    await setFavourite(db, personId, food.id, favourite, ctx.now());
    return { favourites: await listFavourites(db, personId) };
  });

  app.post('/api/food-entries', async (req, reply) => {
    const personId = requirePerson(req);
    const input = parseInput(foodEntryInputSchema, req.body, 'body');
    // A repeat of an entry already made (a retry, the offline queue) answers that entry: 200, not 201.
    const repeat = async () => {
      const made = input.clientId ? await foodEntryByClientId(db, personId, input.clientId) : undefined;
      return made && reply.code(200).send({ id: made.id, day: await foodDay(personId, made.date) });
    };
    const answered = await repeat();
    if (answered) return answered;
    const { today, timeZone } = await todayFor(personId);
    const date = entryDate(input, timeZone, ctx.now());
    if (date > today)
      throw new ValidationError('date', 'date is in the future: log food for today or an earlier day');
    if (!(await resolveFood(db, personId, input.foodId))) {
      throw new ValidationError('foodId', 'foodId is not a food in the catalogue or one of your own');
    }
    let id: string;
    try {
      id = await addFoodEntry(
        db,
        personId,
        {
          date,
          meal: input.meal,
          servings: input.servings,
          foodId: input.foodId,
          loggedAt: input.loggedAt ?? null,
          clientId: input.clientId ?? null,
        },
        ctx.now(),
      );
    } catch (e) {
      // Two copies of the same write at once: the unique index let one in; answer that one.
      const raced = await repeat();
      if (raced) return raced;
      throw e;
    }
    return reply.code(201).send({ id, day: await foodDay(personId, date) });
  });

  app.patch('/api/food-entries/:id', async (req) => {
    const personId = requirePerson(req);
    const { id } = parseInput(idParams, req.params, 'params');
    const changes = parseInput(foodEntryUpdateSchema, req.body, 'body');
    const { today } = await todayFor(personId);
    if (changes.date && changes.date > today) throw new ValidationError('date', 'date is in the future');
    const date = await updateFoodEntry(db, personId, id, changes, ctx.now());
    return { id, day: await foodDay(personId, date) };
  });

  app.delete('/api/food-entries/:id', async (req, reply) => {
    const personId = requirePerson(req);
    const { id } = parseInput(idParams, req.params, 'params');
    await deleteFoodEntry(db, personId, id, ctx.now());
    return reply.code(204).send();
  });

  app.get('/api/food-days/:date', async (req) => {
    const personId = requirePerson(req);
    const { date } = parseInput(dateParams, req.params, 'params');
    return foodDay(personId, date);
  });
}
