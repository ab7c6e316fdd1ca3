/**
 * A day as GET /api/checkins answers it: the person's own check-in and, beside it, values imported
 * from another tracker. Imported values are read-only: they keep the app they came from, and a
 * check-in saved for the same day takes precedence wherever a day's value is read.
 */
import type { getCheckin } from '../../contract/checkins.ts';
import type { OutputOf } from '../../contract/endpoint.ts';

export type DayAnswer = OutputOf<typeof getCheckin>;
export type DerivedDay = DayAnswer['derived'];
/** Values another tracker brought in ('daylio', 'bearable', 'loop'). */
export type ImportedValues = NonNullable<DayAnswer['imported']>[number];

const APP_NAMES: Record<string, string> = {
  daylio: 'Daylio',
  bearable: 'Bearable',
  loop: 'Loop Habit Tracker',
  'apple-health': 'Apple Health',
  fitbit: 'Fitbit',
  oura: 'Oura',
  gadgetbridge: 'Gadgetbridge',
};

/** 'Daylio' for 'daylio': the name a person knows the app by. */
export function sourceName(source: string): string {
  return APP_NAMES[source] ?? source;
}

/** True when the person saved a check-in of their own for the day (not only imported values). */
export function hasOwnCheckin(day: Pick<DayAnswer, 'checkin'>): boolean {
  return Object.keys(day.checkin).length > 0;
}

/** The day's mood and energy for charts: the person's own value first, else the first imported one. */
export function dayHeadline(day: DayAnswer): { mood?: number; energy?: number } {
  const mood = day.checkin.mood ?? day.imported?.find((i) => i.checkin.mood !== undefined)?.checkin.mood;
  const energy =
    day.derived.energyAverage ??
    day.imported?.find((i) => i.derived.energyAverage !== undefined)?.derived.energyAverage;
  return { mood, energy };
}
