/**
 * Seeded sample data: a clearly labelled demo person's days of check-ins, habits and foods, with
 * the links in effects.ts planted in them (and everything else random), an AR(1) day-to-day mood
 * drift and weekend rhythms like real diaries. The same seed always gives the same days. It also
 * feeds the insights benchmark (with extra custom measures to reach its 60).
 *
 * @example
 * const demo = generateDemoData({ seed: 1, endDate: '2026-03-31' }); // 180 days up to that date
 * demoMatrix(demo.observations).get('2026-03-31')?.get('mood')
 */
import { type Checkin, checkinToObservations } from '../checkin/checkin.ts';
import { addDays, timeFromMinutes } from '../dates.ts';
import { normalDraw, type Random, seededRandom } from '../insights/random.ts';

export const DEMO_DISPLAY_NAME = 'Sample data (demo)';
/** Sources match the check-in, habit and food modules' own (CHECKIN_SOURCE, HABIT_SOURCE, FOOD_SOURCE). */
export type DemoSource = 'checkin' | 'habit' | 'food' | 'custom';

export interface DemoObservation {
  date: string;
  source: DemoSource;
  measure: string;
  value: number | null;
  text: string | null;
}

export interface DemoOptions {
  seed?: number;
  /** Last day generated (the person's today). */
  endDate: string;
  days?: number;
  /** Extra custom measures (`custom_1`, …), half yes/no and half 1–10, unrelated to anything. */
  customMeasures?: number;
}

export interface DemoDataset {
  from: string;
  to: string;
  observations: DemoObservation[];
}

const NOTES = [
  'Busy day at work',
  'Walked to the shop',
  'Visited family',
  'Slept badly, noisy street',
  'Tried a new recipe',
  'Rainy and grey',
];

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));
const scale = (x: number, lo = 1, hi = 10) => clamp(Math.round(x), lo, hi);
const chance = (rand: Random, p: number) => rand() < p;
const between = (rand: Random, lo: number, hi: number) => lo + Math.floor(rand() * (hi - lo + 1));

interface Yesterday {
  moved: boolean;
  fermented: boolean;
}

