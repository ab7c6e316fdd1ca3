import { describe, expect, it } from 'vitest';
import type { Food } from './catalogue.ts';
import { foodById } from './catalogue.ts';
import { datesAffectedBy, deriveFoodDay, type FoodEntry, type Meal } from './derive.ts';
import { entryDate } from './entries.ts';
import { distinctPlants, plantPoints } from './plants.ts';

const food = (id: string): Food => {
  const f = foodById(id);
  if (!f) throw new Error(`no food ${id}`);
  return f;
};
const entry = (date: string, id: string, meal: Meal = 'lunch', servings = 1): FoodEntry => ({
  date,
  meal,
  servings,
  food: food(id),
});
const asMap = (obs: { measure: string; value: number | null }[]) =>
  Object.fromEntries(obs.map((o) => [o.measure, o.value]));

describe('plant points', () => {
  it('counts each distinct plant once: whole plants 1, herbs and spices ¼', () => {
    // onion + red onion (one plant: 1) + oats (1) + basil (¼) + oregano (¼) + salmon (0) = 2.5
    expect(plantPoints(['onion', 'red_onion', 'oats', 'basil', 'oregano', 'salmon'].map(food))).toBe(2.5);
    expect(distinctPlants(['onion', 'red_onion'].map(food))).toEqual([
      { plant: 'onion', kind: 'vegetable', points: 1 },
    ]);
    expect(plantPoints([])).toBe(0);
  });

  it('gives a plant its highest value once when a custom food calls a herb something else', () => {
    const herb = { plant: 'mint', plantKind: 'herb_spice' as const };
    const asVeg = { plant: 'mint', plantKind: 'vegetable' as const };
    expect(plantPoints([herb, asVeg])).toBe(1);
    expect(plantPoints([herb, herb])).toBe(0.25);
  });
});

describe('derived food measures', () => {
  it('derives nothing for a day with no entries, so blank never reads as "none eaten"', () => {
    expect(deriveFoodDay([entry('2026-03-01', 'kefir')], '2026-03-02')).toEqual([]);
  });

  it('sums servings per category and counts plants for the day', () => {
    const d = '2026-03-10';
    const obs = asMap(
      deriveFoodDay(
        [
          entry(d, 'kefir', 'breakfast', 2), // fermented protein tryptophan
          entry(d, 'oats', 'breakfast'), // whole grain: prebiotic high_fibre magnesium tryptophan, GABA-supporting
          entry(d, 'crisps', 'snack', 1.5), // ultra-processed
          entry(d, 'red_onion', 'dinner'),
          entry(d, 'onion', 'dinner'),
          entry(d, 'chicken', 'dinner'),
        ],
        d,
      ),
    );
    expect(obs).toMatchObject({
      food_entries: 6,
      fermented_servings: 2,
      protein_servings: 3, // kefir ×2 + chicken
      tryptophan_servings: 4, // kefir ×2 + oats + chicken
      prebiotic_servings: 3, // oats + red onion + onion
      ultra_processed_servings: 1.5,
      plant_points: 2, // oat + onion
      plant_points_week: 2,
      gaba_supporting_servings: 1, // oats
      protein_every_meal: 1, // breakfast (kefir) and dinner (chicken); the snack doesn't count
      new_fermented_foods: 1,
    });
    expect(obs.omega3_servings).toBeUndefined();
  });

  it('protein at every meal fails when one main meal has none, and is absent with snacks only', () => {
    const d = '2026-03-10';
    expect(
      asMap(deriveFoodDay([entry(d, 'eggs', 'breakfast'), entry(d, 'apple', 'lunch')], d)).protein_every_meal,
    ).toBe(0);
    expect(asMap(deriveFoodDay([entry(d, 'apple', 'snack')], d)).protein_every_meal).toBeUndefined();
  });

  it('plant points this week count distinct plants over the 7 days ending that day', () => {
    const entries = [
      entry('2026-03-03', 'apple'), // 8 days before the 10th: outside the week
      entry('2026-03-04', 'pear'), // 6 days before: inside
      entry('2026-03-07', 'green_apple'), // apple again
      entry('2026-03-10', 'apple'),
      entry('2026-03-10', 'cinnamon'),
    ];
    const obs = asMap(deriveFoodDay(entries, '2026-03-10'));
    expect(obs.plant_points).toBe(1.25); // apple + cinnamon
    expect(obs.plant_points_week).toBe(2.25); // pear + apple + cinnamon
  });

  it('a fermented food is new only if not eaten in the 14 days before', () => {
    const day = '2026-03-20';
    const eatenOn = (d: string) => [entry(d, 'kimchi'), entry(day, 'kimchi'), entry(day, 'kefir')];
    // 14 days before (06 March) still counts as recent: only kefir is new.
    expect(asMap(deriveFoodDay(eatenOn('2026-03-06'), day)).new_fermented_foods).toBe(1);
    // 15 days before (05 March) is outside the look-back: both are new.
    expect(asMap(deriveFoodDay(eatenOn('2026-03-05'), day)).new_fermented_foods).toBe(2);
    // Two servings of the same new food on one day are one new food.
    expect(
      asMap(deriveFoodDay([entry(day, 'miso'), entry(day, 'miso', 'dinner')], day)).new_fermented_foods,
    ).toBe(1);
  });

  it('a change on one date touches that date and the 14 after it', () => {
    const dates = datesAffectedBy('2026-02-20');
    expect(dates).toHaveLength(15);
    expect(dates[0]).toBe('2026-02-20');
    expect(dates[14]).toBe('2026-03-06');
  });
});

describe('the date an entry belongs to', () => {
  it('is the local date where the person is: 23:30 in New York is still that day', () => {
    // 2026-03-11T03:30Z is 23:30 on 10 March in New York (EDT, UTC−4, since 8 March 2026).
    expect(entryDate({ loggedAt: '2026-03-11T03:30:00Z' }, 'America/New_York')).toBe('2026-03-10');
    expect(entryDate({ loggedAt: '2026-03-11T03:30:00Z' }, 'Europe/Dublin')).toBe('2026-03-11');
    // 23:30 in Auckland (UTC+13 in March) is 10:30 UTC the same day.
    expect(entryDate({}, 'Pacific/Auckland', new Date('2026-03-10T10:30:00Z'))).toBe('2026-03-10');
    expect(entryDate({ date: '2026-03-01', loggedAt: '2026-03-11T03:30:00Z' }, 'UTC')).toBe('2026-03-01');
  });
});
