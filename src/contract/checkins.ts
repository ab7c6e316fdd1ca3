/** The daily check-in: one form per day (core/checkin/checkin.ts holds the fields and rules). */
import { z } from 'zod';
import { checkinSchema } from '../core/checkin/checkin.ts';
import { localDate } from '../core/date-schemas.ts';
import { dateParams, noContent } from './common.ts';
import { endpoint } from './endpoint.ts';
import { supportScreen } from './safety.ts';
import { deviceValue } from './wearables.ts';

/** A check-in as stored: any of the form's fields (an imported day may hold values outside the form's scales). */
export const checkinValues = z.strictObject({
  mood: z.number().optional(),
  energyMorning: z.number().optional(),
  energyMidday: z.number().optional(),
  energyEvening: z.number().optional(),
  sleepHours: z.number().optional(),
  sleepQuality: z.number().optional(),
  bedtime: z.string().optional(),
  wakeTime: z.string().optional(),
  focus: z.number().optional(),
  lifeSatisfaction: z.number().optional(),
  stress: z.number().optional(),
  bloating: z.number().optional(),
  abdominalPain: z.number().optional(),
  bristol: z.number().optional(),
  note: z.string().optional(),
});

/** Values worked out from a check-in (core/checkin deriveCheckin). */
export const derivedCheckin = z.strictObject({
  sleepHours: z.number().optional(),
  energyAverage: z.number().optional(),
  gutComfort: z.number().optional(),
});

/** A day as History and Today show it: the person's own check-in and what another tracker brought in. */
export const checkinDay = z.strictObject({
  date: z.string(),
  checkin: checkinValues,
  derived: derivedCheckin,
  /** Values imported from another app for this date (read-only, marked with the app). */
  imported: z
    .array(z.strictObject({ source: z.string(), checkin: checkinValues, derived: derivedCheckin }))
    .optional(),
});

/**
 * A day as History lists it: a day with a check-in, imported tracker values or device values. The
 * device exports (Apple Health, Fitbit, Oura, Gadgetbridge) come whole in `devices`, each value with
 * its unit, export and devices, and so are not repeated in `imported` (which then holds the other
 * trackers: Daylio, Bearable, Loop).
 */
export const historyDay = checkinDay.extend({
  devices: z.array(deviceValue).optional(),
});

export const listCheckins = endpoint({
  method: 'GET',
  path: '/api/checkins',
  summary:
    'Days in a period, newest first: the person’s check-ins, values imported from other trackers and daily values from devices.',
  query: z.strictObject({
    from: localDate.optional(),
    to: localDate.optional(),
    limit: z.coerce.number().int().min(1).max(1000).optional(),
  }),
  output: z.strictObject({ days: z.array(historyDay) }),
});

export const getCheckin = endpoint({
  method: 'GET',
  path: '/api/checkins/:date',
  summary: "One day's check-in.",
  params: dateParams,
  output: checkinDay,
});

export const putCheckin = endpoint({
  method: 'PUT',
  path: '/api/checkins/:date',
  summary:
    "Saves one day's check-in (today or an earlier day); a support screen comes first when the diary rule fires.",
  params: dateParams,
  body: checkinSchema,
  output: z.strictObject({
    support: supportScreen.optional(),
    date: z.string(),
    checkin: checkinValues,
    derived: derivedCheckin,
  }),
});

export const deleteCheckin = endpoint({
  method: 'DELETE',
  path: '/api/checkins/:date',
  summary: "Removes one day's check-in.",
  params: dateParams,
  output: noContent,
  status: 204,
});
