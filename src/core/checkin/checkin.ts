/**
 * The daily check-in: its schema (shared by the server and the browser form), the mapping to
 * observations, and the values derived from it.
 *
 * @example
 * const c = checkinSchema.parse({ mood: 7, bedtime: '23:30', wakeTime: '07:00' });
 * deriveCheckin(c).sleepHours // → 7.5 (from the times, since sleepHours was not given)
 */
import { z } from 'zod';
import { isTimeOfDay, minutesFromTime, timeFromMinutes } from '../dates.ts';
import type { CheckinMeasureKey } from '../tracking/measures.ts';
import { BRISTOL_TYPES, NOTE_MAX } from './limits.ts';

const scale = (min: number, max: number) =>
  z
    .number({ error: 'must be a number' })
    .int({ error: 'must be a whole number' })
    .min(min, { error: `must be between ${min} and ${max}` })
    .max(max, { error: `must be between ${min} and ${max}` });

const timeOfDay = z.string().refine(isTimeOfDay, { error: 'must be a time of day like 23:30' });

export { BRISTOL_TYPES, NOTE_MAX };

export const checkinSchema = z
  .strictObject({
    mood: scale(1, 10).optional(),
    energyMorning: scale(1, 10).optional(),
    energyMidday: scale(1, 10).optional(),
    energyEvening: scale(1, 10).optional(),
    sleepHours: z
      .number({ error: 'must be a number' })
      .min(0, { error: 'must be between 0 and 24' })
      .max(24, { error: 'must be between 0 and 24' })
      .optional(),
    sleepQuality: scale(1, 10).optional(),
    bedtime: timeOfDay.optional(),
    wakeTime: timeOfDay.optional(),
    focus: scale(1, 10).optional(),
    lifeSatisfaction: scale(1, 10).optional(),
    stress: scale(1, 10).optional(),
    bloating: scale(0, 10).optional(),
    abdominalPain: scale(0, 10).optional(),
    bristol: scale(1, 7).optional(),
    note: z
      .string({ error: 'must be text' })
      .max(NOTE_MAX, { error: `must be at most ${NOTE_MAX} characters` })
      .optional(),
  })
  .refine((c) => Object.values(c).some((v) => v !== undefined && v !== ''), {
    error: 'fill in at least one field',
    path: ['checkin'],
  });

export type Checkin = z.infer<typeof checkinSchema>;
export type CheckinField = keyof Checkin;

/** Form field → measure key. One place, so a rename can't split the two. */
export const CHECKIN_FIELD_MEASURE: Record<CheckinField, CheckinMeasureKey> = {
  mood: 'mood',
  energyMorning: 'energy_morning',
  energyMidday: 'energy_midday',
  energyEvening: 'energy_evening',
  sleepHours: 'sleep_hours',
  sleepQuality: 'sleep_quality',
  bedtime: 'bedtime',
  wakeTime: 'wake_time',
  focus: 'focus',
  lifeSatisfaction: 'life_satisfaction',
  stress: 'stress',
  bloating: 'bloating',
  abdominalPain: 'abdominal_pain',
  bristol: 'bristol',
  note: 'note',
};

/** One stored value: numbers in `value`, the note in `text`. */
export interface ObservationValue {
  measure: string;
  value: number | null;
  text: string | null;
}

/** Check-in → the observations it stands for (times become minutes after midnight). */
export function checkinToObservations(checkin: Checkin): ObservationValue[] {
  const out: ObservationValue[] = [];
  for (const [field, measure] of Object.entries(CHECKIN_FIELD_MEASURE) as [CheckinField, string][]) {
    const v = checkin[field];
    if (v === undefined) continue;
    if (field === 'note') {
      const note = String(v).trim();
      if (note) out.push({ measure, value: null, text: note });
    } else if (field === 'bedtime' || field === 'wakeTime') {
      out.push({ measure, value: minutesFromTime(v as string), text: null });
    } else {
      out.push({ measure, value: v as number, text: null });
    }
  }
  return out;
}

const FIELD_OF_MEASURE = new Map<string, CheckinField>(
  (Object.entries(CHECKIN_FIELD_MEASURE) as [CheckinField, string][]).map(([f, m]) => [m, f]),
);

/**
 * Observations of one day → the check-in they came from (inverse of checkinToObservations).
 * History reads this for every day shown, so it walks the rows once.
 */
export function observationsToCheckin(rows: readonly ObservationValue[]): Checkin {
  const out: Record<string, number | string> = {};
  for (const r of rows) {
    const field = FIELD_OF_MEASURE.get(r.measure);
    if (!field) continue;
    if (field === 'note') {
      if (r.text) out[field] = r.text;
    } else if (r.value !== null) {
      out[field] = field === 'bedtime' || field === 'wakeTime' ? timeFromMinutes(r.value) : r.value;
    }
  }
  return out as Checkin;
}

/**
 * Hours asleep between a bedtime and a wake time, crossing midnight when needed:
 * 23:30 → 07:00 is 7.5 h; 01:00 → 09:00 is 8 h. Equal times give 0, not 24.
 */
export function sleepHoursBetween(bedtime: string, wakeTime: string): number {
  const diff = (minutesFromTime(wakeTime) - minutesFromTime(bedtime) + 1440) % 1440;
  return diff / 60;
}

export interface DerivedCheckin {
  /** Reported sleep hours, else the span from bedtime to wake time. */
  sleepHours: number | undefined;
  /** Mean of the energy readings given (morning, midday, evening). */
  energyAverage: number | undefined;
  /** 10 − the mean of bloating and abdominal pain: higher is more comfortable. */
  gutComfort: number | undefined;
}

const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined);

export function deriveCheckin(c: Checkin): DerivedCheckin {
  const energies = [c.energyMorning, c.energyMidday, c.energyEvening].filter(
    (v): v is number => v !== undefined,
  );
  const gut = [c.bloating, c.abdominalPain].filter((v): v is number => v !== undefined);
  const gutMean = mean(gut);
  return {
    sleepHours:
      c.sleepHours ?? (c.bedtime && c.wakeTime ? sleepHoursBetween(c.bedtime, c.wakeTime) : undefined),
    energyAverage: mean(energies),
    gutComfort: gutMean === undefined ? undefined : 10 - gutMean,
  };
}
