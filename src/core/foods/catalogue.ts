/**
 * The food catalogue: the shipped foods (catalogue-data.ts) checked at load, plus a person's own
 * custom foods, looked up by id and searched with typo tolerance (Fuse.js).
 *
 * @example
 * foodById('red_onion')  // → { id: 'red_onion', plant: 'onion', plantKind: 'vegetable', … }
 * searchFoods(FOODS, 'kimchee')[0].id // → 'kimchi'
 */
import Fuse from 'fuse.js';
import { FOOD_ROWS, type FoodRow } from './catalogue-data.ts';
import { type FoodCategory, isFoodCategory, isPlantKind, type PlantKind } from './categories.ts';

export interface Food {
  id: string;
  name: string;
  categories: FoodCategory[];
  /** The plant this food counts as for plant points (varieties share one), or null. */
  plant: string | null;
  plantKind: PlantKind | null;
  aliases: string[];
  /** True for a person's own food (id starts with `custom:`). */
  custom: boolean;
}

/** Prefix of custom food ids, so they can never collide with catalogue ids. */
export const CUSTOM_FOOD_PREFIX = 'custom:';

const ID = /^[a-z][a-z0-9_]*$/;

/** Turns catalogue rows into foods, refusing duplicates, unknown categories and half-set plants. */
export function foodsFromRows(rows: readonly FoodRow[]): Food[] {
  const seen = new Set<string>();
  return rows.map(([id, name, kind, plant, categories, aliases]) => {
    if (!ID.test(id)) throw new Error(`food id must be snake_case: ${id}`);
    if (seen.has(id)) throw new Error(`duplicate food id: ${id}`);
    seen.add(id);
    const cats = categories.split(' ').filter(Boolean);
    for (const c of cats) if (!isFoodCategory(c)) throw new Error(`food ${id}: unknown category ${c}`);
    if (new Set(cats).size !== cats.length) throw new Error(`food ${id}: repeated category`);
    if ((kind === '') !== (plant === '')) throw new Error(`food ${id}: plant kind and plant go together`);
    if (kind !== '' && !isPlantKind(kind)) throw new Error(`food ${id}: unknown plant kind ${kind}`);
    if (plant !== '' && !ID.test(plant)) throw new Error(`food ${id}: plant must be snake_case`);
    return {
      id,
      name,
      categories: cats as FoodCategory[],
      plant: plant || null,
      plantKind: (kind || null) as PlantKind | null,
      aliases: aliases ? [aliases] : [],
      custom: false,
    };
  });
}

/** Every shipped food, validated when this module loads. */
export const FOODS: readonly Food[] = foodsFromRows(FOOD_ROWS);

const byId = new Map(FOODS.map((f) => [f.id, f]));

export function foodById(id: string): Food | undefined {
  return byId.get(id);
}

/** A plant may be reached through several foods, but always as one kind (a herb stays a herb). */
export function plantKindsAgree(foods: readonly Food[]): boolean {
  const kinds = new Map<string, PlantKind>();
  for (const f of foods) {
    if (!f.plant || !f.plantKind) continue;
    const k = kinds.get(f.plant);
    if (k && k !== f.plantKind) return false;
    kinds.set(f.plant, f.plantKind);
  }
  return true;
}

/** The distinct plants of the catalogue with their kind, for the custom-food form. */
export function cataloguePlants(): { plant: string; kind: PlantKind }[] {
  const out = new Map<string, PlantKind>();
  for (const f of FOODS) if (f.plant && f.plantKind && !out.has(f.plant)) out.set(f.plant, f.plantKind);
  return [...out].map(([plant, kind]) => ({ plant, kind })).sort((a, b) => a.plant.localeCompare(b.plant));
}

/**
 * Foods matching `query`, best first, tolerating typos ("kimchee", "brocoli"). Threshold 0.4 is
 * Fuse's scale from 0 (exact) to 1 (anything): loose enough for one or two wrong letters.
 */
export function searchFoods(foods: readonly Food[], query: string, limit = 20): Food[] {
  const q = query.trim();
  if (!q) return [];
  const fuse = new Fuse(foods as Food[], {
    keys: [
      { name: 'name', weight: 0.7 },
      { name: 'aliases', weight: 0.3 },
    ],
    threshold: 0.4,
    ignoreLocation: true,
    includeScore: true,
  });
  // A small nudge per letter: between near-equal matches the shorter name is the plainer food
  // ("Broccoli" before "Tenderstem broccoli", matched through its alias "broccolini").
  const rank = (r: { score?: number; item: Food }) => (r.score ?? 0) + 0.005 * r.item.name.length;
  return fuse
    .search(q)
    .sort((a, b) => rank(a) - rank(b))
    .slice(0, limit)
    .map((r) => r.item);
}
