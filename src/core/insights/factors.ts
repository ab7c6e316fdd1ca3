/**
 * Factors: every measure with numbers in the table, each read either as presence (yes/no, counts
 * and food servings: a day "with" or "without") or as a continuous value (scales, hours, minutes,
 * times).
 *
 * A yes/no or count measure that is missing on a tracked day inside its own tracked span (its first
 * to last recorded day) counts as "without": people log the kefir they had, not the kefir they
 * didn't. Outside that span, or on days with nothing tracked at all, it stays unknown.
 *
 * Only levers (something a person can change: habits, foods, plant points, sleep timing, their own
 * measures) are paired with outcomes. The outcomes' own readings (energy in the morning, bloating…)
 * and the stool type are signals, not levers: how they move together is a separate view.
 */
import { type Measure, measureByKey } from '../tracking/measures.ts';
import { sortedOrder } from './ranks.ts';
import { type DayTable, OUTCOMES } from './table.ts';

export type FactorKind = 'presence' | 'continuous';

export interface Factor {
  key: string;
  label: string;
  kind: FactorKind;
  /** Measure kind when registered ('time' reads as later/earlier rather than more/less). */
  measureKind: Measure['kind'] | undefined;
  /** presence: 1 with, 0 without, NaN unknown; continuous: the value or NaN. */
  column: Float64Array;
  /** Days sorted by value (continuous factors only), for ranking subsets without re-sorting. */
  order: Int32Array | undefined;
}

export type MeasureLookup = (key: string) => Measure | undefined;

function isZeroOne(column: Float64Array): boolean {
  for (const v of column) if (!Number.isNaN(v) && v !== 0 && v !== 1) return false;
  return true;
}

export function factorKindOf(measure: Measure | undefined, column: Float64Array): FactorKind | undefined {
  if (measure?.kind === 'text') return undefined;
  if (measure?.kind === 'yesno' || measure?.kind === 'count') return 'presence';
  // Food servings are written only on days the food was eaten: read as days with vs without.
  if (measure?.unit === 'servings') return 'presence';
  if (measure) return 'continuous';
  // Custom measures nobody registered: 0/1 data reads as yes/no.
  return isZeroOne(column) ? 'presence' : 'continuous';
}

function presenceColumn(table: DayTable, raw: Float64Array): Float64Array {
  let first = -1;
  let last = -1;
  for (let i = 0; i < raw.length; i++) {
    if (!Number.isNaN(raw[i] as number)) {
      if (first < 0) first = i;
      last = i;
    }
  }
  const out = new Float64Array(raw.length).fill(Number.NaN);
  for (let i = first; i >= 0 && i <= last; i++) {
    const v = raw[i] as number;
    if (!Number.isNaN(v)) out[i] = v > 0 ? 1 : 0;
    else if (table.tracked[i] === 1) out[i] = 0;
  }
  return out;
}

export function labelOf(key: string, measure: Measure | undefined): string {
  const label = (measure?.label ?? key.replaceAll('_', ' ')).toLowerCase();
  // "Days with fermented (live cultures) food", not "… servings": the day is with or without it.
  return measure?.unit === 'servings' && (measure.kind === 'number' || measure.kind === 'count')
    ? label.replace(/ servings$/, ' food')
    : label;
}

/** Measures that are readings of how the person is, not things they do. */
const SIGNALS: ReadonlySet<string> = new Set([
  ...OUTCOMES.flatMap((o) => o.measures),
  'bristol',
  // Readings a watch takes of the body (issue 20): how the night or heart went, not something to do.
  // Steps, daylight, mindful minutes, workouts and sleep hours and times stay levers.
  'resting_heart_rate',
  'hrv_sdnn',
  'hrv_rmssd',
  'respiratory_rate',
  'time_in_bed_hours',
  'sleep_efficiency',
  'deep_sleep_minutes',
  'rem_sleep_minutes',
  'core_sleep_minutes',
  'awake_minutes',
]);

/** True for something a person can change (a habit, a food, sleep timing, a measure of their own). */
export function isLever(key: string): boolean {
  return !SIGNALS.has(key);
}

/** One measure of the table as a factor; undefined when absent or not comparable (text). */
export function factorOf(
  table: DayTable,
  key: string,
  lookup: MeasureLookup = measureByKey,
): Factor | undefined {
  const raw = table.columns.get(key);
  if (!raw) return undefined;
  const measure = lookup(key);
  const kind = factorKindOf(measure, raw);
  if (!kind) return undefined;
  const column = kind === 'presence' ? presenceColumn(table, raw) : raw;
  return {
    key,
    label: labelOf(key, measure),
    kind,
    measureKind: measure?.kind,
    column,
    order: kind === 'continuous' ? sortedOrder(column) : undefined,
  };
}

/** Every lever of the table as a factor, in key order. */
export function factorsOf(table: DayTable, lookup: MeasureLookup = measureByKey): Factor[] {
  const factors: Factor[] = [];
  for (const key of [...table.columns.keys()].sort()) {
    if (!isLever(key)) continue;
    const f = factorOf(table, key, lookup);
    if (f) factors.push(f);
  }
  return factors;
}
