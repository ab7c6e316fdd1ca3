/**
 * Personal experiments as n-of-1 trials: "kefir every day for 14 days". The baseline is the
 * person's own history just before the start. One primary outcome (mood unless the person chose
 * another) is named when the experiment starts, and only it gets a verdict, only at the end; its
 * interval allows for day-to-day carry-over (carry-over.ts). The other outcomes are shown as
 * exploratory, their p-values Holm-adjusted across them. While running, a look is "so far" with no
 * verdict: early looks swing, and judging at every look would multiply false alarms.
 *
 * @example
 * experimentResult(table, { id, title: 'Kefir daily', startDate: '2026-03-01', durationDays: 14,
 *   baselineDays: 28, measure: 'fermented', primaryOutcome: 'mood', endedOn: null }, '2026-03-20')
 */
import { z } from 'zod';
import { localDate } from '../date-schemas.ts';
import { addDays, daysBetween } from '../dates.ts';
import { changeWithCarryOver, type DayValue } from './carry-over.ts';
import { holm } from './fdr.ts';
import { type DayTable, OUTCOMES, type Outcome, outcomeColumn } from './table.ts';
import { num, pointsChange } from './wording.ts';

/** Fewer days than this in either period and no verdict is given. */
export const MIN_EXPERIMENT_DAYS = 7;
/** A difference counts when its two-sided p is below this (the primary) or its Holm p (the rest). */
const ALPHA = 0.05;

export type OutcomeKey = Outcome['key'];
export const OUTCOME_KEYS = OUTCOMES.map((o) => o.key) as [OutcomeKey, ...OutcomeKey[]];
export const DEFAULT_PRIMARY_OUTCOME: OutcomeKey = 'mood';

// Custom measures read custom_<uuid>, hence the hyphen.
const measureKey = z
  .string()
  .regex(/^[a-z][a-z0-9_-]{0,63}$/, { error: 'must be a measure key like fermented' });

