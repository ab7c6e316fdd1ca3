/**
 * What the Log page reads and writes for foods and the person's own measures, typed by the
 * contract (src/contract/foods.ts, measures.ts).
 */
import { queryOptions } from '@tanstack/react-query';
import type { InputOf, OutputOf } from '../../contract/endpoint.ts';
import type {
  addOwnFood,
  getFoodDay,
  listRecentFoods,
  putFavourite,
  removeFoodEntry,
  searchFoodCatalogue,
} from '../../contract/foods.ts';
import type {
  addCustomMeasure,
  listCustomMeasures,
  listCustomValues,
  putCustomValue,
} from '../../contract/measures.ts';
import { callApi } from '../api.ts';

export type FoodDay = OutputOf<typeof getFoodDay>;
export type Food = FoodDay['entries'][number]['food'];
export type RecentFood = OutputOf<typeof listRecentFoods>['recent'][number];
export type CustomMeasure = OutputOf<typeof listCustomMeasures>['measures'][number];

export const foodDayQuery = (date: string) =>
  queryOptions({
    queryKey: ['food-day', date],
    queryFn: () => callApi<typeof getFoodDay>('GET /api/food-days/:date', { params: { date } }),
  });

export const recentFoodsQuery = () =>
  queryOptions({
    queryKey: ['foods-recent'],
    queryFn: () => callApi<typeof listRecentFoods>('GET /api/foods/recent', {}),
  });

export const foodSearchQuery = (q: string) =>
  queryOptions({
    queryKey: ['foods', q],
    queryFn: () => callApi<typeof searchFoodCatalogue>('GET /api/foods', { query: { q, limit: 8 } }),
    enabled: q.length > 0,
  });

export const removeFoodEntryCall = (id: string) =>
  callApi<typeof removeFoodEntry>('DELETE /api/food-entries/:id', { params: { id } });

export const setFavouriteCall = (foodId: string, favourite: boolean) =>
  callApi<typeof putFavourite>('PUT /api/foods/:foodId/favourite', {
    params: { foodId },
    body: { favourite },
  });

export const addOwnFoodCall = (body: InputOf<typeof addOwnFood>['body']) =>
  callApi<typeof addOwnFood>('POST /api/foods/custom', { body });

export const customMeasuresQuery = () =>
  queryOptions({
    queryKey: ['custom-measures'],
    queryFn: () => callApi<typeof listCustomMeasures>('GET /api/measures/custom', {}),
  });

export const customValueQuery = (id: string, date: string) =>
  queryOptions({
    queryKey: ['custom-value', id, date],
    queryFn: () =>
      callApi<typeof listCustomValues>('GET /api/measures/custom/:id/values', {
        params: { id },
        query: { from: date, to: date },
      }),
  });

export const putCustomValueCall = (id: string, date: string, value: number | boolean) =>
  callApi<typeof putCustomValue>('PUT /api/measures/custom/:id/values/:date', {
    params: { id, date },
    body: { value },
  });

export const addCustomMeasureCall = (body: InputOf<typeof addCustomMeasure>['body']) =>
  callApi<typeof addCustomMeasure>('POST /api/measures/custom', { body });
