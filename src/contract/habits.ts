/** Habits: one form per day, like the check-in (core/habits/habits.ts holds the fields and rules). */
import { z } from 'zod';
import { habitFields, habitsSchema } from '../core/habits/habits.ts';
import { dateParams, noContent } from './common.ts';
import { endpoint } from './endpoint.ts';

export const habitDay = z.strictObject({
  date: z.string(),
  habits: habitFields,
  /** Whether the day's check-in has a wake time (the sunlight window needs one). */
  wakeTimeLogged: z.boolean(),
  /** Whether morning sunlight began within 2 h of waking; null when either time is missing. */
  sunlightWithinTwoHoursOfWaking: z.boolean().nullable(),
});

export const getHabitDay = endpoint({
  method: 'GET',
  path: '/api/habits/:date',
  summary: "One day's habits, and whether the sunlight came within two hours of waking.",
  params: dateParams,
  output: habitDay,
});

export const putHabitDay = endpoint({
  method: 'PUT',
  path: '/api/habits/:date',
  summary: "Replaces one day's habits (today or an earlier day).",
  params: dateParams,
  body: habitsSchema,
  output: habitDay,
});

export const deleteHabitDay = endpoint({
  method: 'DELETE',
  path: '/api/habits/:date',
  summary: "Removes one day's habits.",
  params: dateParams,
  output: noContent,
  status: 204,
});
