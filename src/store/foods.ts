/**
 * Food entries and the recent-foods list. Every write that changes entries also rewrites the
 * derived food observations (source 'food') of the dates it affects, in the same transaction, so
 * the day × measure matrix never disagrees with the diary.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { addDays } from '../core/dates.ts';
import { NotFoundError, ValidationError } from '../core/errors.ts';
import type { Food } from '../core/foods/catalogue.ts';
import {
  datesAffectedBy,
  deriveFoodDay,
  FOOD_SOURCE,
  type FoodEntry,
  type Meal,
} from '../core/foods/derive.ts';
import { foodResolver, resolveFood } from './food-library.ts';
import { lockPersonWrites } from './person-lock.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export interface StoredFoodEntry {
  id: string;
  date: string;
  meal: Meal;
  servings: number;
  food: Food;
}

/** Rewrites the derived food observations of `dates` from the entries around them. */
async function rederive(
  trx: Transaction<Database>,
  personId: string,
  dates: readonly string[],
  now: Date,
): Promise<void> {
  // Another process rewriting this person's derived rows waits, then sees them (PostgreSQL).
  await lockPersonWrites(trx, personId);
  const sorted = [...new Set(dates)].sort();
  const first = sorted[0];
  const last = sorted[sorted.length - 1];
  if (!first || !last) return;
  const resolve = await foodResolver(trx, personId);
  const rows = await trx
    .selectFrom('food_entry')
    .select(['date', 'meal', 'servings', 'food_id'])
    .where('person_id', '=', personId)
    .where('date', '>=', addDays(first, -14))
    .where('date', '<=', last)
    .execute();
  const entries: FoodEntry[] = [];
  for (const r of rows) {
    const food = resolve(r.food_id);
    if (food) entries.push({ date: r.date, meal: r.meal as Meal, servings: r.servings, food });
  }
  await trx
    .deleteFrom('observation')
    .where('person_id', '=', personId)
    .where('source', '=', FOOD_SOURCE)
    .where('date', 'in', sorted)
    .execute();
  const values = sorted.flatMap((date) =>
    deriveFoodDay(entries, date).map((o) => ({
      id: randomUUID(),
      person_id: personId,
      date,
      measure: o.measure,
      value: o.value,
      text: o.text,
      source: FOOD_SOURCE,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })),
  );
  if (values.length) await trx.insertInto('observation').values(values).execute();
}

export interface NewFoodEntry {
  date: string;
  meal: Meal;
  servings: number;
  foodId: string;
  loggedAt: string | null;
  /** The browser's id for this entry (offline queue); a repeat is refused by a unique index. */
  clientId?: string | null;
}

export async function addFoodEntry(
  db: Kysely<Database>,
  personId: string,
  e: NewFoodEntry,
  now: Date,
): Promise<string> {
  const id = randomUUID();
  await db.transaction().execute(async (trx) => {
    if (!(await resolveFood(trx, personId, e.foodId))) throw new ValidationError('foodId', 'no such food');
    await trx
      .insertInto('food_entry')
      .values({
        id,
        person_id: personId,
        date: e.date,
        meal: e.meal,
        food_id: e.foodId,
        servings: e.servings,
        logged_at: e.loggedAt,
        client_id: e.clientId ?? null,
        created_at: now.toISOString(),
        updated_at: now.toISOString(),
      })
      .execute();
    await rederive(trx, personId, datesAffectedBy(e.date), now);
  });
  return id;
}

export async function updateFoodEntry(
  db: Kysely<Database>,
  personId: string,
  id: string,
  changes: Partial<Pick<NewFoodEntry, 'date' | 'meal' | 'servings'>>,
  now: Date,
): Promise<string> {
  return db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('food_entry')
      .select(['date'])
      .where('person_id', '=', personId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('food entry');
    await trx
      .updateTable('food_entry')
      .set({ ...changes, updated_at: now.toISOString() })
      .where('person_id', '=', personId)
      .where('id', '=', id)
      .execute();
    await rederive(
      trx,
      personId,
      [...datesAffectedBy(row.date), ...datesAffectedBy(changes.date ?? row.date)],
      now,
    );
    return changes.date ?? row.date;
  });
}

export async function deleteFoodEntry(
  db: Kysely<Database>,
  personId: string,
  id: string,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const row = await trx
      .selectFrom('food_entry')
      .select(['date'])
      .where('person_id', '=', personId)
      .where('id', '=', id)
      .executeTakeFirst();
    if (!row) throw new NotFoundError('food entry');
    await trx.deleteFrom('food_entry').where('person_id', '=', personId).where('id', '=', id).execute();
    await rederive(trx, personId, datesAffectedBy(row.date), now);
  });
}

/** Entries between two dates inclusive, oldest first, each with its food. */
export async function listFoodEntries(
  db: Db,
  personId: string,
  from: string,
  to: string,
): Promise<StoredFoodEntry[]> {
  const resolve = await foodResolver(db, personId);
  const rows = await db
    .selectFrom('food_entry')
    .select(['id', 'date', 'meal', 'servings', 'food_id'])
    .where('person_id', '=', personId)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .orderBy('created_at')
    .execute();
  return rows.flatMap((r) => {
    const food = resolve(r.food_id);
    return food ? [{ id: r.id, date: r.date, meal: r.meal as Meal, servings: r.servings, food }] : [];
  });
}

export interface RecentFood {
  food: Food;
  lastDate: string;
  lastMeal: Meal;
  lastServings: number;
}

/** Distinct foods eaten recently, most recent first, with how they were last logged (for two-tap logging). */
export async function recentFoods(db: Db, personId: string, limit = 12): Promise<RecentFood[]> {
  const resolve = await foodResolver(db, personId);
  const rows = await db
    .selectFrom('food_entry')
    .select(['food_id', 'date', 'meal', 'servings'])
    .where('person_id', '=', personId)
    .orderBy('date', 'desc')
    .orderBy('created_at', 'desc')
    .limit(500)
    .execute();
  const out: RecentFood[] = [];
  const seen = new Set<string>();
  for (const r of rows) {
    if (seen.has(r.food_id)) continue;
    seen.add(r.food_id);
    const food = resolve(r.food_id);
    if (food) out.push({ food, lastDate: r.date, lastMeal: r.meal as Meal, lastServings: r.servings });
    if (out.length >= limit) break;
  }
  return out;
}
