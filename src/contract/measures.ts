/** Measures: everything trackable (for pickers), and the person's own custom measures and their values. */
import { z } from 'zod';
import { localDate } from '../core/date-schemas.ts';
import { CUSTOM_KINDS, customMeasureInputSchema } from '../core/habits/custom-measures.ts';
import { id, idParams, noContent, periodQuery } from './common.ts';
import { endpoint } from './endpoint.ts';

/** Anything trackable, as pickers, charts and insights read it (core/tracking/measures.ts). */
export const measure = z.strictObject({
  key: z.string(),
  label: z.string(),
  kind: z.enum(['scale', 'number', 'minutes', 'yesno', 'count', 'time', 'text']),
  group: z.enum(['checkin', 'sleep', 'gut', 'food', 'habit', 'custom', 'device']),
  min: z.number().optional(),
  max: z.number().optional(),
  integer: z.boolean().optional(),
  unit: z.string().optional(),
  higherIsBetter: z.boolean().optional(),
});

export const customMeasure = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: z.enum(CUSTOM_KINDS),
  unit: z.string().nullable(),
  measure,
});

const valueParams = z.strictObject({ id, date: localDate });

export const listMeasures = endpoint({
  method: 'GET',
  path: '/api/measures',
  summary: 'Every measure the person can track: the built-in ones and their own.',
  output: z.strictObject({ measures: z.array(measure) }),
});

export const listCustomMeasures = endpoint({
  method: 'GET',
  path: '/api/measures/custom',
  summary: 'The person’s own measures.',
  output: z.strictObject({ measures: z.array(customMeasure) }),
});

export const addCustomMeasure = endpoint({
  method: 'POST',
  path: '/api/measures/custom',
  summary: 'Adds a measure of the person’s own (a 1–10 scale, a number with a unit, yes/no or minutes).',
  body: customMeasureInputSchema,
  output: z.strictObject({ measure: customMeasure }),
  status: 201,
});

export const deleteCustomMeasure = endpoint({
  method: 'DELETE',
  path: '/api/measures/custom/:id',
  summary: 'Puts away one of the person’s own measures.',
  params: idParams,
  output: noContent,
  status: 204,
});

export const listCustomValues = endpoint({
  method: 'GET',
  path: '/api/measures/custom/:id/values',
  summary: 'The values of one of the person’s measures in a period (all of them when no period is given).',
  params: idParams,
  query: periodQuery,
  output: z.strictObject({ values: z.array(z.strictObject({ date: z.string(), value: z.number() })) }),
});

export const putCustomValue = endpoint({
  method: 'PUT',
  path: '/api/measures/custom/:id/values/:date',
  summary:
    "Sets one day's value (today or an earlier day); yes/no measures take true or false and store 1 or 0.",
  params: valueParams,
  // The value's rule depends on the measure's kind, so the service checks it once the measure is found.
  body: z.strictObject({
    value: z
      .unknown()
      .describe('A number (scale 1–10, minutes 0–1440, or any number), or true/false for yes/no.'),
  }),
  output: z.strictObject({ date: z.string(), value: z.number() }),
});

export const deleteCustomValue = endpoint({
  method: 'DELETE',
  path: '/api/measures/custom/:id/values/:date',
  summary: "Removes one day's value.",
  params: valueParams,
  output: noContent,
  status: 204,
});
