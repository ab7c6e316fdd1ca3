/**
 * Food entries → the daily measures they stand for (observations with source 'food'), so programs
 * and insights read food through the same day × measure matrix as everything else.
 *
 * @example
 * deriveFoodDay(entries, '2026-03-10')
 * // → [{ measure: 'food_entries', value: 3 }, { measure: 'fermented_servings', value: 1 }, …]
 */
import type { ObservationValue } from '../checkin/checkin.ts';
import { addDays } from '../dates.ts';
import { type Measure, registerMeasures } from '../tracking/measures.ts';
import type { Food } from './catalogue.ts';
import { CATEGORY_INFO, FOOD_CATEGORIES, type FoodCategory, WEEKLY_PLANT_GOAL } from './categories.ts';
import { plantPoints, weekEnding } from './plants.ts';

export const MEALS = ['breakfast', 'lunch', 'dinner', 'snack'] as const;
export type Meal = (typeof MEALS)[number];
const MAIN_MEALS: readonly Meal[] = ['breakfast', 'lunch', 'dinner'];

export const FOOD_SOURCE = 'food';
/** Days back a fermented food must be absent to count as new (week 2 of the challenge). */
export const NEW_FOOD_LOOKBACK_DAYS = 14;

export interface FoodEntry {
  date: string;
  meal: Meal;
  servings: number;
  food: Pick<Food, 'id' | 'categories' | 'plant' | 'plantKind'>;
}

export const categoryMeasure = (c: FoodCategory) => `${c}_servings`;

export const FOOD_MEASURES: Measure[] = [
  { key: 'food_entries', label: 'Foods logged', kind: 'count', group: 'food', min: 0, integer: true },
  ...FOOD_CATEGORIES.map(
    (c): Measure => ({
      key: categoryMeasure(c),
      label: `${CATEGORY_INFO[c].label} servings`,
      kind: 'number',
      group: 'food',
      min: 0,
      unit: 'servings',
      higherIsBetter: !(c === 'ultra_processed' || c === 'added_sugar'),
    }),
  ),
  {
    key: 'plant_points',
    label: 'Plant points today',
    kind: 'number',
    group: 'food',
    min: 0,
    higherIsBetter: true,
  },
  {
    key: 'plant_points_week',
    label: `Plant points this week (goal ${WEEKLY_PLANT_GOAL})`,
    kind: 'number',
    group: 'food',
    min: 0,
    higherIsBetter: true,
  },
  { key: 'protein_every_meal', label: 'Protein at every meal', kind: 'yesno', group: 'food', min: 0, max: 1 },
  {
    key: 'gaba_supporting_servings',
    label: 'GABA-supporting servings',
    kind: 'number',
    group: 'food',
    min: 0,
    unit: 'servings',
  },
  {
    key: 'new_fermented_foods',
    label: 'New fermented foods',
    kind: 'count',
    group: 'food',
    min: 0,
    integer: true,
  },
];
registerMeasures(FOOD_MEASURES);

/**
 * GABA-supporting, as the source article groups them: whole grains, green tea (L-theanine) and
 * magnesium-rich foods (Ganda 2024, "The close link between neurotransmitters and mental health").
 */
export function isGabaSupporting(food: FoodEntry['food']): boolean {
  return (
    food.plantKind === 'whole_grain' ||
    food.categories.includes('l_theanine') ||
    food.categories.includes('magnesium')
  );
}

const round = (x: number) => Math.round(x * 1000) / 1000;

/**
 * The derived measures of `date`, from entries that cover at least the 14 days before it (for
 * "new fermented food" and the rolling plant week). A day with no entries derives nothing, so
 * "nothing logged" never reads as "none eaten".
 */
export function deriveFoodDay(entries: readonly FoodEntry[], date: string): ObservationValue[] {
  const today = entries.filter((e) => e.date === date);
  if (today.length === 0) return [];
  const out: ObservationValue[] = [];
  const put = (measure: string, value: number) => out.push({ measure, value: round(value), text: null });

  put('food_entries', today.length);
  for (const c of FOOD_CATEGORIES) {
    const servings = today.filter((e) => e.food.categories.includes(c)).reduce((s, e) => s + e.servings, 0);
    if (servings > 0) put(categoryMeasure(c), servings);
  }
  put('plant_points', plantPoints(today.map((e) => e.food)));
  const week = weekEnding(date);
  put(
    'plant_points_week',
    plantPoints(entries.filter((e) => e.date >= week.from && e.date <= week.to).map((e) => e.food)),
  );

  const mains = MAIN_MEALS.filter((m) => today.some((e) => e.meal === m));
  if (mains.length > 0) {
    const allHaveProtein = mains.every((m) =>
      today.some((e) => e.meal === m && e.food.categories.includes('protein')),
    );
    put('protein_every_meal', allHaveProtein ? 1 : 0);
  }
  const gaba = today.filter((e) => isGabaSupporting(e.food)).reduce((s, e) => s + e.servings, 0);
  if (gaba > 0) put('gaba_supporting_servings', gaba);

  const since = addDays(date, -NEW_FOOD_LOOKBACK_DAYS);
  const recent = new Set(entries.filter((e) => e.date >= since && e.date < date).map((e) => e.food.id));
  const fermentedToday = new Set(
    today.filter((e) => e.food.categories.includes('fermented')).map((e) => e.food.id),
  );
  const fresh = [...fermentedToday].filter((id) => !recent.has(id)).length;
  if (fresh > 0) put('new_fermented_foods', fresh);
  return out;
}

/**
 * The dates whose derived measures change when the entries of `date` change: the day itself and
 * the 14 after it (new-food look-back; the 7-day plant week is inside that span).
 */
export function datesAffectedBy(date: string): string[] {
  return Array.from({ length: NEW_FOOD_LOOKBACK_DAYS + 1 }, (_, i) => addDays(date, i));
}