export const experimentInputSchema = z.strictObject({
  title: z
    .string()
    .trim()
    .min(1, { error: 'must not be empty' })
    .max(120, { error: 'must be at most 120 characters' }),
  action: z.string().trim().max(500, { error: 'must be at most 500 characters' }).optional(),
  measure: measureKey.optional(),
  /** The one outcome that gets a verdict; chosen now, before any result is seen. */
  primaryOutcome: z
    .enum(OUTCOME_KEYS, { error: `must be one of ${OUTCOME_KEYS.join(', ')}` })
    .default(DEFAULT_PRIMARY_OUTCOME),
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
  primaryOutcome: OutcomeKey;
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

/**
 * higher / lower / no_clear_change: the primary outcome at the end; so_far: the primary while
 * running (no verdict); exploratory: every other outcome; not_enough_data: too few days.
 */
export type Verdict = 'higher' | 'lower' | 'no_clear_change' | 'so_far' | 'exploratory' | 'not_enough_data';

export interface OutcomeChange {
  outcome: OutcomeKey;
  label: string;
  role: 'primary' | 'exploratory';
  baselineDays: number;
  experimentDays: number;
  verdict: Verdict;
  baselineMean: number | null;
  experimentMean: number | null;
  difference: number | null;
  low: number | null;
  high: number | null;
  /** Two-sided p, allowing for carry-over; for exploratory outcomes Holm-adjusted across them. */
  p: number | null;
  /** Exploratory outcomes: Holm-adjusted p below 5 % ("stands out even after allowing for the others"). */
  standsOut: boolean;
  /** Smallest change these days would have detected 4 times in 5. */
  detectable: number | null;
  /** Day-to-day carry-over φ the interval allowed for. */
  carryOver: number | null;
  sentence: string;
}

export interface ExperimentResult {
  status: ExperimentStatus;
  /** False while the experiment is still running (an interim look). */
  final: boolean;
  primaryOutcome: OutcomeKey;
  baseline: { from: string; to: string };
  experiment: { from: string; to: string };
  /** Days in the experiment with the tracked measure above zero, of days it was tracked. */
  adherence: { measure: string; daysDone: number; daysTracked: number } | null;
  outcomes: OutcomeChange[];
  summary: string;
  caveat: string;
  method: string;
}

export const EXPERIMENT_CAVEAT =
  'A before-and-after comparison in one person cannot rule out other changes at the same time ' +
  '(the season, stress, expecting to feel better). Repeating the experiment makes a result more trustworthy.';

export const EXPERIMENT_METHOD =
  'Only the outcome chosen at the start gets a verdict, and only at the end. Its likely range allows ' +
  'for good and bad days coming in runs (an AR(1) model of day-to-day carry-over; Zwiers & von Storch ' +
  '1995). The other outcomes are exploratory: their p-values are adjusted for comparing several (Holm 1979).';

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
const points = (x: number) => `${num(x, 1)} ${num(x, 1) === '1.0' ? 'point' : 'points'}`;

function valuesBetween(table: DayTable, column: Float64Array, from: string, to: string): DayValue[] {
  const out: DayValue[] = [];
  const a = Math.max(0, daysBetween(table.firstDate, from));
  const b = Math.min(table.days - 1, daysBetween(table.firstDate, to));
  for (let i = a; i <= b; i++)
    if (!Number.isNaN(column[i] as number)) out.push({ day: i, value: column[i] as number });
  return out;
}

interface Compared {
  outcome: Outcome;
  before: DayValue[];
  after: DayValue[];
  change: ReturnType<typeof changeWithCarryOver> | null;
}

function compare(table: DayTable, outcome: Outcome, baseline: Period, period: Period): Compared {
  const col = table.days ? outcomeColumn(table, outcome) : new Float64Array(0);
  const before = table.days ? valuesBetween(table, col, baseline.from, baseline.to) : [];
  const after = table.days ? valuesBetween(table, col, period.from, period.to) : [];
  const enough = before.length >= MIN_EXPERIMENT_DAYS && after.length >= MIN_EXPERIMENT_DAYS;
  return { outcome, before, after, change: enough ? changeWithCarryOver(after, before) : null };
}

interface Period {
  from: string;
  to: string;
}

function notEnough(c: Compared, role: OutcomeChange['role']): OutcomeChange {
  const more =
    Math.max(MIN_EXPERIMENT_DAYS - c.before.length, 0) + Math.max(MIN_EXPERIMENT_DAYS - c.after.length, 0);
  return {
    ...blank(c, role),
    verdict: 'not_enough_data',
    sentence: `${capitalise(c.outcome.label)}: not enough data (${c.before.length} baseline and ${c.after.length} experiment days; at least ${MIN_EXPERIMENT_DAYS} of each needed, ${more} more)`,
  };
}

function blank(c: Compared, role: OutcomeChange['role']): Omit<OutcomeChange, 'verdict' | 'sentence'> {
  return {
    outcome: c.outcome.key,
    label: c.outcome.label,
    role,
    baselineDays: c.before.length,
    experimentDays: c.after.length,
    baselineMean: null,
    experimentMean: null,
    difference: null,
    low: null,
    high: null,
    p: null,
    standsOut: false,
    detectable: null,
    carryOver: null,
  };
}

function numbers(
  c: Compared,
  change: NonNullable<Compared['change']>,
  p: number,
): Omit<
  OutcomeChange,
  'verdict' | 'sentence' | 'role' | 'outcome' | 'label' | 'baselineDays' | 'experimentDays' | 'standsOut'
> {
  const mean = (xs: DayValue[]) => xs.reduce((s, x) => s + x.value, 0) / xs.length;
  return {
    baselineMean: mean(c.before),
    experimentMean: mean(c.after),
    difference: change.difference,
    low: change.low,
    high: change.high,
    p,
    detectable: change.detectable,
    carryOver: change.carryOver,
  };
}

function primaryChange(c: Compared, final: boolean, end: string): OutcomeChange {
  const change = c.change;
  if (!change) return notEnough(c, 'primary');
  const label = capitalise(c.outcome.label);
  const range = pointsChange(change.difference, change.low, change.high);
  const days = `${c.after.length} experiment days against ${c.before.length} before`;
  const base = { ...blank(c, 'primary'), ...numbers(c, change, change.p) };
  if (!final) {
    return {
      ...base,
      verdict: 'so_far',
      sentence: `So far ${c.outcome.label} is ${range}, ${days}. No verdict until the experiment ends on ${end}.`,
    };
  }
  const verdict: Verdict =
    change.p < ALPHA ? (change.difference > 0 ? 'higher' : 'lower') : 'no_clear_change';
  return {
    ...base,
    verdict,
    sentence:
      verdict === 'no_clear_change'
        ? `${label}: no clear change. It was ${range}, ${days}. With these days only a change of about ${points(change.detectable)} or more would likely have shown up; a smaller one may still be there.`
        : `${label} was ${verdict} during the experiment than before: ${range}, ${days}.`,
  };
}

function exploratoryChanges(compared: Compared[]): OutcomeChange[] {
  const judged = compared.filter((c) => c.change);
  const adjusted = holm(judged.map((c) => (c.change as NonNullable<Compared['change']>).p));
  return compared.map((c) => {
    if (!c.change) return notEnough(c, 'exploratory');
    const p = adjusted[judged.indexOf(c)] as number;
    const standsOut = p < ALPHA;
    const range = pointsChange(c.change.difference, c.change.low, c.change.high);
    return {
      ...blank(c, 'exploratory'),
      ...numbers(c, c.change, p),
      verdict: 'exploratory',
      standsOut,
      sentence:
        `${capitalise(c.outcome.label)} was ${range}, ${c.after.length} days against ${c.before.length} ` +
        `(${standsOut ? 'stands out even after allowing for the other outcomes' : 'could well be ordinary ups and downs'}).`,
    };
  });
}

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

function summaryOf(status: ExperimentStatus, primary: OutcomeChange, end: string): string {
  if (status === 'planned') return 'The experiment has not started yet.';
  const label = primary.label;
  if (primary.verdict === 'not_enough_data')
    return `Not enough check-ins yet to compare your ${label} during the experiment with the weeks before it.`;
  const range = pointsChange(primary.difference as number, primary.low as number, primary.high as number);
  if (primary.verdict === 'so_far')
    return `Your ${label} is ${range}. Early looks swing a lot, so there is no verdict until ${end}.`;
  if (primary.verdict === 'no_clear_change')
    return (
      `No clear change in your ${label}: it was ${range}. With these days only a change of about ` +
      `${points(primary.detectable as number)} or more would likely have shown up.`
    );
  return `Your ${label} was ${primary.verdict} during the experiment than in the weeks before: ${range}. That goes with the experiment; it does not prove the experiment did it.`;
}

/** The primary outcome's change (with a verdict at the end) and the others' (exploratory), up to `today`. */
export function experimentResult(table: DayTable, plan: ExperimentPlan, today: string): ExperimentResult {
  const status = experimentStatus(plan, today);
  const end = experimentEnd(plan);
  const baseline = { from: addDays(plan.startDate, -plan.baselineDays), to: addDays(plan.startDate, -1) };
  const period = { from: plan.startDate, to: end < today ? end : today };
  const final = status === 'finished';
  const primaryOutcome = OUTCOMES.find((o) => o.key === plan.primaryOutcome) ?? (OUTCOMES[0] as Outcome);
  const primary = primaryChange(compare(table, primaryOutcome, baseline, period), final, end);
  const others = exploratoryChanges(
    OUTCOMES.filter((o) => o !== primaryOutcome && (!o.device || recorded(table, o))).map((o) =>
      compare(table, o, baseline, period),
    ),
  );
  return {
    status,
    final,
    primaryOutcome: primaryOutcome.key,
    baseline,
    experiment: period,
    adherence: status === 'planned' ? null : adherenceOf(table, plan.measure, period.from, period.to),
    outcomes: [primary, ...others],
    summary: summaryOf(status, primary, end),
    caveat: EXPERIMENT_CAVEAT,
    method: EXPERIMENT_METHOD,
  };
}

/** Whether any day holds a value of the outcome (a device outcome without a device is left out). */
function recorded(table: DayTable, outcome: Outcome): boolean {
  return outcome.measures.some((m) => table.columns.get(m)?.some((v) => !Number.isNaN(v)) ?? false);
}
