/**
 * Custom measures: a person adds their own (a 1–10 scale, a number with a unit, yes/no or
 * minutes). Their values are observations like any other, keyed `custom_<id>`, so programs and
 * insights read them through the same day × measure matrix.
 *
 * @example customValueSchema('scale').parse(7) // → 7; customValueSchema('scale').parse(11) throws
 */
import { z } from 'zod';
import type { Measure } from '../tracking/measures.ts';
import { MINUTES_IN_DAY } from './habits.ts';

export const CUSTOM_KINDS = ['scale', 'number', 'yesno', 'minutes'] as const;
export type CustomKind = (typeof CUSTOM_KINDS)[number];
export const CUSTOM_SOURCE = 'custom';

export const customMeasureInputSchema = z
  .strictObject({
    name: z
      .string({ error: 'must be text' })
      .trim()
      .min(1, { error: 'is required' })
      .max(60, { error: 'must be at most 60 characters' }),
    kind: z.enum(CUSTOM_KINDS, { error: `must be one of ${CUSTOM_KINDS.join(', ')}` }),
    unit: z
      .string({ error: 'must be text' })
      .trim()
      .min(1)
      .max(20, { error: 'must be at most 20 characters' })
      .optional(),
  })
  .refine((m) => m.kind === 'number' || m.unit === undefined, {
    error: 'only a number measure has a unit',
    path: ['unit'],
  })
  .refine((m) => m.kind !== 'number' || m.unit !== undefined, {
    error: 'a number measure needs a unit',
    path: ['unit'],
  });
export type CustomMeasureInput = z.infer<typeof customMeasureInputSchema>;

/** The schema for one value of a measure of `kind`; yes/no takes true/false and stores 1/0. */
export function customValueSchema(kind: CustomKind): z.ZodType<number, unknown> {
  switch (kind) {
    case 'scale':
      return z
        .number({ error: 'must be a number' })
        .int({ error: 'must be a whole number' })
        .min(1, { error: 'must be between 1 and 10' })
        .max(10, { error: 'must be between 1 and 10' });
    case 'minutes':
      return z
        .number({ error: 'must be a number of minutes' })
        .int({ error: 'must be whole minutes' })
        .min(0, { error: `must be between 0 and ${MINUTES_IN_DAY}` })
        .max(MINUTES_IN_DAY, { error: `must be between 0 and ${MINUTES_IN_DAY} (a day)` });
    case 'yesno':
      return z.boolean({ error: 'must be true or false' }).transform((b) => (b ? 1 : 0));
    case 'number':
      return z.number({ error: 'must be a number' }).min(-1e9).max(1e9);
  }
}

export const customMeasureKey = (id: string) => `custom_${id}`;

/** A stored custom measure as a Measure, for pickers and charts. */
export function customMeasureToMeasure(m: {
  id: string;
  name: string;
  kind: CustomKind;
  unit: string | null;
}): Measure {
  const base = { key: customMeasureKey(m.id), label: m.name, group: 'custom' as const };
  switch (m.kind) {
    case 'scale':
      return { ...base, kind: 'scale', min: 1, max: 10, integer: true };
    case 'minutes':
      return { ...base, kind: 'minutes', min: 0, max: MINUTES_IN_DAY, integer: true, unit: 'minutes' };
    case 'yesno':
      return { ...base, kind: 'yesno', min: 0, max: 1 };
    case 'number':
      return { ...base, kind: 'number', unit: m.unit ?? undefined };
  }
}
