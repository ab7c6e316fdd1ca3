/**
 * What the everyday check-in fills in from the person's recent days, so a typical day needs taps
 * only: bedtime and wake time from the latest day that has them (typed only when last night was
 * different), and "same as last time" for the fields that change slowly.
 */
import type { Checkin } from '../../core/checkin/checkin.ts';
import { addDays } from '../../core/dates.ts';
import type { DayAnswer } from '../days/days.ts';

/** Fields that usually stay the same from one day to the next: one tap copies them all. */
export const SLOW_FIELDS = [
  'lifeSatisfaction',
  'bedtime',
  'wakeTime',
  'sleepHours',
  'bloating',
  'abdominalPain',
] as const satisfies readonly (keyof Checkin)[];

/** The person's own check-ins before `date`, newest first (imported-only days left out). */
function ownDaysBefore(recent: readonly DayAnswer[], date: string): DayAnswer[] {
  return recent
    .filter((d) => d.date < date && Object.keys(d.checkin).length > 0)
    .sort((a, b) => (a.date < b.date ? 1 : -1));
}

/**
 * Bedtime and wake time from the latest earlier check-in that has both, with its date.
 * @example timesFromRecent([{ date: '2026-03-09', checkin: { bedtime: '23:15', wakeTime: '07:00' } }], '2026-03-10')
 * // → { from: '2026-03-09', values: { bedtime: '23:15', wakeTime: '07:00' } }
 */
export function timesFromRecent(
  recent: readonly DayAnswer[],
  date: string,
): { from: string; values: Pick<Checkin, 'bedtime' | 'wakeTime'> } | undefined {
  const day = ownDaysBefore(recent, date).find((d) => d.checkin.bedtime && d.checkin.wakeTime);
  if (!day) return undefined;
  return { from: day.date, values: { bedtime: day.checkin.bedtime, wakeTime: day.checkin.wakeTime } };
}

/**
 * The slow-changing fields of the latest earlier check-in, and whether that was the day before.
 * Undefined when no earlier check-in has any of them.
 */
export function slowFieldsFromRecent(
  recent: readonly DayAnswer[],
  date: string,
): { from: string; yesterday: boolean; values: Partial<Checkin> } | undefined {
  for (const day of ownDaysBefore(recent, date)) {
    const values: Partial<Record<keyof Checkin, number | string>> = {};
    for (const f of SLOW_FIELDS) {
      const v = day.checkin[f];
      if (v !== undefined) values[f] = v;
    }
    if (Object.keys(values).length > 0) {
      return {
        from: day.date,
        yesterday: day.date === addDays(date, -1),
        values: values as Partial<Checkin>,
      };
    }
  }
  return undefined;
}
