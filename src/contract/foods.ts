/**
 * Foods: the catalogue and the person's own foods, recent and favourite foods for two-tap logging,
 * food entries, and a day's food with the measures it stands for (core/foods holds the rules).
 */
import { z } from 'zod';
import { FOOD_CATEGORIES, PLANT_KINDS } from '../core/foods/categories.ts';
import { MEALS } from '../core/foods/derive.ts';
import { customFoodInputSchema, foodEntryInputSchema, foodEntryUpdateSchema } from '../core/foods/entries.ts';
import { dateParams, idParams, noContent } from './common.ts';
import { endpoint } from './endpoint.ts';

export const food = z.strictObject({
  id: z.string(),
  name: z.string(),
  categories: z.array(z.enum(FOOD_CATEGORIES)),
  /** The plant this food counts as for plant points (varieties share one), or null. */
  plant: z.string().nullable(),
  plantKind: z.enum(PLANT_KINDS).nullable(),
  aliases: z.array(z.string()),
  /** A person's own food (its id starts with `custom:`). */
  custom: z.boolean(),
});

const meal = z.enum(MEALS);

export const foodEntry = z.strictObject({
  id: z.string(),
  date: z.string(),
  meal,
  servings: z.number(),
  food,
});

/** A day's entries, the measures they stand for, and plant variety (this week = the 7 days ending on it). */
export const foodDay = z.strictObject({
  date: z.string(),
  entries: z.array(foodEntry),
  measures: z.record(z.string(), z.number().nullable()),
  plants: z.array(z.strictObject({ plant: z.string(), kind: z.enum(PLANT_KINDS), points: z.number() })),
  plantPoints: z.number(),
  plantPointsWeek: z.number(),
  weeklyPlantGoal: z.number(),
});

const foodParams = z.strictObject({ foodId: z.string().min(1).max(80) });
const foodList = z.strictObject({ foods: z.array(food) });
const entryAnswer = z.strictObject({ id: z.string(), day: foodDay });

export const searchFoodCatalogue = endpoint({
  method: 'GET',
  path: '/api/foods',
  summary: 'Searches the catalogue and the person’s own foods.',
  query: z.strictObject({
    q: z.string().max(100).default(''),
    limit: z.coerce.number().int().min(1).max(50).default(20),
  }),
  output: foodList,
});

export const listRecentFoods = endpoint({
  method: 'GET',
  path: '/api/foods/recent',
  summary: 'Foods eaten recently (with how they were last logged) and favourites.',
  output: z.strictObject({
    recent: z.array(z.strictObject({ food, lastDate: z.string(), lastMeal: meal, lastServings: z.number() })),
    favourites: z.array(food),
  }),
});

export const listOwnFoods = endpoint({
  method: 'GET',
  path: '/api/foods/custom',
  summary: 'The person’s own foods.',
  output: foodList,
});

export const addOwnFood = endpoint({
  method: 'POST',
  path: '/api/foods/custom',
  summary: 'Adds a food of the person’s own.',
  body: customFoodInputSchema,
  output: z.strictObject({ food }),
  status: 201,
});

export const deleteOwnFood = endpoint({
  method: 'DELETE',
  path: '/api/foods/custom/:foodId',
  summary: 'Puts away one of the person’s own foods (entries that use it keep it).',
  params: foodParams,
  output: noContent,
  status: 204,
});

export const getFood = endpoint({
  method: 'GET',
  path: '/api/foods/:foodId',
  summary: 'One food from the catalogue or the person’s own.',
  params: foodParams,
  output: z.strictObject({ food }),
});

export const putFavourite = endpoint({
  method: 'PUT',
  path: '/api/foods/:foodId/favourite',
  summary: 'Marks a food as a favourite, or not.',
  params: foodParams,
  body: z.strictObject({ favourite: z.boolean({ error: 'must be true or false' }) }),
  output: z.strictObject({ favourites: z.array(food) }),
});

export const logFood = endpoint({
  method: 'POST',
  path: '/api/food-entries',
  summary:
    'Logs a food (201); sending the same clientId again answers the entry already made (200), so retries are safe.',
  body: foodEntryInputSchema,
  output: entryAnswer,
  status: 201,
});

export const changeFoodEntry = endpoint({
  method: 'PATCH',
  path: '/api/food-entries/:id',
  summary: 'Changes an entry’s meal, servings or date.',
  params: idParams,
  body: foodEntryUpdateSchema,
  output: entryAnswer,
});

export const removeFoodEntry = endpoint({
  method: 'DELETE',
  path: '/api/food-entries/:id',
  summary: 'Removes a food entry.',
  params: idParams,
  output: noContent,
  status: 204,
});

export const getFoodDay = endpoint({
  method: 'GET',
  path: '/api/food-days/:date',
  summary: "One day's food, its measures and plant variety.",
  params: dateParams,
  output: foodDay,
});
