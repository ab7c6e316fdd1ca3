/**
 * Habits: the day's practices from the source article's optimisation guide, as one form that
 * writes observations with source 'habit' (like the check-in). Measure keys are the knowledge
 * graph's practice ids where one exists.
 *
 * @example
 * habitsToObservations({ movement: { minutes: 20, kind: 'walk' }, gratitude: ['sun', 'tea'] })
 * // → [{ measure: 'movement', value: 20, text: 'walk' }, { measure: 'gratitude', value: 2, text: 'sun\ntea' }]
 */
import { z } from 'zod';
import type { ObservationValue } from '../checkin/checkin.ts';
import { isTimeOfDay, minutesFromTime, timeFromMinutes } from '../dates.ts';
import { type Measure, registerMeasures } from '../tracking/measures.ts';

export const HABIT_SOURCE = 'habit';
export const MINUTES_IN_DAY = 1440;
export const GRATITUDE_MAX = 3;

const minutes = z
  .number({ error: 'must be a number of minutes' })
  .int({ error: 'must be whole minutes' })
  .min(0, { error: `must be between 0 and ${MINUTES_IN_DAY}` })
  .max(MINUTES_IN_DAY, { error: `must be between 0 and ${MINUTES_IN_DAY} (a day)` });
const timeOfDay = z.string().refine(isTimeOfDay, { error: 'must be a time of day like 07:30' });

export const MOVEMENT_KINDS = [
  'walk',
  'run',
  'cycle',
  'swim',
  'strength',
  'yoga',
  'dance',
  'sport',
  'housework',
  'other',
] as const;

/** The habit fields as stored and answered; a day with none is simply empty. */
export const habitFields = z.strictObject({
  morningSunlight: z.strictObject({ minutes, startTime: timeOfDay.optional() }).optional(),
  movement: z
    .strictObject({
      minutes,
      kind: z.enum(MOVEMENT_KINDS, { error: `must be one of ${MOVEMENT_KINDS.join(', ')}` }).optional(),
    })
    .optional(),
  meditation: minutes.optional(),
  breathing: minutes.optional(),
  conversation: z.boolean({ error: 'must be true or false' }).optional(),
  helping: z.boolean({ error: 'must be true or false' }).optional(),
  laughter: z.boolean({ error: 'must be true or false' }).optional(),
  gratitude: z
    .array(
      z
        .string({ error: 'must be text' })
        .trim()
        .min(1, { error: 'must not be empty' })
        .max(200, { error: 'must be at most 200 characters' })
        .refine((s) => !/[\r\n]/.test(s), { error: 'must be one line' }),
    )
    .max(GRATITUDE_MAX, { error: `at most ${GRATITUDE_MAX} entries` })
    .optional(),
  creative: z.boolean({ error: 'must be true or false' }).optional(),
  coldExposure: z.boolean({ error: 'must be true or false' }).optional(),
  nature: minutes.optional(),
  fastingHours: z
    .number({ error: 'must be a number of hours' })
    .min(0, { error: 'must be between 0 and 24' })
    .max(24, { error: 'must be between 0 and 24' })
    .optional(),
});

/** What a person saves: at least one habit (an empty day is a DELETE). */
export const habitsSchema = habitFields.refine((h) => Object.values(h).some((v) => v !== undefined), {
  error: 'fill in at least one habit',
  path: ['habits'],
});

export type Habits = z.infer<typeof habitsSchema>;

const yesno = (key: string, label: string): Measure => ({
  key,
  label,
  kind: 'yesno',
  group: 'habit',
  min: 0,
  max: 1,
  higherIsBetter: true,
});
const mins = (key: string, label: string): Measure => ({
  key,
  label,
  kind: 'minutes',
  group: 'habit',
  min: 0,
  max: MINUTES_IN_DAY,
  integer: true,
  unit: 'minutes',
  higherIsBetter: true,
});

