/**
 * The weekly report's numbers: this week (the 7 days ending on the report date) against the 7
 * days before, for the measures a person looks at first. Averages are over the days that have a
 * value, and say how many days that was.
 *
 * @example weekComparison(matrix, '2026-03-14').rows[0] // → { key: 'mood', thisWeek: 6.4, lastWeek: 5.9, … }
 */
import { addDays } from '../dates.ts';

type Matrix = ReadonlyMap<string, ReadonlyMap<string, number>>;

interface WeeklyMeasure {
  key: string;
  label: string;
  unit: string;
  /** mean: mean of the day values; total: sum; days: days with a value above 0; last: latest value. */
  summary: 'mean' | 'total' | 'days' | 'last';
  /** Measures making up the day value (their mean when several are recorded that day). */
  measures: readonly string[];
  higherIsBetter: boolean;
  /** For 'days': the measure that marks a day as logged (a category is only stored when eaten). */
  loggedBy?: string;
  /** Shown only when either week has a value (measures from a watch or phone, which not everyone has). */
  optional?: true;
}

export const WEEKLY_MEASURES: readonly WeeklyMeasure[] = [
  {
    key: 'mood',
    label: 'Mood',
    unit: 'out of 10',
    summary: 'mean',
    measures: ['mood'],
    higherIsBetter: true,
  },
  {
    key: 'energy',
    label: 'Energy',
    unit: 'out of 10',
    summary: 'mean',
    measures: ['energy_morning', 'energy_midday', 'energy_evening'],
    higherIsBetter: true,
  },
  {
    key: 'sleep_hours',
    label: 'Sleep',
    unit: 'hours',
    summary: 'mean',
    measures: ['sleep_hours'],
    higherIsBetter: true,
  },
  {
    key: 'sleep_quality',
    label: 'Sleep quality',
    unit: 'out of 10',
    summary: 'mean',
    measures: ['sleep_quality'],
    higherIsBetter: true,
  },
  {
    key: 'stress',
    label: 'Stress',
    unit: 'out of 10',
    summary: 'mean',
    measures: ['stress'],
    higherIsBetter: false,
  },
  {
    key: 'movement',
    label: 'Movement',
    unit: 'minutes',
    summary: 'total',
    measures: ['movement'],
    higherIsBetter: true,
  },
  {
    key: 'fermented_days',
    label: 'Days with fermented food',
    unit: 'days',
    summary: 'days',
    measures: ['fermented_servings'],
    higherIsBetter: true,
    loggedBy: 'food_entries',
  },
  {
    key: 'steps',
    label: 'Steps',
    unit: 'a day',
    summary: 'mean',
    measures: ['steps'],
    higherIsBetter: true,
    optional: true,
  },
  {
    key: 'resting_heart_rate',
    label: 'Resting heart rate',
    unit: 'beats/min',
    summary: 'mean',
    measures: ['resting_heart_rate'],
    // Lower is usually fitter, but a change either way is for a clinician to read, not a score.
    higherIsBetter: false,
    optional: true,
  },
  {
    key: 'hrv_sdnn',
    label: 'Heart-rate variability (SDNN)',
    unit: 'ms',
    summary: 'mean',
    measures: ['hrv_sdnn'],
    higherIsBetter: true,
    optional: true,
  },
  {
    key: 'plants',
    label: 'Plants in the week',
    unit: 'plant points (goal 30)',
    summary: 'last',
    measures: ['plant_points_week'],
    higherIsBetter: true,
  },
];

export interface WeekRow {
  key: string;
  label: string;
  unit: string;
  higherIsBetter: boolean;
  thisWeek: number | null;
  lastWeek: number | null;
  /** Days with a value behind each figure. */
  thisDays: number;
  lastDays: number;
  /** thisWeek − lastWeek, when both exist. */
  change: number | null;
}

/** The day value of a measure group: the mean of its measures recorded that day. */
function dayValue(day: ReadonlyMap<string, number> | undefined, measures: readonly string[]): number | null {
  if (!day) return null;
  const xs = measures.flatMap((m) => (day.has(m) ? [day.get(m) as number] : []));
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

function summarise(
  matrix: Matrix,
  m: WeeklyMeasure,
  from: string,
  to: string,
): { value: number | null; days: number } {
  const values: number[] = [];
  for (let d = from; d <= to; d = addDays(d, 1)) {
    const day = matrix.get(d);
    const v = dayValue(day, m.measures);
    if (v !== null) values.push(v);
    // A logged day without the category counts as a day without it.
    else if (m.loggedBy && day?.has(m.loggedBy)) values.push(0);
  }
  if (values.length === 0) return { value: null, days: 0 };
  const sum = values.reduce((a, b) => a + b, 0);
  switch (m.summary) {
    case 'mean':
      return { value: sum / values.length, days: values.length };
    case 'total':
      return { value: sum, days: values.length };
    case 'days':
      return { value: values.filter((v) => v > 0).length, days: values.length };
    case 'last':
      return { value: values[values.length - 1] as number, days: values.length };
  }
}

export interface WeekComparison {
  thisWeek: { from: string; to: string };
  lastWeek: { from: string; to: string };
  rows: WeekRow[];
}

export function weekComparison(matrix: Matrix, end: string): WeekComparison {
  const thisWeek = { from: addDays(end, -6), to: end };
  const lastWeek = { from: addDays(end, -13), to: addDays(end, -7) };
  const rows = WEEKLY_MEASURES.flatMap((m): WeekRow[] => {
    const a = summarise(matrix, m, thisWeek.from, thisWeek.to);
    const b = summarise(matrix, m, lastWeek.from, lastWeek.to);
    if (m.optional && a.value === null && b.value === null) return [];
    const row: WeekRow = {
      key: m.key,
      label: m.label,
      unit: m.unit,
      higherIsBetter: m.higherIsBetter,
      thisWeek: a.value,
      lastWeek: b.value,
      thisDays: a.days,
      lastDays: b.days,
      change: a.value !== null && b.value !== null ? a.value - b.value : null,
    };
    return [row];
  });
  return { thisWeek, lastWeek, rows };
}
