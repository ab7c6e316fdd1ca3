import { describe, expect, it } from 'vitest';
import { FOODS, foodById, foodsFromRows, plantKindsAgree, searchFoods } from './catalogue.ts';
import { FOOD_CATEGORIES } from './categories.ts';

describe('food catalogue', () => {
  it('ships at least 200 foods, each with a unique snake_case id', () => {
    expect(FOODS.length).toBeGreaterThanOrEqual(200);
    expect(new Set(FOODS.map((f) => f.id)).size).toBe(FOODS.length);
  });

  it('has foods in every category the knowledge graph names', () => {
    for (const c of FOOD_CATEGORIES)
      expect(
        FOODS.some((f) => f.categories.includes(c)),
        c,
      ).toBe(true);
  });

  it('counts varieties as one plant: red onion and onion, nectarine and peach', () => {
    expect(foodById('red_onion')?.plant).toBe('onion');
    expect(foodById('onion')?.plant).toBe('onion');
    expect(foodById('nectarine')?.plant).toBe('peach');
    expect(foodById('sauerkraut')).toMatchObject({ plant: 'cabbage', plantKind: 'vegetable' });
    expect(foodById('basil')?.plantKind).toBe('herb_spice');
    expect(plantKindsAgree(FOODS)).toBe(true);
  });

  it('does not count refined grains or animal foods as plants', () => {
    for (const id of ['white_rice', 'white_pasta', 'white_bread_sliced', 'salmon', 'kefir']) {
      expect(foodById(id)?.plant, id).toBeNull();
    }
  });

  it('marks live-culture foods fermented but not cooked ones (tempeh, sourdough)', () => {
    for (const id of ['kefir', 'kimchi', 'yogurt_live', 'miso', 'kombucha']) {
      expect(foodById(id)?.categories, id).toContain('fermented');
    }
    for (const id of ['tempeh', 'sourdough_bread'])
      expect(foodById(id)?.categories, id).not.toContain('fermented');
  });

  it('finds foods despite typos', () => {
    expect(searchFoods(FOODS, 'kimchee')[0]?.id).toBe('kimchi');
    expect(searchFoods(FOODS, 'brocoli')[0]?.id).toBe('broccoli');
    expect(searchFoods(FOODS, 'red onoin')[0]?.id).toBe('red_onion');
    expect(searchFoods(FOODS, 'salmn')[0]?.id).toBe('salmon');
    expect(searchFoods(FOODS, 'zucchini')[0]?.id).toBe('courgette');
    expect(searchFoods(FOODS, '   ')).toEqual([]);
    expect(searchFoods(FOODS, 'xqzvw')).toEqual([]);
  });

  it('ranks name matches first and cuts off unrelated foods (issue 18)', () => {
    const names = (q: string) => searchFoods(FOODS, q).map((f) => f.name);
    // Fuse alone also listed Grapefruit, Mackerel (0.53), White bread and Sausages for "kefir".
    expect(names('kefir')).toEqual(['Kefir', 'Water kefir']);
    expect(names('oats')[0]).toBe('Oats or porridge');
    expect(names('oats')).not.toContain('Dried apricots');
    expect(names('oats')).not.toContain('Brussels sprouts');
    // A name match comes before a synonym match, and a synonym before a category.
    expect(names('zucchini')).toEqual(['Courgette']);
    const fermented = searchFoods(FOODS, 'fermented');
    expect(fermented[0]?.name).toMatch(/^Fermented/);
    expect(fermented.every((f) => f.categories.includes('fermented') || /ferment/i.test(f.name))).toBe(true);
  });

  it('refuses a broken catalogue at load', () => {
    expect(() =>
      foodsFromRows([
        ['a', 'A', '', '', 'fermented'],
        ['a', 'A2', '', '', ''],
      ]),
    ).toThrow(/duplicate/);
    expect(() => foodsFromRows([['a', 'A', '', '', 'probiotic']])).toThrow(/unknown category probiotic/);
    expect(() => foodsFromRows([['a', 'A', 'fruit', '', '']])).toThrow(/go together/);
    expect(() => foodsFromRows([['a', 'A', 'berry', 'a', '']])).toThrow(/unknown plant kind/);
    expect(() => foodsFromRows([['A b', 'A', '', '', '']])).toThrow(/snake_case/);
  });
});
