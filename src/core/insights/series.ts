/**
 * Chart series for the Insights page, shared by server and browser: a trailing 7-day rolling mean
 * over calendar days, weeks counted back from a date, and the per-week figures the charts show
 * (plants against 30, days with fermented food).
 *
 * @example rollingMean([{ date: '2026-03-01', value: 6 }, …]) // → [{ date, value: mean or null }]
 */
import { addDays, daysBetween } from '../dates.ts';

export interface DatedValue {
  date: string;
  value: number;
}

/** Days the rolling window spans, and how many of them need a value before a mean is drawn. */
export const ROLLING_DAYS = 7;
export const ROLLING_MIN_VALUES = 4;

/**
 * For each dated value (sorted or not), the mean of the values in the 7 calendar days ending that
 * date; null when fewer than 4 of those days have a value, so a thin week does not draw a trend.
 */
export function rollingMean(
  points: readonly DatedValue[],
  days = ROLLING_DAYS,
  minValues = ROLLING_MIN_VALUES,
) {
  const sorted = [...points].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const out: { date: string; value: number | null }[] = [];
  let start = 0;
  let sum = 0;
  for (let i = 0; i < sorted.length; i++) {
    const p = sorted[i] as DatedValue;
    sum += p.value;
    while (daysBetween((sorted[start] as DatedValue).date, p.date) >= days) {
      sum -= (sorted[start] as DatedValue).value;
      start++;
    }
    const n = i - start + 1;
    out.push({ date: p.date, value: n >= minValues ? sum / n : null });
  }
  return out;
}

export interface WeekSpan {
  from: string;
  to: string;
}

/** `count` 7-day weeks ending on `to`, oldest first: the last is (to − 6 … to). */
export function weeksEnding(to: string, count: number): WeekSpan[] {
  const out: WeekSpan[] = [];
  for (let w = count - 1; w >= 0; w--) {
    const end = addDays(to, -7 * w);
    out.push({ from: addDays(end, -6), to: end });
  }
  return out;
}

/** The values of one week: those dated within it. */
function inWeek(points: readonly DatedValue[], week: WeekSpan): DatedValue[] {
  return points.filter((p) => p.date >= week.from && p.date <= week.to);
}

/**
 * Plants per week: the rolling 7-day plant count (`plant_points_week`) on the week's last day with
 * food logged — that count covers the 7 days ending then. Null for a week with no food logged.
 */
export function plantsPerWeek(plantPointsWeek: readonly DatedValue[], weeks: readonly WeekSpan[]) {
  return weeks.map((w) => {
    const last = inWeek(plantPointsWeek, w).sort((a, b) => (a.date < b.date ? 1 : -1))[0];
    return { ...w, plants: last ? last.value : null };
  });
}

/** Days in each week with a fermented serving, out of the days food was logged that week. */
export function fermentedDaysPerWeek(
  fermented: readonly DatedValue[],
  foodLogged: readonly DatedValue[],
  weeks: readonly WeekSpan[],
) {
  return weeks.map((w) => ({
    ...w,
    days: inWeek(fermented, w).filter((p) => p.value > 0).length,
    loggedDays: inWeek(foodLogged, w).filter((p) => p.value > 0).length,
  }));
}