export function generateDemoData(options: DemoOptions): DemoDataset {
  const rand = seededRandom(options.seed ?? 1);
  const days = options.days ?? 180;
  const from = addDays(options.endDate, -(days - 1));
  const out: DemoObservation[] = [];
  let wellbeing = 0;
  let yesterday: Yesterday = { moved: false, fermented: false };
  const plantsByDay: number[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(from, i);
    const dow = new Date(`${date}T12:00:00Z`).getUTCDay();
    const weekend = dow === 0 || dow === 6;
    // Slow-moving wellbeing (good and bad stretches, so days are not independent), and for mood a
    // wave over about four months on top, so charts show better and worse spells.
    wellbeing = 0.6 * wellbeing + 0.6 * normalDraw(rand);
    const mood0 = wellbeing + 0.6 * Math.sin((2 * Math.PI * i) / 120);
    const push = (source: DemoSource, measure: string, value: number | null, text: string | null = null) =>
      out.push({ date, source, measure, value, text });

    // Habits: the form is filled on ~90 % of days; each answer given when filled.
    const sunMinutes = chance(rand, weekend ? 0.65 : 0.5) ? between(rand, 10, 40) : between(rand, 0, 1) * 5;
    const sun = sunMinutes >= 10;
    const moveMinutes = chance(rand, 0.6) ? between(rand, 20, 70) : between(rand, 0, 10);
    const moved = moveMinutes >= 20;
    const meditated = chance(rand, 0.4);
    const social = chance(rand, weekend ? 0.75 : 0.5);
    const habitsLogged = chance(rand, 0.9);
    if (habitsLogged) {
      push('habit', 'morning_sunlight', sunMinutes);
      push('habit', 'movement', moveMinutes, moved ? 'walk' : null);
      push('habit', 'meditation', meditated ? between(rand, 5, 20) : 0);
      push('habit', 'breathing', chance(rand, 0.3) ? 5 : 0);
      push('habit', 'social_connection', social ? 1 : 0);
      push('habit', 'helping_others', chance(rand, 0.25) ? 1 : 0);
      push('habit', 'laughter', chance(rand, 0.7) ? 1 : 0);
      push('habit', 'creative_expression', chance(rand, 0.3) ? 1 : 0);
      push('habit', 'cold_exposure', chance(rand, 0.2) ? 1 : 0);
      push('habit', 'nature', chance(rand, weekend ? 0.6 : 0.2) ? between(rand, 20, 120) : 0);
      const gratitude = chance(rand, 0.5) ? between(rand, 1, 3) : 0;
      if (gratitude > 0)
        push(
          'habit',
          'gratitude',
          gratitude,
          Array.from({ length: gratitude }, () => 'A good moment').join('\n'),
        );
      push('habit', 'intermittent_fasting', Math.round((12 + rand() * 4) * 2) / 2);
    }

    // Foods: logged on ~85 % of days; servings only written when eaten (as the food log derives them).
    const fermented = chance(rand, 0.45) ? between(rand, 1, 2) : 0;
    const upf = chance(rand, 0.5) ? between(rand, 1, 3) : 0;
    const foodLogged = chance(rand, 0.85);
    const plants = between(rand, 3, 12);
    plantsByDay.push(foodLogged ? plants : 0);
    if (foodLogged) {
      const servings: Record<string, number> = {
        fermented_servings: fermented,
        ultra_processed_servings: upf,
        prebiotic_servings: chance(rand, 0.5) ? between(rand, 1, 2) : 0,
        high_fibre_servings: between(rand, 0, 4),
        polyphenols_servings: between(rand, 0, 3),
        omega3_servings: chance(rand, 0.25) ? 1 : 0,
        protein_servings: between(rand, 1, 4),
        added_sugar_servings: chance(rand, 0.4) ? between(rand, 1, 2) : 0,
      };
      push('food', 'food_entries', between(rand, 3, 8));
      for (const [measure, v] of Object.entries(servings)) if (v > 0) push('food', measure, v);
      push('food', 'plant_points', plants);
      push(
        'food',
        'plant_points_week',
        plantsByDay.slice(-7).reduce((s, x) => s + x, 0),
      );
      push('food', 'protein_every_meal', chance(rand, 0.5) ? 1 : 0);
    }

    // The check-in, filled on ~92 % of days, from the planted effects plus noise.
    const bedtime = 23 * 60 + (weekend ? 45 : 0) + Math.round(normalDraw(rand) * 35);
    const sleepHours = clamp(7.1 + 0.3 * wellbeing + 0.6 * normalDraw(rand), 4, 10);
    const stress = scale(5 - 0.8 * wellbeing - (meditated ? 1 : 0) - (weekend ? 0.8 : 0) + normalDraw(rand));
    const mood =
      5.2 +
      mood0 +
      (sun ? 1.2 : 0) +
      (fermented > 0 ? 0.8 : 0) +
      (social ? 0.8 : 0) +
      0.3 * (sleepHours - 7) +
      normalDraw(rand) * 0.6;
    const energy = 5 + 0.5 * wellbeing + (sun ? 0.9 : 0) + (moved ? 0.9 : 0) + 0.3 * (sleepHours - 7);
    const bloating = 2.8 - (yesterday.fermented ? 1.6 : 0) + (upf >= 2 ? 1.8 : 0) + normalDraw(rand);
    const checkin: Checkin = {
      mood: scale(mood),
      energyMorning: scale(energy + 0.3 + 0.8 * normalDraw(rand)),
      energyMidday: scale(energy + 0.4 + 0.8 * normalDraw(rand)),
      energyEvening: scale(energy - 0.7 + 0.8 * normalDraw(rand)),
      focus: scale(
        5.3 + 0.5 * wellbeing + (meditated ? 1.1 : 0) + 0.2 * (sleepHours - 7) + 0.8 * normalDraw(rand),
      ),
      lifeSatisfaction: scale(6 + 0.6 * wellbeing + (social ? 0.7 : 0) + 0.7 * normalDraw(rand)),
      stress,
      sleepHours: Math.round(sleepHours * 4) / 4,
      sleepQuality: scale(
        5.8 + 0.8 * (sleepHours - 7) + (yesterday.moved ? 1.3 : 0) + 0.3 * wellbeing + 0.9 * normalDraw(rand),
      ),
      bedtime: timeFromMinutes(bedtime),
      wakeTime: timeFromMinutes(bedtime + Math.round(sleepHours * 60)),
      bloating: scale(bloating, 0, 10),
      abdominalPain: scale(1.2 + (upf >= 2 ? 0.6 : 0) + normalDraw(rand) * 0.9, 0, 10),
      bristol: scale(4 + normalDraw(rand) * 0.8, 1, 7),
      ...(chance(rand, 0.1) ? { note: NOTES[between(rand, 0, NOTES.length - 1)] } : {}),
    };
    if (chance(rand, 0.92)) {
      for (const o of checkinToObservations(checkin)) push('checkin', o.measure, o.value, o.text);
    }
    for (let c = 1; c <= (options.customMeasures ?? 0); c++) {
      if (chance(rand, 0.8))
        push('custom', `custom_${c}`, c % 2 ? between(rand, 0, 1) : between(rand, 1, 10));
    }
    // Effects follow what happened, logged or not (an unlogged day still had its walk).
    yesterday = { moved, fermented: fermented > 0 };
  }
  return { from, to: options.endDate, observations: out };
}

/** Observations → the day × measure matrix, summing a measure's values within a day like the store does. */
export function demoMatrix(observations: readonly DemoObservation[]): Map<string, Map<string, number>> {
  const m = new Map<string, Map<string, number>>();
  for (const o of observations) {
    if (o.value === null) continue;
    let day = m.get(o.date);
    if (!day) {
      day = new Map();
      m.set(o.date, day);
    }
    day.set(o.measure, (day.get(o.measure) ?? 0) + o.value);
  }
  return m;
}
