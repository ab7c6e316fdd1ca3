/**
 * The safety pathway: regions and their numbers (public — anyone may need them), the person's
 * region, the diary prompt's status and its one 7-day dismissal. The support screen's shape is
 * defined here once; screeners, recommendations, check-ins and the weekly report answer it too.
 */
import { z } from 'zod';
import { isRegionId } from '../core/safety/regions.ts';
import { RED_FLAG_IDS } from '../core/screeners/signals.ts';
import { localDate } from './common.ts';
import { endpoint } from './endpoint.ts';

/** One way to reach help, as published (core/safety/crisis-lines.ts). */
export const contact = z.strictObject({
  name: z.string(),
  number: z.string(),
  dial: z.string().optional(),
  text: z.string().optional(),
  textLabel: z.string().optional(),
  hours: z.string(),
  detail: z.string(),
  url: z.string().optional(),
  source: z.string(),
  checked: localDate,
});

export const region = z.strictObject({
  id: z.string(),
  name: z.string(),
  emergency: contact,
  crisisLines: z.array(contact).readonly(),
  fallback: z.boolean(),
  sources: z.array(z.string()).readonly(),
  reviewed: z.string(),
});

export const professionalKind = z.strictObject({
  id: z.enum([
    'psychiatrist',
    'psychologist',
    'general_practitioner',
    'nutrition_professional',
    'integrative_doctor',
  ]),
  name: z.string(),
  description: z.string(),
});

export const triggerCode = z.enum([
  'phq9_item9',
  'red_flag_harm',
  'red_flag',
  'phq9_severe',
  'gad7_severe',
  'who5_very_low',
  'phq9_rise',
  'low_mood_pattern',
  'phq9_moderate',
  'gad7_moderate',
  'who5_low',
]);

export const safetyTrigger = z.strictObject({
  code: triggerCode,
  level: z.enum(['urgent', 'professional', 'mention']),
  message: z.string(),
  redFlags: z.array(z.enum(RED_FLAG_IDS)).optional(),
});

/** The support screen (core/safety/support.ts): the one shape every answer that carries one uses. */
export const supportScreen = z.strictObject({
  kind: z.enum(['urgent', 'professional', 'diary']),
  heading: z.string(),
  intro: z.string(),
  firstStep: z.string().nullable(),
  triggers: z.array(safetyTrigger),
  region,
  professionals: z.array(professionalKind).readonly(),
  dismissible: z.boolean(),
});

/** The region the support screen uses, and whether it is the person's setting or the browser's. */
export const regionChoice = z.strictObject({ id: z.string(), source: z.enum(['settings', 'locale']) });

export const getSafetyRegions = endpoint({
  method: 'GET',
  path: '/api/safety/regions',
  summary:
    'Every region with its emergency number and crisis lines, the kinds of professional help, and the region the browser suggests.',
  // Public on purpose: the crisis numbers must be reachable without an account.
  access: 'public',
  output: z.strictObject({
    regions: z.array(region).readonly(),
    professionals: z.array(professionalKind).readonly(),
    localeRegion: z.string(),
  }),
});

export const getSafetyStatus = endpoint({
  method: 'GET',
  path: '/api/safety/status',
  summary: "The diary prompt when it is showing, the person's region, and until when the prompt is put away.",
  output: z.strictObject({
    support: supportScreen.nullable(),
    region: regionChoice,
    snoozedUntil: z.iso.datetime().nullable(),
  }),
});

export const putSafetyRegion = endpoint({
  method: 'PUT',
  path: '/api/safety/region',
  summary: "Sets the region whose numbers the support screen shows (null: the browser's).",
  body: z.strictObject({
    region: z
      .string({ error: 'must be a region id' })
      .refine(isRegionId, {
        error:
          'must be one of the regions listed at /api/safety/regions (a country code such as DE, or INTL)',
      })
      .nullable(),
  }),
  output: z.strictObject({ region: regionChoice }),
});

export const postSafetyDismissal = endpoint({
  method: 'POST',
  path: '/api/safety/dismissals',
  summary: 'Puts the diary prompt away for 7 days, once per episode (no other screen can be put away).',
  body: z.strictObject({
    kind: z.literal('low_mood_pattern', {
      error: 'can only be the diary prompt: other support screens cannot be put away',
    }),
  }),
  output: z.strictObject({ snoozedUntil: z.iso.datetime() }),
  status: 201,
});

/** The support screen's shape: the one name every client uses for it. */
export type SupportScreen = z.infer<typeof supportScreen>;
