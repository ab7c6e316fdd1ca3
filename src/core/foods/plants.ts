/**
 * Plant points: each distinct plant counts once in a period, whole plants 1 and herbs or spices ¼
 * (McDonald et al. 2018, doi:10.1128/mSystems.00031-18, as commonly applied: 30 a week).
 *
 * @example plantPoints([onion, redOnion, basil]) // → 1.25 (onion once, basil ¼)
 */
import { addDays } from '../dates.ts';
import type { Food } from './catalogue.ts';
import { PLANT_POINTS, type PlantKind } from './categories.ts';

export interface PlantCount {
  plant: string;
  kind: PlantKind;
  points: number;
}

/** The distinct plants among `foods`, each with the points it earns. */
export function distinctPlants(foods: readonly Pick<Food, 'plant' | 'plantKind'>[]): PlantCount[] {
  const seen = new Map<string, PlantCount>();
  for (const f of foods) {
    if (!f.plant || !f.plantKind) continue;
    const points = PLANT_POINTS[f.plantKind];
    const had = seen.get(f.plant);
    // A custom food may call a herb a vegetable; the plant earns its highest value once.
    if (!had || had.points < points) seen.set(f.plant, { plant: f.plant, kind: f.plantKind, points });
  }
  return [...seen.values()].sort((a, b) => a.plant.localeCompare(b.plant));
}

export function plantPoints(foods: readonly Pick<Food, 'plant' | 'plantKind'>[]): number {
  return distinctPlants(foods).reduce((sum, p) => sum + p.points, 0);
}

/** The seven dates ending on `date`: plant points "this week" are a rolling week. */
export function weekEnding(date: string): { from: string; to: string } {
  return { from: addDays(date, -6), to: date };
}
