/**
 * What the recommendation rules look at: the person's last 14 days of the day × measure matrix,
 * their latest questionnaire scores and their latest microbiome sample — plain values, no I/O.
 *
 * @example
 * const days = recentDays(matrix, '2026-03-31'); // 14 days, oldest first
 * daysWith(days.slice(-7), 'breathing')          // → days with breathing minutes > 0
 */
import { addDays } from '../dates.ts';

/** The rules read the last two weeks: long enough to see a pattern, short enough to be "now". */
export const WINDOW_DAYS = 14;
/** Fewer logged days than this in the window and the diary rules stay quiet. */
export const MIN_LOGGED_DAYS = 7;
/** A questionnaire older than this is not "recent" (they repeat every 2 weeks). */
export const SCREENER_FRESH_DAYS = 30;
/** A microbiome sample older than this says little about the gut today. */
export const SAMPLE_FRESH_DAYS = 365;

export interface Day {
  date: string;
  values: ReadonlyMap<string, number>;
}

export interface ScreenerScore {
  instrument: 'phq9' | 'gad7' | 'who5';
  date: string;
  score: number;
  /** The instrument's own band label, e.g. "Mild". */
  bandLabel: string;
}

export interface MicrobiomeSummary {
  date: string;
  label: string;
  /** Mood-associated taxa by graph node id (faecalibacterium, coprococcus, …): detected or not. */
  taxa: ReadonlyMap<string, boolean>;
}

export interface PersonState {
  today: string;
  /** The last WINDOW_DAYS calendar days ending today, oldest first (empty maps on unlogged days). */
  days: Day[];
  /** The latest score of each instrument, if any. */
  screeners: ScreenerScore[];
  microbiome: MicrobiomeSummary | null;
}

/** The 14 calendar days ending `today`, oldest first, from a date → (measure → value) matrix. */
export function recentDays(matrix: ReadonlyMap<string, ReadonlyMap<string, number>>, today: string): Day[] {
  const out: Day[] = [];
  for (let i = WINDOW_DAYS - 1; i >= 0; i--) {
    const date = addDays(today, -i);
    out.push({ date, values: matrix.get(date) ?? new Map() });
  }
  return out;
}

/** Days with at least one observation of anything. */
export function loggedDays(days: readonly Day[]): Day[] {
  return days.filter((d) => d.values.size > 0);
}

/** Logged days on which `measure` is above zero. */
export function daysWith(days: readonly Day[], measure: string): number {
  return days.filter((d) => (d.values.get(measure) ?? 0) > 0).length;
}

/** Values of `measure` on the days that have one. */
export function valuesOf(days: readonly Day[], measure: string): number[] {
  return days.flatMap((d) => {
    const v = d.values.get(measure);
    return v === undefined ? [] : [v];
  });
}

/** Sum of `measure` over the days (missing counts as 0). */
export function total(days: readonly Day[], measure: string): number {
  return valuesOf(days, measure).reduce((a, b) => a + b, 0);
}

export function mean(xs: readonly number[]): number | null {
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : null;
}

/** The last 7 of the window's days. */
export function lastWeek(days: readonly Day[]): Day[] {
  return days.slice(-7);
}

/** A score no older than SCREENER_FRESH_DAYS, else undefined. */
export function freshScore(
  state: PersonState,
  instrument: ScreenerScore['instrument'],
): ScreenerScore | undefined {
  const s = state.screeners.find((x) => x.instrument === instrument);
  return s && s.date > addDays(state.today, -SCREENER_FRESH_DAYS) ? s : undefined;
}

/** "6.2" — one decimal, as the rest of the app writes averages. */
export function oneDecimal(x: number): string {
  return x.toFixed(1);
}
