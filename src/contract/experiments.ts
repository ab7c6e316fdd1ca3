/**
 * Personal experiments (n-of-1): create (by hand or from a recommendation), list, read, rename or
 * end early, delete, and the result — the primary outcome's change against the baseline (a verdict
 * only at the end), the others exploratory. Rules: core/insights/experiments.ts.
 */
import { z } from 'zod';
import { experimentInputSchema, experimentUpdateSchema, OUTCOME_KEYS } from '../core/insights/experiments.ts';
import { localDate, noContent } from './common.ts';
import { endpoint } from './endpoint.ts';

const experimentParams = z.strictObject({ id: z.uuid({ error: 'must be an experiment id' }) });
const outcomeKey = z.enum(OUTCOME_KEYS);
const status = z.enum(['planned', 'running', 'finished']);

export const experiment = z.strictObject({
  id: z.string(),
  title: z.string(),
  action: z.string().nullable(),
  measure: z.string().nullable(),
  primaryOutcome: outcomeKey,
  startDate: localDate,
  durationDays: z.number(),
  baselineDays: z.number(),
  endDate: localDate,
  endedOn: localDate.nullable(),
  status,
  origin: z.enum(['manual', 'recommendation']),
  recommendationId: z.string().nullable(),
  createdAt: z.string(),
});

const period = z.strictObject({ from: localDate, to: localDate });

export const experimentResult = z.strictObject({
  status,
  /** False while the experiment is still running (an interim look). */
  final: z.boolean(),
  primaryOutcome: outcomeKey,
  baseline: period,
  experiment: period,
  adherence: z
    .strictObject({ measure: z.string(), daysDone: z.number(), daysTracked: z.number() })
    .nullable(),
  outcomes: z.array(
    z.strictObject({
      outcome: outcomeKey,
      label: z.string(),
      role: z.enum(['primary', 'exploratory']),
      baselineDays: z.number(),
      experimentDays: z.number(),
      verdict: z.enum(['higher', 'lower', 'no_clear_change', 'so_far', 'exploratory', 'not_enough_data']),
      baselineMean: z.number().nullable(),
      experimentMean: z.number().nullable(),
      difference: z.number().nullable(),
      low: z.number().nullable(),
      high: z.number().nullable(),
      p: z.number().nullable(),
      standsOut: z.boolean(),
      detectable: z.number().nullable(),
      carryOver: z.number().nullable(),
      sentence: z.string(),
    }),
  ),
  summary: z.string(),
  caveat: z.string(),
  method: z.string(),
});

const oneExperiment = z.strictObject({ experiment });

export const getExperiments = endpoint({
  method: 'GET',
  path: '/api/experiments',
  summary: "The person's experiments, with where each stands today.",
  output: z.strictObject({ experiments: z.array(experiment) }),
});

export const postExperiment = endpoint({
  method: 'POST',
  path: '/api/experiments',
  summary: 'Plans an experiment (up to 90 days ahead); its primary outcome is named now, before any result.',
  body: experimentInputSchema,
  output: oneExperiment,
  status: 201,
});

export const getExperiment = endpoint({
  method: 'GET',
  path: '/api/experiments/:id',
  summary: 'One experiment.',
  params: experimentParams,
  output: oneExperiment,
});

export const patchExperiment = endpoint({
  method: 'PATCH',
  path: '/api/experiments/:id',
  summary: 'Renames an experiment, changes its action, or ends it early (today or earlier).',
  params: experimentParams,
  body: experimentUpdateSchema,
  output: oneExperiment,
});

export const deleteExperiment = endpoint({
  method: 'DELETE',
  path: '/api/experiments/:id',
  summary: 'Deletes an experiment (the logged days stay).',
  params: experimentParams,
  output: noContent,
  status: 204,
});

export const getExperimentResult = endpoint({
  method: 'GET',
  path: '/api/experiments/:id/result',
  summary:
    'The change against the baseline: a verdict on the primary outcome at the end, the others exploratory.',
  params: experimentParams,
  output: z.strictObject({ experiment, result: experimentResult }),
});
