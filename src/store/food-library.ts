/**
 * The person's food library: their custom foods (archived, never deleted, so old entries keep their
 * meaning), favourites, and the lookup that turns a food id into a catalogue or custom food.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { NotFoundError } from '../core/errors.ts';
import { CUSTOM_FOOD_PREFIX, type Food, foodById } from '../core/foods/catalogue.ts';
import type { FoodCategory, PlantKind } from '../core/foods/categories.ts';
import type { CustomFoodInput } from '../core/foods/entries.ts';
import type { CustomFoodTable, Database } from './schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

function customToFood(r: CustomFoodTable): Food {
  return {
    id: CUSTOM_FOOD_PREFIX + r.id,
    name: r.name,
    categories: r.categories.split(' ').filter(Boolean) as FoodCategory[],
    plant: r.plant,
    plantKind: r.plant_kind as PlantKind | null,
    aliases: [],
    custom: true,
  };
}

/** The person's custom foods (archived ones too when asked: old entries still name them). */
export async function listCustomFoods(db: Db, personId: string, includeArchived = false): Promise<Food[]> {
  let q = db.selectFrom('custom_food').selectAll().where('person_id', '=', personId);
  if (!includeArchived) q = q.where('archived_at', 'is', null);
  return (await q.orderBy('name').execute()).map(customToFood);
}

/** A catalogue food or one of the person's own; undefined for anything else (another person's). */
export async function resolveFood(db: Db, personId: string, foodId: string): Promise<Food | undefined> {
  if (!foodId.startsWith(CUSTOM_FOOD_PREFIX)) return foodById(foodId);
  const row = await db
    .selectFrom('custom_food')
    .selectAll()
    .where('person_id', '=', personId)
    .where('id', '=', foodId.slice(CUSTOM_FOOD_PREFIX.length))
    .executeTakeFirst();
  return row ? customToFood(row) : undefined;
}

export async function foodResolver(db: Db, personId: string): Promise<(id: string) => Food | undefined> {
  const custom = new Map((await listCustomFoods(db, personId, true)).map((f) => [f.id, f]));
  return (id) => (id.startsWith(CUSTOM_FOOD_PREFIX) ? custom.get(id) : foodById(id));
}

export async function addCustomFood(
  db: Db,
  personId: string,
  input: CustomFoodInput,
  now: Date,
): Promise<Food> {
  const row: CustomFoodTable = {
    id: randomUUID(),
    person_id: personId,
    name: input.name,
    categories: [...new Set(input.categories)].join(' '),
    plant: input.plant ?? null,
    plant_kind: input.plantKind ?? null,
    created_at: now.toISOString(),
    archived_at: null,
  };
  await db.insertInto('custom_food').values(row).execute();
  return customToFood(row);
}

/** Archives a custom food: it leaves search, but entries that name it keep their meaning. */
export async function archiveCustomFood(db: Db, personId: string, foodId: string, now: Date): Promise<void> {
  const res = await db
    .updateTable('custom_food')
    .set({ archived_at: now.toISOString() })
    .where('person_id', '=', personId)
    .where('id', '=', foodId.replace(CUSTOM_FOOD_PREFIX, ''))
    .where('archived_at', 'is', null)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw new NotFoundError('custom food');
}

export async function listFavourites(db: Db, personId: string): Promise<Food[]> {
  const resolve = await foodResolver(db, personId);
  const rows = await db
    .selectFrom('favourite_food')
    .select('food_id')
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .execute();
  return rows.flatMap((r) => {
    const f = resolve(r.food_id);
    return f ? [f] : [];
  });
}

export async function setFavourite(
  db: Kysely<Database>,
  personId: string,
  foodId: string,
  favourite: boolean,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('favourite_food')
      .where('person_id', '=', personId)
      .where('food_id', '=', foodId)
      .execute();
    if (favourite) {
      await trx
        .insertInto('favourite_food')
        .values({ person_id: personId, food_id: foodId, created_at: now.toISOString() })
        .execute();
    }
  });
}
