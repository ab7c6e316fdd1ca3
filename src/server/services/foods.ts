/**
 * Foods: search the catalogue (and the person's own foods), recent and favourite foods for
 * two-tap logging, custom foods, and food entries with the day's derived measures.
 */
import { z } from 'zod';
import type { OutputOf, ParsedInput } from '../../contract/endpoint.ts';
import type { changeFoodEntry, getFoodDay, listRecentFoods, logFood } from '../../contract/foods.ts';
import { notInFuture } from '../../core/dates.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import { CUSTOM_FOOD_PREFIX, FOODS, type Food, searchFoods } from '../../core/foods/catalogue.ts';
import { WEEKLY_PLANT_GOAL } from '../../core/foods/categories.ts';
import { FOOD_SOURCE } from '../../core/foods/derive.ts';
import { type CustomFoodInput, entryDate } from '../../core/foods/entries.ts';
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
import { type Actor, type AppContext, personToday } from './context.ts';

type FoodDay = OutputOf<typeof getFoodDay>;
type EntryAnswer = OutputOf<typeof logFood>;

/** The day's entries, derived measures and plant variety (this week = the 7 days ending on it). */
export async function foodDay(ctx: AppContext, actor: Actor, date: string): Promise<FoodDay> {
  const { db } = ctx.store;
  const week = weekEnding(date);
  const weekEntries = await listFoodEntries(db, actor.personId, week.from, week.to);
  const entries = weekEntries.filter((e) => e.date === date);
  const derived = await getDayObservations(db, actor.personId, date, FOOD_SOURCE);
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

export async function findFoods(ctx: AppContext, actor: Actor, q: string, limit: number): Promise<Food[]> {
  const custom = await listCustomFoods(ctx.store.db, actor.personId);
  return searchFoods([...custom, ...FOODS], q, limit);
}

export async function recentAndFavouriteFoods(
  ctx: AppContext,
  actor: Actor,
): Promise<OutputOf<typeof listRecentFoods>> {
  const { db } = ctx.store;
  return {
    recent: await recentFoods(db, actor.personId),
    favourites: await listFavourites(db, actor.personId),
  };
}

export async function ownFoods(ctx: AppContext, actor: Actor): Promise<Food[]> {
  return listCustomFoods(ctx.store.db, actor.personId);
}

export async function addOwnFood(ctx: AppContext, actor: Actor, input: CustomFoodInput): Promise<Food> {
  return addCustomFood(ctx.store.db, actor.personId, input, ctx.now());
}

export async function putAwayOwnFood(ctx: AppContext, actor: Actor, foodId: string): Promise<void> {
  if (!z.uuid().safeParse(foodId.replace(CUSTOM_FOOD_PREFIX, '')).success)
    throw new NotFoundError('custom food');
  await archiveCustomFood(ctx.store.db, actor.personId, foodId, ctx.now());
}

export async function oneFood(ctx: AppContext, actor: Actor, foodId: string): Promise<Food> {
  const found = await resolveFood(ctx.store.db, actor.personId, foodId);
  if (!found) throw new NotFoundError('food');
  return found;
}

export async function markFavourite(
  ctx: AppContext,
  actor: Actor,
  foodId: string,
  favourite: boolean,
): Promise<Food[]> {
  const { db } = ctx.store;
  const found = await oneFood(ctx, actor, foodId);
  await setFavourite(db, actor.personId, found.id, favourite, ctx.now());
  return listFavourites(db, actor.personId);
}

/**
 * Logs a food. A repeat of an entry already made (a retry, the offline queue) answers that entry
 * with `repeat: true` (the route answers 200, not 201).
 */
export async function logFoodEntry(
  ctx: AppContext,
  actor: Actor,
  input: ParsedInput<typeof logFood>['body'],
): Promise<EntryAnswer & { repeat: boolean }> {
  const { db } = ctx.store;
  const { personId } = actor;
  const repeat = async () => {
    const made = input.clientId ? await foodEntryByClientId(db, personId, input.clientId) : undefined;
    return made && { id: made.id, day: await foodDay(ctx, actor, made.date), repeat: true };
  };
  const answered = await repeat();
  if (answered) return answered;
  const { today, timeZone } = await personToday(ctx, personId);
  const date = entryDate(input, timeZone, ctx.now());
  notInFuture('date', date, today, 'log food for today or an earlier day');
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
  return { id, day: await foodDay(ctx, actor, date), repeat: false };
}

export async function changeEntry(
  ctx: AppContext,
  actor: Actor,
  id: string,
  changes: ParsedInput<typeof changeFoodEntry>['body'],
): Promise<EntryAnswer> {
  const { today } = await personToday(ctx, actor.personId);
  if (changes.date) notInFuture('date', changes.date, today);
  const date = await updateFoodEntry(ctx.store.db, actor.personId, id, changes, ctx.now());
  return { id, day: await foodDay(ctx, actor, date) };
}

export async function removeEntry(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await deleteFoodEntry(ctx.store.db, actor.personId, id, ctx.now());
}
