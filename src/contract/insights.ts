/**
 * Insights, worded as association and never cause: "what goes with my better days" (the featured
 * findings with their days and the experiment each suggests, the outcomes' own links, every lever
 * pair), the day values the Insights charts draw, and one week's report. Rules: core/insights.
 */
import { z } from 'zod';
import { OUTCOMES } from '../core/insights/table.ts';
import { localDate, periodQuery } from './common.ts';
import { endpoint } from './endpoint.ts';
import { recommendation } from './recommendations.ts';
import { supportScreen } from './safety.ts';

/** The measures the Insights charts draw. */
export const CHART_MEASURES = [
  'mood',
  'energy_morning',
  'energy_midday',
  'energy_evening',
  'sleep_hours',
  'sleep_quality',
  'food_entries',
  'fermented_servings',
  'plant_points_week',
] as const;

const certainty = z.enum(['clear', 'possible', 'unclear']);
const pairBase = {
  factor: z.string(),
  factorLabel: z.string(),
  outcome: z.enum(OUTCOMES.map((o) => o.key)),
  outcomeLabel: z.string(),
  /** 0: factor and outcome on the same day; 1: outcome on the day after the factor. */
  lag: z.union([z.literal(0), z.literal(1)]),
  family: z.enum(['lever', 'together']),
  pairedDays: z.number(),
  sentence: z.string(),
};
const shownBase = {
  ...pairBase,
  status: z.literal('shown'),
  low: z.number(),
  high: z.number(),
  p: z.number(),
  /** Benjamini–Hochberg adjusted p-value across every pair shown in the same family. */
  q: z.number(),
  clear: z.boolean(),
  certainty,
  effectiveDays: z.number(),
};
const shownDifference = {
  ...shownBase,
  method: z.literal('difference'),
  withDays: z.number(),
  withoutDays: z.number(),
  meanWith: z.number(),
  meanWithout: z.number(),
  difference: z.number(),
  df: z.number(),
};
const shownCorrelation = {
  ...shownBase,
  method: z.literal('spearman'),
  rho: z.number(),
  meanHigh: z.number(),
  meanLow: z.number(),
  highDays: z.number(),
  lowDays: z.number(),
  comparative: z.enum(['higher', 'more', 'a later']),
};
const notEnoughData = {
  ...pairBase,
  method: z.enum(['difference', 'spearman']),
  status: z.literal('not_enough_data'),
  moreDaysNeeded: z.number(),
  needs: z.enum(['days', 'with', 'without']),
};
const noVariation = {
  ...pairBase,
  method: z.enum(['difference', 'spearman']),
  status: z.literal('no_variation'),
};

export const shownAssociation = z.union([z.strictObject(shownDifference), z.strictObject(shownCorrelation)]);
export const association = z.union([
  z.strictObject(shownDifference),
  z.strictObject(shownCorrelation),
  z.strictObject(notEnoughData),
  z.strictObject(noVariation),
]);

/** The days behind one finding, for its small chart. */
const findingExtra = {
  points: z.union([
    z.strictObject({ kind: z.literal('groups'), with: z.array(z.number()), without: z.array(z.number()) }),
    z.strictObject({ kind: z.literal('scatter'), x: z.array(z.number()), y: z.array(z.number()) }),
  ]),
  /** Title of the experiment "Test this" starts. */
  testTitle: z.string(),
};
export const finding = z.union([
  z.strictObject({ ...shownDifference, ...findingExtra }),
  z.strictObject({ ...shownCorrelation, ...findingExtra }),
]);

const legendEntry = z.strictObject({ label: z.string(), meaning: z.string() });

export const getInsightAssociations = endpoint({
  method: 'GET',
  path: '/api/insights/associations',
  summary:
    'What goes with better days in the period (everything recorded unless given), as associations, never causes.',
  query: periodQuery,
  output: z.strictObject({
    from: localDate.nullable(),
    to: localDate.nullable(),
    days: z.number(),
    note: z.string(),
    legend: z.strictObject({ clear: legendEntry, possible: legendEntry, unclear: legendEntry }),
    manyComparisonsNote: z.string(),
    /** How many lever–outcome pairs had enough days to be compared. */
    compared: z.number(),
    findings: z.array(finding),
    /** Outcomes against each other on the same day (shown pairs only). */
    together: z.array(shownAssociation),
    waiting: z.array(
      z.strictObject({
        factor: z.string(),
        factorLabel: z.string(),
        moreDaysNeeded: z.number(),
        needs: z.enum(['days', 'with', 'without']),
      }),
    ),
    /** Every lever pair, in display order. */
    associations: z.array(association),
    counts: z.strictObject({
      clear: z.number(),
      possible: z.number(),
      unclear: z.number(),
      shown: z.number(),
      notEnoughData: z.number(),
      noVariation: z.number(),
    }),
  }),
});

export const getInsightDays = endpoint({
  method: 'GET',
  path: '/api/insights/daily',
  summary:
    'The day values of the charted measures over a period (the last 90 days unless given; ten years at most).',
  query: periodQuery,
  output: z.strictObject({
    from: localDate,
    to: localDate,
    measures: z.array(z.enum(CHART_MEASURES)).readonly(),
    days: z.array(
      z.strictObject({
        date: localDate,
        values: z.partialRecord(z.enum(CHART_MEASURES), z.number()),
      }),
    ),
  }),
});

const period = z.strictObject({ from: localDate, to: localDate });

export const getInsightWeek = endpoint({
  method: 'GET',
  path: '/api/insights/week',
  summary:
    "One week's report (ending today unless given): this week against last, the best-supported associations, the suggestions as of its last day.",
  query: z.strictObject({ end: localDate.optional() }),
  output: z.strictObject({
    thisWeek: period,
    lastWeek: period,
    rows: z.array(
      z.strictObject({
        key: z.string(),
        label: z.string(),
        unit: z.string(),
        higherIsBetter: z.boolean(),
        thisWeek: z.number().nullable(),
        lastWeek: z.number().nullable(),
        thisDays: z.number(),
        lastDays: z.number(),
        change: z.number().nullable(),
      }),
    ),
    /** Days of this week with values imported from another tracker, per app. */
    imported: z.array(z.strictObject({ source: z.string(), days: z.number() })),
    associations: z.array(shownAssociation),
    associationNote: z.string(),
    recommendations: z.array(recommendation),
    support: supportScreen.nullable(),
  }),
});
