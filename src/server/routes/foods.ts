/** Foods, food entries and food days: the route table for src/contract/foods.ts. */
import {
  addOwnFood,
  changeFoodEntry,
  deleteOwnFood,
  getFood,
  getFoodDay,
  listOwnFoods,
  listRecentFoods,
  logFood,
  putFavourite,
  removeFoodEntry,
  searchFoodCatalogue,
} from '../../contract/foods.ts';
import { type Route, route } from '../route-table.ts';
import * as foods from '../services/foods.ts';

export const foodRoutes: Route[] = [
  route(searchFoodCatalogue, async ({ ctx, actor, input }) => ({
    foods: await foods.findFoods(ctx, actor, input.query.q, input.query.limit),
  })),
  route(listRecentFoods, async ({ ctx, actor }) => foods.recentAndFavouriteFoods(ctx, actor)),
  route(listOwnFoods, async ({ ctx, actor }) => ({ foods: await foods.ownFoods(ctx, actor) })),
  route(addOwnFood, async ({ ctx, actor, input }) => ({
    food: await foods.addOwnFood(ctx, actor, input.body),
  })),
  route(deleteOwnFood, async ({ ctx, actor, input }) => {
    await foods.putAwayOwnFood(ctx, actor, input.params.foodId);
    return undefined;
  }),
  route(getFood, async ({ ctx, actor, input }) => ({
    food: await foods.oneFood(ctx, actor, input.params.foodId),
  })),
  route(putFavourite, async ({ ctx, actor, input }) => ({
    favourites: await foods.markFavourite(ctx, actor, input.params.foodId, input.body.favourite),
  })),
  route(logFood, async ({ ctx, actor, input, reply }) => {
    const { repeat, ...answer } = await foods.logFoodEntry(ctx, actor, input.body);
    // A repeat of an entry already made answers that entry: 200, not 201.
    if (repeat) reply.code(200);
    return answer;
  }),
  route(changeFoodEntry, async ({ ctx, actor, input }) =>
    foods.changeEntry(ctx, actor, input.params.id, input.body),
  ),
  route(removeFoodEntry, async ({ ctx, actor, input }) => {
    await foods.removeEntry(ctx, actor, input.params.id);
    return undefined;
  }),
  route(getFoodDay, async ({ ctx, actor, input }) => foods.foodDay(ctx, actor, input.params.date)),
];
