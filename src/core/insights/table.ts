/**
 * The day × measure matrix laid out for statistics: one Float64Array per measure over every
 * calendar day from the first to the last date (NaN where nothing was recorded), so "the next day"
 * is simply index + 1, plus the seven outcomes insights look at.
 *
 * @example
 * const table = dayTable(matrix); // matrix: Map<date, Map<measure, value>>
 * outcomeColumn(table, OUTCOMES[0]) // → mood per day
 */
import { addDays, daysBetween } from '../dates.ts';

export interface DayTable {
  /** Date of index 0; index i is addDays(firstDate, i). */
  firstDate: string;
  days: number;
  /** 1 on days with at least one observation of any measure. */
  tracked: Uint8Array;
  columns: Map<string, Float64Array>;
}

export interface Outcome {
  key:
    | 'mood'
    | 'energy'
    | 'focus'
    | 'stress'
    | 'sleep_quality'
    | 'life_satisfaction'
    | 'gut_comfort'
    | 'hrv_sdnn'
    | 'hrv_rmssd'
    | 'resting_heart_rate';
  label: string;
  /** The measures the outcome is made from (never used as its own factors). */
  measures: readonly string[];
  /** 'mean': the mean of those recorded that day; 'comfort': 10 − that mean. */
  combine: 'mean' | 'comfort';
  /** False for stress: lower is the better direction. */
  higherIsBetter: boolean;
  /**
   * Read by a watch or ring (issue 20), not typed: looked at only for people whose device gave it,
   * so nobody else meets an outcome they cannot have.
   */
  device?: true;
}

export const OUTCOMES: readonly Outcome[] = [
  { key: 'mood', label: 'mood', measures: ['mood'], combine: 'mean', higherIsBetter: true },
  {
    key: 'energy',
    label: 'energy',
    measures: ['energy_morning', 'energy_midday', 'energy_evening'],
    combine: 'mean',
    higherIsBetter: true,
  },
  { key: 'focus', label: 'focus', measures: ['focus'], combine: 'mean', higherIsBetter: true },
  { key: 'stress', label: 'stress', measures: ['stress'], combine: 'mean', higherIsBetter: false },
  {
    key: 'sleep_quality',
    label: 'sleep quality',
    measures: ['sleep_quality'],
    combine: 'mean',
    higherIsBetter: true,
  },
  {
    key: 'life_satisfaction',
    label: 'life satisfaction',
    measures: ['life_satisfaction'],
    combine: 'mean',
    higherIsBetter: true,
  },
  // Same rule as deriveCheckin: 10 − mean(bloating, abdominal pain), higher is more comfortable.
  {
    key: 'gut_comfort',
    label: 'gut comfort',
    measures: ['bloating', 'abdominal_pain'],
    combine: 'comfort',
    higherIsBetter: true,
  },
  // A device's nightly readings of the body (issue 20). SDNN (Apple) and RMSSD (Fitbit, Oura) are
  // different measures of variability, so each is its own outcome and they are never averaged.
  {
    key: 'hrv_sdnn',
    label: 'heart-rate variability (SDNN)',
    measures: ['hrv_sdnn'],
    combine: 'mean',
    higherIsBetter: true,
    device: true,
  },
  {
    key: 'hrv_rmssd',
    label: 'heart-rate variability (RMSSD)',
    measures: ['hrv_rmssd'],
    combine: 'mean',
    higherIsBetter: true,
    device: true,
  },
  {
    key: 'resting_heart_rate',
    label: 'resting heart rate',
    measures: ['resting_heart_rate'],
    combine: 'mean',
    higherIsBetter: false,
    device: true,
  },
];

export function dayTable(matrix: ReadonlyMap<string, ReadonlyMap<string, number>>): DayTable {
  const dates = [...matrix.keys()].sort();
  const firstDate = dates[0] ?? '1970-01-01';
  const days = dates.length ? daysBetween(firstDate, dates[dates.length - 1] as string) + 1 : 0;
  const tracked = new Uint8Array(days);
  const columns = new Map<string, Float64Array>();
  const origin = dayNumber(firstDate);
  for (const date of dates) {
    const day = matrix.get(date);
    if (!day || day.size === 0) continue;
    const i = dayNumber(date) - origin;
    tracked[i] = 1;
    for (const [measure, value] of day) {
      let col = columns.get(measure);
      if (!col) {
        col = new Float64Array(days).fill(Number.NaN);
        columns.set(measure, col);
      }
      col[i] = value;
    }
  }
  return { firstDate, days, tracked, columns };
}

/** Days since 1970-01-01 of a `YYYY-MM-DD` date (the loop-friendly twin of daysBetween). */
function dayNumber(date: string): number {
  const y = Number(date.slice(0, 4));
  const m = Number(date.slice(5, 7));
  const d = Number(date.slice(8, 10));
  return Date.UTC(y, m - 1, d) / 86_400_000;
}

export function dateAt(table: DayTable, index: number): string {
  return addDays(table.firstDate, index);
}

/** The outcome per day (NaN on days none of its measures was recorded). */
export function outcomeColumn(table: DayTable, outcome: Outcome): Float64Array {
  const parts = outcome.measures.map((m) => table.columns.get(m)).filter((c) => c !== undefined);
  const out = new Float64Array(table.days).fill(Number.NaN);
  for (let i = 0; i < table.days; i++) {
    let sum = 0;
    let n = 0;
    for (const col of parts) {
      const v = col[i] as number;
      if (!Number.isNaN(v)) {
        sum += v;
        n++;
      }
    }
    if (n > 0) out[i] = outcome.combine === 'comfort' ? 10 - sum / n : sum / n;
  }
  return out;
}
