/**
 * The support screen's shape, as every answer that can carry one sends it (the check-in after a
 * save, questionnaires, safety status, recommendations): built by core/safety/support.ts.
 */
import { z } from 'zod';
import type { SafetyTrigger } from '../core/safety/index.ts';

const TRIGGER_CODES = [
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
] as const satisfies readonly SafetyTrigger['code'][];

export const safetyTrigger = z.strictObject({
  code: z.enum(TRIGGER_CODES),
  level: z.enum(['urgent', 'professional', 'mention']),
  message: z.string(),
  redFlags: z.array(z.string()).optional(),
});

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
  checked: z.string(),
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
