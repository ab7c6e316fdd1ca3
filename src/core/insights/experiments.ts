/**
 * Personal experiments (n-of-1): "kefir every day for 14 days". The baseline is the person's own
 * history just before the start; at the end each outcome's change comes with a moving-block
 * bootstrap interval, the days it rests on, and a verdict that may well be "no clear change".
 *
 * @example
 * experimentResult(table, { id, title: 'Kefir daily', startDate: '2026-03-01', durationDays: 14,
 *   baselineDays: 28, measure: 'fermented', endedOn: null }, '2026-03-20')
 */
import { z } from 'zod';
import { localDate } from '../date-schemas.ts';
import { addDays, daysBetween } from '../dates.ts';
import { blockBootstrapDifference } from './bootstrap.ts';
import { seedFromText } from './random.ts';
import { type DayTable, OUTCOMES, type Outcome, outcomeColumn } from './table.ts';

/** Fewer days than this in either period and no verdict is given. */
export const MIN_EXPERIMENT_DAYS = 7;

const measureKey = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, { error: 'must be a measure key like fermented' });

export const experimentInputSchema = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(120, { error: 'must be at most 120 characters' }),
  action: z.string().trim().max(500, { error: 'must be at most 500 characters' }).optional(),
  measure: measureKey.optional(),
  startDate: localDate,
  durationDays: z.number().int({ error: 'must be a whole number' }).min(7).max(90).default(14),
  baselineDays: z.number().int({ error: 'must be a whole number' }).min(7).max(90).default(28),
  recommendationId: z.string().min(1).max(100).optional(),
});
export type ExperimentInput = z.infer<typeof experimentInputSchema>;

export const experimentUpdateSchema = z
  .strictObject({
    title: experimentInputSchema.shape.title.optional(),
    action: experimentInputSchema.shape.action,
    /** Ends the experiment early on this date (inclusive). */
    endedOn: localDate.optional(),
  })
  .refine((u) => Object.values(u).some((v) => v !== undefined), {
    error: 'change at least one field',
    path: ['body'],
  });

export interface ExperimentPlan {
  id: string;
  title: string;
  measure: string | null;
  startDate: string;
  durationDays: number;
  baselineDays: number;
  endedOn: string | null;
}

export type ExperimentStatus = 'planned' | 'running' | 'finished';

/** Last planned day: start + duration − 1, or the early end. */
export function experimentEnd(e: ExperimentPlan): string {
  const planned = addDays(e.startDate, e.durationDays - 1);
  return e.endedOn && e.endedOn < planned ? e.endedOn : planned;
}

export function experimentStatus(e: ExperimentPlan, today: string): ExperimentStatus {
  if (today < e.startDate) return 'planned';
  return today <= experimentEnd(e) && !e.endedOn ? 'running' : 'finished';
}

export type Verdict = 'higher' | 'lower' | 'no_clear_change' | 'not_enough_data';

export interface OutcomeChange {
  outcome: Outcome['key'];
  label: string;
  baselineDays: number;
  experimentDays: number;
  verdict: Verdict;
  baselineMean: number | null;
  experimentMean: number | null;
  difference: number | null;
  low: number | null;
  high: number | null;
  blockLength: number | null;
  sentence: string;
}

export interface ExperimentResult {
  status: ExperimentStatus;
  /** False while the experiment is still running (an interim look). */
  final: boolean;
  baseline: { from: string; to: string };
  experiment: { from: string; to: string };
  /** Days in the experiment with the tracked measure above zero, of days it was tracked. */
  adherence: { measure: string; daysDone: number; daysTracked: number } | null;
  outcomes: OutcomeChange[];
  summary: string;
  caveat: string;
}

export const EXPERIMENT_CAVEAT =
  'A before-and-after comparison in one person cannot rule out other changes at the same time ' +
  '(the season, stress, expecting to feel better). Repeating the experiment makes a result more trustworthy.';

const fmt = (x: number) => {
  const s = x.toFixed(1);
  return (Number(s) === 0 ? '0.0' : s).replace('-', '−');
};

function valuesBetween(table: DayTable, column: Float64Array, from: string, to: string): number[] {
  const out: number[] = [];
  const a = Math.max(0, daysBetween(table.firstDate, from));
  const b = Math.min(table.days - 1, daysBetween(table.firstDate, to));
  // Missing days are skipped: the recorded days stay in order, so blocks stay runs of nearby days.
  for (let i = a; i <= b; i++) if (!Number.isNaN(column[i] as number)) out.push(column[i] as number);
  return out;
}