export const HABIT_MEASURES: Measure[] = [
  mins('morning_sunlight', 'Morning sunlight'),
  {
    key: 'morning_sunlight_time',
    label: 'Morning sunlight started',
    kind: 'time',
    group: 'habit',
    min: 0,
    max: 1439,
    integer: true,
    unit: 'minutes after midnight',
  },
  mins('movement', 'Movement'),
  mins('meditation', 'Meditation'),
  mins('breathing', 'Breathing exercises'),
  yesno('social_connection', 'Meaningful conversation'),
  yesno('helping_others', 'Helped someone'),
  yesno('laughter', 'Laughter'),
  {
    key: 'gratitude',
    label: 'Gratitudes',
    kind: 'count',
    group: 'habit',
    min: 0,
    max: GRATITUDE_MAX,
    integer: true,
    higherIsBetter: true,
  },
  yesno('creative_expression', 'Creative activity'),
  yesno('cold_exposure', 'Cold exposure'),
  mins('nature', 'Time in nature'),
  {
    key: 'intermittent_fasting',
    label: 'Fasting window',
    kind: 'number',
    group: 'habit',
    min: 0,
    max: 24,
    unit: 'hours',
  },
];
registerMeasures(HABIT_MEASURES);

const BOOLEAN_HABITS = [
  ['conversation', 'social_connection'],
  ['helping', 'helping_others'],
  ['laughter', 'laughter'],
  ['creative', 'creative_expression'],
  ['coldExposure', 'cold_exposure'],
] as const;

/** The day's habits → observations. A "no" is kept as 0 so a day answered "no" differs from blank. */
export function habitsToObservations(h: Habits): ObservationValue[] {
  const out: ObservationValue[] = [];
  const put = (measure: string, value: number, text: string | null = null) =>
    out.push({ measure, value, text });
  if (h.morningSunlight) {
    put('morning_sunlight', h.morningSunlight.minutes);
    if (h.morningSunlight.startTime)
      put('morning_sunlight_time', minutesFromTime(h.morningSunlight.startTime));
  }
  if (h.movement) put('movement', h.movement.minutes, h.movement.kind ?? null);
  if (h.meditation !== undefined) put('meditation', h.meditation);
  if (h.breathing !== undefined) put('breathing', h.breathing);
  for (const [field, measure] of BOOLEAN_HABITS) {
    const v = h[field];
    if (v !== undefined) put(measure, v ? 1 : 0);
  }
  if (h.gratitude && h.gratitude.length > 0) put('gratitude', h.gratitude.length, h.gratitude.join('\n'));
  if (h.nature !== undefined) put('nature', h.nature);
  if (h.fastingHours !== undefined) put('intermittent_fasting', h.fastingHours);
  return out;
}

/** Observations of one day → the habits form (inverse of habitsToObservations). */
export function observationsToHabits(rows: readonly ObservationValue[]): Habits {
  const m = new Map(rows.map((r) => [r.measure, r]));
  const num = (k: string) => (m.get(k)?.value ?? undefined) as number | undefined;
  const h: Record<string, unknown> = {};
  const sun = num('morning_sunlight');
  if (sun !== undefined) {
    const t = num('morning_sunlight_time');
    h.morningSunlight = t === undefined ? { minutes: sun } : { minutes: sun, startTime: timeFromMinutes(t) };
  }
  const move = num('movement');
  if (move !== undefined) {
    const kind = m.get('movement')?.text;
    h.movement = kind ? { minutes: move, kind } : { minutes: move };
  }
  for (const k of ['meditation', 'breathing', 'nature'] as const) if (num(k) !== undefined) h[k] = num(k);
  for (const [field, measure] of BOOLEAN_HABITS)
    if (num(measure) !== undefined) h[field] = num(measure) === 1;
  const grat = m.get('gratitude')?.text;
  if (grat) h.gratitude = grat.split('\n');
  if (num('intermittent_fasting') !== undefined) h.fastingHours = num('intermittent_fasting');
  return h as Habits;
}

/**
 * True when sunlight began within `windowMinutes` after waking; undefined when either time is
 * missing. A start before the wake time (a night-shift day logged oddly) is not "after waking".
 */
export function sunlightWithinWindow(
  wakeMinutes: number | undefined,
  sunlightStartMinutes: number | undefined,
  windowMinutes = 120,
): boolean | undefined {
  if (wakeMinutes === undefined || sunlightStartMinutes === undefined) return undefined;
  const after = sunlightStartMinutes - wakeMinutes;
  return after >= 0 && after <= windowMinutes;
}
