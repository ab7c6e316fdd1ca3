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

/** Lower case, accents and punctuation gone: "Crème fraîche" → "creme fraiche". */
function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

/**
 * How directly a food matches, best first: 0 its name is the query; 1 its name starts with it;
 * 2 a later word of its name does; 3 its name contains it; 4 a word of a synonym starts with it;
 * 5 one of its categories ("fermented", "high fibre") does; undefined when none of these. A
 * plural query also matches the singular word ("oats" finds "Oat milk").
 */
function directTier(food: Food, q: string): number | undefined {
  const name = normalise(food.name);
  const forms = q.length > 3 && q.endsWith('s') ? [q, q.slice(0, -1)] : [q];
  const startsWord = (text: string) => forms.some((f) => ` ${text}`.includes(` ${f}`));
  if (name === q) return 0;
  if (name.startsWith(q)) return 1;
  if (startsWord(name)) return 2;
  if (name.includes(q)) return 3;
  if (food.aliases.some((a) => startsWord(normalise(a)))) return 4;
  if (food.categories.some((c) => startsWord(normalise(c)))) return 5;
  return undefined;
}

/**
 * Fuse's scale runs from 0 (exact) to 1 (anything), weighted over name and synonyms. Alone, a
 * typo may be up to 0.48 off ("kimchee" → Kimchi 0.42, "red onoin" → Red onion 0.48); beside
 * direct matches only near-misses join (0.15), so "kefir" never brings Mackerel (0.53), and a
 * typo's list stops 0.1 behind its best match.
 */
const TYPO_THRESHOLD = 0.48;
const NEAR_MISS_WITH_DIRECT = 0.15;
const BEHIND_BEST = 0.1;

/**
 * Foods matching `query`, best first: name matches, then synonyms, then categories, then — with
 * a relevance cut-off — spellings one or two letters off ("kimchee", "brocoli").
 */
export function searchFoods(foods: readonly Food[], query: string, limit = 20): Food[] {
  const q = normalise(query);
  if (!q) return [];
  const direct = foods
    .map((food) => ({ food, tier: directTier(food, q) }))
    .filter((h): h is { food: Food; tier: number } => h.tier !== undefined)
    // Within a tier the shorter name is the plainer food ("Kefir" before "Water kefir").
    .sort(
      (a, b) =>
        a.tier - b.tier || a.food.name.length - b.food.name.length || a.food.name.localeCompare(b.food.name),
    );
  const found = new Set(direct.map((h) => h.food.id));
  const fuse = new Fuse(foods as Food[], {
    keys: [
      { name: 'name', weight: 0.7 },
      { name: 'aliases', weight: 0.3 },
    ],
    // Fuse applies its threshold per key, so its combined scores run a little over it.
    threshold: TYPO_THRESHOLD,
    ignoreLocation: true,
    includeScore: true,
  });
  // A small nudge per letter: between near-equal matches the shorter name is the plainer food.
  const rank = (r: { score?: number; item: Food }) => (r.score ?? 0) + 0.005 * r.item.name.length;
  const fuzzy = fuse
    .search(q)
    .filter((r) => !found.has(r.item.id))
    .sort((a, b) => rank(a) - rank(b));
  const best = fuzzy[0]?.score ?? 0;
  const cutOff = direct.length > 0 ? NEAR_MISS_WITH_DIRECT : Math.min(TYPO_THRESHOLD, best + BEHIND_BEST);
  const typos = fuzzy.filter((r) => (r.score ?? 0) <= cutOff).map((r) => r.item);
  return [...direct.map((h) => h.food), ...typos].slice(0, limit);
}
