/**
 * Input schemas for logging foods and adding custom foods (shared by the server and the forms),
 * and the rule that puts an entry on the person's own calendar date.
 *
 * @example entryDate({ loggedAt: '2026-03-11T03:30:00Z' }, 'America/New_York') // → '2026-03-10'
 */
import { z } from 'zod';
import { instant, localDate } from '../date-schemas.ts';
import { localDateAt } from '../dates.ts';
import { FOOD_CATEGORIES, PLANT_KINDS } from './categories.ts';
import { MEALS } from './derive.ts';

export const SERVINGS_MAX = 20;

export const foodEntryInputSchema = z.strictObject({
  foodId: z.string({ error: 'must be a food id' }).min(1, { error: 'must be a food id' }).max(80),
  meal: z.enum(MEALS, { error: `must be one of ${MEALS.join(', ')}` }),
  servings: z
    .number({ error: 'must be a number' })
    .positive({ error: 'must be more than 0' })
    .max(SERVINGS_MAX, { error: `must be at most ${SERVINGS_MAX}` }),
  /** The local date; when absent, the local date at `loggedAt` (or now) in the person's zone. */
  date: localDate.optional(),
  loggedAt: instant.optional(),
  /** The browser's own id for the entry: sending it again answers the entry already made. */
  clientId: z.uuid({ error: 'must be a UUID' }).optional(),
});
export type FoodEntryInput = z.infer<typeof foodEntryInputSchema>;

export const foodEntryUpdateSchema = foodEntryInputSchema
  .pick({ meal: true, servings: true, date: true })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { error: 'change at least one field', path: ['entry'] });

const snake = /^[a-z][a-z0-9_]*$/;

export const customFoodInputSchema = z
  .strictObject({
    name: z.string({ error: 'must be text' }).trim().min(1, { error: 'is required' }).max(80),
    categories: z
      .array(z.enum(FOOD_CATEGORIES, { error: 'is not a category we know' }))
      .max(12)
      .default([]),
    plantKind: z.enum(PLANT_KINDS, { error: `must be one of ${PLANT_KINDS.join(', ')}` }).optional(),
    plant: z.string().regex(snake, { error: 'must be lower-case words joined by _' }).max(60).optional(),
  })
  .refine((v) => (v.plant === undefined) === (v.plantKind === undefined), {
    error: 'give both the plant and its kind, or neither',
    path: ['plant'],
  });
export type CustomFoodInput = z.infer<typeof customFoodInputSchema>;

/** The calendar date an entry belongs to: the given date, else the local date when it was eaten. */
export function entryDate(
  input: { date?: string; loggedAt?: string },
  timeZone: string,
  now: Date = new Date(),
): string {
  if (input.date) return input.date;
  return localDateAt(input.loggedAt ? new Date(input.loggedAt) : now, timeZone);
}
