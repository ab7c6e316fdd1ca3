/** Shapes of the food and habit API answers, as the web app reads them. */

import type { OutputOf } from '../../contract/endpoint.ts';
import type { getHabitDay } from '../../contract/habits.ts';
import type { Food } from '../../core/foods/catalogue.ts';
import type { Meal } from '../../core/foods/derive.ts';
import type { PlantCount } from '../../core/foods/plants.ts';

export type { Food, Meal };

export interface FoodDay {
  date: string;
  entries: { id: string; date: string; meal: Meal; servings: number; food: Food }[];
  measures: Record<string, number | null>;
  plants: PlantCount[];
  plantPoints: number;
  plantPointsWeek: number;
  weeklyPlantGoal: number;
}

export interface RecentFood {
  food: Food;
  lastDate: string;
  lastMeal: Meal;
  lastServings: number;
}

export type HabitDay = OutputOf<typeof getHabitDay>;

/** Query keys other pages invalidate after logging, so goals tick without a reload. */
export { GOAL_KEYS } from '../programs/queries.ts';