function outcomeChange(
  table: DayTable,
  outcome: Outcome,
  baseline: { from: string; to: string },
  period: { from: string; to: string },
  seed: number,
): OutcomeChange {
  const col = table.days ? outcomeColumn(table, outcome) : new Float64Array(0);
  const before = table.days ? valuesBetween(table, col, baseline.from, baseline.to) : [];
  const after = table.days ? valuesBetween(table, col, period.from, period.to) : [];
  const base = {
    outcome: outcome.key,
    label: outcome.label,
    baselineDays: before.length,
    experimentDays: after.length,
  };
  if (before.length < MIN_EXPERIMENT_DAYS || after.length < MIN_EXPERIMENT_DAYS) {
    const more =
      Math.max(MIN_EXPERIMENT_DAYS - before.length, 0) + Math.max(MIN_EXPERIMENT_DAYS - after.length, 0);
    return {
      ...base,
      verdict: 'not_enough_data',
      baselineMean: null,
      experimentMean: null,
      difference: null,
      low: null,
      high: null,
      blockLength: null,
      sentence: `${capitalise(outcome.label)}: not enough data (${before.length} baseline and ${after.length} experiment days; at least ${MIN_EXPERIMENT_DAYS} of each needed, ${more} more)`,
    };
  }
  const b = blockBootstrapDifference(after, before, { seed: seed ^ seedFromText(outcome.key) });
  const verdict: Verdict = b.low > 0 ? 'higher' : b.high < 0 ? 'lower' : 'no_clear_change';
  const m = (xs: number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
  const numbers = `${fmt(m(after))} vs ${fmt(m(before))}, ${b.difference > 0 ? '+' : ''}${fmt(b.difference)} [${fmt(b.low)}, ${fmt(b.high)}], ${after.length} vs ${before.length} days`;
  const lead =
    verdict === 'no_clear_change'
      ? `${capitalise(outcome.label)}: no clear change`
      : `${capitalise(outcome.label)} was ${verdict} during the experiment than before`;
  return {
    ...base,
    verdict,
    baselineMean: m(before),
    experimentMean: m(after),
    difference: b.difference,
    low: b.low,
    high: b.high,
    blockLength: b.blockLength,
    sentence: `${lead}: ${numbers}`,
  };
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function adherenceOf(
  table: DayTable,
  measure: string | null,
  from: string,
  to: string,
): ExperimentResult['adherence'] {
  if (!measure) return null;
  const col = table.columns.get(measure);
  let done = 0;
  let tracked = 0;
  const a = Math.max(0, daysBetween(table.firstDate, from));
  const b = Math.min(table.days - 1, daysBetween(table.firstDate, to));
  for (let i = a; i <= b; i++) {
    if (table.tracked[i] !== 1) continue;
    tracked++;
    if (col && (col[i] as number) > 0) done++;
  }
  return { measure, daysDone: done, daysTracked: tracked };
}

/** The change in every outcome between the baseline and the experiment, up to `today`. */
export function experimentResult(table: DayTable, plan: ExperimentPlan, today: string): ExperimentResult {
  const status = experimentStatus(plan, today);
  const end = experimentEnd(plan);
  const baseline = { from: addDays(plan.startDate, -plan.baselineDays), to: addDays(plan.startDate, -1) };
  const period = { from: plan.startDate, to: end < today ? end : today };
  const seed = seedFromText(plan.id);
  const outcomes = OUTCOMES.map((o) => outcomeChange(table, o, baseline, period, seed));
  const clear = outcomes.filter((o) => o.verdict === 'higher' || o.verdict === 'lower');
  const judged = outcomes.filter((o) => o.verdict !== 'not_enough_data');
  const summary =
    status === 'planned'
      ? 'The experiment has not started yet.'
      : judged.length === 0
        ? 'Not enough check-ins yet to compare the experiment with the weeks before it.'
        : clear.length === 0
          ? `No clear change in ${judged.map((o) => o.label).join(', ')}. That is a real result: whatever changed was too small to tell apart from ordinary ups and downs.`
          : `${clear.map((o) => `${capitalise(o.label)} ${o.verdict}`).join('; ')}; no clear change in the rest.`;
  return {
    status,
    final: status === 'finished',
    baseline,
    experiment: period,
    adherence: status === 'planned' ? null : adherenceOf(table, plan.measure, period.from, period.to),
    outcomes,
    summary,
    caveat: EXPERIMENT_CAVEAT,
  };
}
