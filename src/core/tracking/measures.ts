/**
 * Measures: everything a person can track. Each observation names one measure by its key, so a
 * new measure (a habit, a food category, a custom one) works in programs and insights at once.
 *
 * @example measureByKey('mood') // → { key: 'mood', kind: 'scale', min: 1, max: 10, … }
 */

export type MeasureKind = 'scale' | 'number' | 'minutes' | 'yesno' | 'count' | 'time' | 'text';

export interface Measure {
  key: string;
  label: string;
  kind: MeasureKind;
  /** Group used to lay measures out in the app (check-in, sleep, gut, food, habit, custom). */
  group: 'checkin' | 'sleep' | 'gut' | 'food' | 'habit' | 'custom' | 'device';
  min?: number;
  max?: number;
  integer?: boolean;
  unit?: string;
  /** Direction of "better" for insights; undefined when neither is better (bedtime). */
  higherIsBetter?: boolean;
}

/** The measures the daily check-in writes. Order is the order of the form. */
export const CHECKIN_MEASURES = [
  {
    key: 'mood',
    label: 'Mood',
    kind: 'scale',
    group: 'checkin',
    min: 1,
    max: 10,
    integer: true,
    higherIsBetter: true,
  },
  {
    key: 'energy_morning',
    label: 'Energy in the morning',
    kind: 'scale',
    group: 'checkin',
    min: 1,
    max: 10,
    integer: true,
    higherIsBetter: true,
  },
  {
    key: 'energy_midday',
    label: 'Energy at midday',
    kind: 'scale',
    group: 'checkin',
    min: 1,
    max: 10,
    integer: true,
    higherIsBetter: true,
  },
  {
    key: 'energy_evening',
    label: 'Energy in the evening',
    kind: 'scale',
    group: 'checkin',
    min: 1,
    max: 10,
    integer: true,
    higherIsBetter: true,
  },
  {
    key: 'focus',
    label: 'Focus',
    kind: 'scale',
    group: 'checkin',
    min: 1,
    max: 10,
    integer: true,
    higherIsBetter: true,
  },
  {
    key: 'life_satisfaction',
    label: 'Life satisfaction',
    kind: 'scale',
    group: 'checkin',
    min: 1,
    max: 10,
    integer: true,
    higherIsBetter: true,
  },
  {
    key: 'stress',
    label: 'Stress',
    kind: 'scale',
    group: 'checkin',
    min: 1,
    max: 10,
    integer: true,
    higherIsBetter: false,
  },
  {
    key: 'sleep_hours',
    label: 'Sleep',
    kind: 'number',
    group: 'sleep',
    min: 0,
    max: 24,
    unit: 'hours',
    higherIsBetter: undefined,
  },
  {
    key: 'sleep_quality',
    label: 'Sleep quality',
    kind: 'scale',
    group: 'sleep',
    min: 1,
    max: 10,
    integer: true,
    higherIsBetter: true,
  },
  {
    key: 'bedtime',
    label: 'Bedtime',
    kind: 'time',
    group: 'sleep',
    min: 0,
    max: 1439,
    integer: true,
    unit: 'minutes after midnight',
  },
  {
    key: 'wake_time',
    label: 'Wake time',
    kind: 'time',
    group: 'sleep',
    min: 0,
    max: 1439,
    integer: true,
    unit: 'minutes after midnight',
  },
  {
    key: 'bloating',
    label: 'Bloating',
    kind: 'scale',
    group: 'gut',
    min: 0,
    max: 10,
    integer: true,
    higherIsBetter: false,
  },
  {
    key: 'abdominal_pain',
    label: 'Abdominal pain',
    kind: 'scale',
    group: 'gut',
    min: 0,
    max: 10,
    integer: true,
    higherIsBetter: false,
  },
  { key: 'bristol', label: 'Bristol stool type', kind: 'scale', group: 'gut', min: 1, max: 7, integer: true },
  { key: 'note', label: 'Note', kind: 'text', group: 'checkin', max: 2000 },
] as const satisfies readonly Measure[];

export type CheckinMeasureKey = (typeof CHECKIN_MEASURES)[number]['key'];

const registry = new Map<string, Measure>();

/** Adds measures to the catalogue (each capability registers its own at import time). */
export function registerMeasures(measures: readonly Measure[]): void {
  for (const m of measures) {
    if (registry.has(m.key)) throw new Error(`duplicate measure key: ${m.key}`);
    registry.set(m.key, m);
  }
}

registerMeasures(CHECKIN_MEASURES);

export function measureByKey(key: string): Measure | undefined {
  return registry.get(key);
}

export function allMeasures(): Measure[] {
  return [...registry.values()];
}
