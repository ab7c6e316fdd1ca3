/**
 * Goal rules evaluated over the day × measure matrix. Each answers met, not met, or unknown —
 * unknown when the data the rule needs is missing (no wake time logged, no week-1 food to compare
 * with), so the app can say what to log instead of silently failing the goal.
 *
 * @example
 * evaluateDayRule({ type: 'at_least', measures: ['movement'], value: 20 }, '2026-03-02', matrix)
 * // → { status: 'met', value: 25, target: 20 }
 */
import { addDays } from '../dates.ts';
import { sunlightWithinWindow } from '../habits/habits.ts';
import type { Rule } from './schema.ts';

export type DayMatrix = ReadonlyMap<string, ReadonlyMap<string, number>>;
export type GoalStatus = 'met' | 'not_met' | 'unknown';

export interface RuleResult {
  status: GoalStatus;
  value?: number;
  target?: number;
  /** What to log (unknown) or how far off (not met), in plain words. */
  hint?: string;
}

const get = (m: DayMatrix, date: string, measure: string) => m.get(date)?.get(measure);
const round2 = (x: number) => Math.round(x * 100) / 100;

/** A bedtime before noon is after midnight: 00:30 is an hour later than 23:30, not 23 hours earlier. */
export function bedtimeAxis(minutes: number): number {
  return minutes < 720 ? minutes + 1440 : minutes;
}

export function median(xs: readonly number[]): number | undefined {
  if (xs.length === 0) return undefined;
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
}

export type DayRule = Exclude<Rule, { type: 'below_baseline' } | { type: 'manual' }>;

/** Evaluates a rule that looks at one day (and, for a median, the days before it). */
export function evaluateDayRule(rule: DayRule, date: string, matrix: DayMatrix): RuleResult {
  switch (rule.type) {
    case 'at_least': {
      const value = rule.measures.reduce((s, k) => s + (get(matrix, date, k) ?? 0), 0);
      return { status: value >= rule.value ? 'met' : 'not_met', value, target: rule.value };
    }
    case 'within_after': {
      const amount = get(matrix, date, rule.gate.measure) ?? 0;
      if (amount < rule.gate.value) {
        return { status: 'not_met', value: amount, target: rule.gate.value };
      }
      const anchor = get(matrix, date, rule.anchor);
      if (anchor === undefined) return { status: 'unknown', hint: 'Add your wake time in today’s check-in.' };
      const at = get(matrix, date, rule.measure);
      if (at === undefined) return { status: 'unknown', hint: 'Add the time the sunlight started.' };
      const ok = sunlightWithinWindow(anchor, at, rule.windowMinutes) === true;
      return {
        status: ok ? 'met' : 'not_met',
        value: at - anchor,
        target: rule.windowMinutes,
        hint: ok
          ? undefined
          : `Started ${at - anchor} minutes after waking; the goal is within ${rule.windowMinutes}.`,
      };
    }
    case 'near_median_time': {
      const today = get(matrix, date, rule.measure);
      if (today === undefined) return { status: 'unknown', hint: 'Add your bedtime in today’s check-in.' };
      const history: number[] = [];
      for (let i = 1; i <= rule.lookbackDays; i++) {
        const v = get(matrix, addDays(date, -i), rule.measure);
        if (v !== undefined) history.push(bedtimeAxis(v));
      }
      if (history.length < rule.minDays) {
        return {
          status: 'unknown',
          hint: `Needs ${rule.minDays} bedtimes from the ${rule.lookbackDays} days before to find your usual time (has ${history.length}).`,
        };
      }
      const usual = median(history) as number;
      const off = Math.abs(bedtimeAxis(today) - usual);
      return {
        status: off <= rule.toleranceMinutes ? 'met' : 'not_met',
        value: off,
        target: rule.toleranceMinutes,
      };
    }
  }
}

/** Mean of `measure` over the dates where `loggedMeasure` is present (absent measure = 0 there). */
function loggedMean(
  matrix: DayMatrix,
  dates: readonly string[],
  measure: string,
  loggedMeasure: string,
): { mean: number; days: number } | undefined {
  const logged = dates.filter((d) => get(matrix, d, loggedMeasure) !== undefined);
  if (logged.length === 0) return undefined;
  const total = logged.reduce((s, d) => s + (get(matrix, d, measure) ?? 0), 0);
  return { mean: total / logged.length, days: logged.length };
}

/**
 * A weekly reduction against a baseline week: met when the period's mean (over days with food
 * logged) is at most baseline × (1 − reduction). A zero baseline leaves a target of zero, met only
 * by keeping it at zero.
 */
export function evaluateBaselineRule(
  rule: Extract<Rule, { type: 'below_baseline' }>,
  periodDates: readonly string[],
  baselineDates: readonly string[],
  matrix: DayMatrix,
): RuleResult {
  const base = loggedMean(matrix, baselineDates, rule.measure, rule.loggedMeasure);
  if (!base)
    return { status: 'unknown', hint: `No food was logged in week ${rule.baselineWeek} to compare with.` };
  const target = round2(base.mean * (1 - rule.reductionPercent / 100));
  const now = loggedMean(matrix, periodDates, rule.measure, rule.loggedMeasure);
  if (!now)
    return { status: 'unknown', target, hint: 'Log this week’s food to compare it with your baseline.' };
  const value = round2(now.mean);
  return {
    status: value <= target + 1e-9 ? 'met' : 'not_met',
    value,
    target,
    hint: `Average per day with food logged: ${value} (target at most ${target}).`,
  };
}
