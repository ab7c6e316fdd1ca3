/**
 * Progress through an enrolled program: each day's goals ticked from what was logged (or by hand
 * for goals with nothing to log), the calendar, streaks and completion per week.
 *
 * @example
 * const days = programDays(program, enrolment, '2026-03-10');
 * dayProgress(program, days, '2026-03-10', matrix, marks).goals // → [{ id: 'movement_20', status: 'met', … }]
 */

import type { ProgramDay } from './calendar.ts';
import {
  type DayMatrix,
  evaluateBaselineRule,
  evaluateDayRule,
  type GoalStatus,
  type RuleResult,
} from './rules.ts';
import { type Goal, goalsForWeek, type Program } from './schema.ts';

/** Hand ticks (`date` + goal id) and choices made about optional goals. */
export interface Marks {
  ticks: readonly { date: string; goalId: string }[];
  choices: ReadonlyMap<string, 'accepted' | 'skipped'>;
}

export interface GoalResult extends RuleResult {
  id: string;
  title: string;
  description?: string;
  period: 'day' | 'week';
  manual: boolean;
  optional: boolean;
  choice: 'accepted' | 'skipped' | null;
  caution?: Goal['caution'];
  node?: string;
  /** The graph edge and grade behind a goal that names a brain messenger. */
  evidence?: Goal['evidence'];
  /** Counts towards the day's completion, streaks and weekly completion. */
  required: boolean;
  /** Something towards this goal was done on this very day (for the calendar). */
  doneThisDay: boolean;
}

export interface DayProgress {
  date: string;
  day: number;
  week: number;
  weekTitle: string;
  goals: GoalResult[];
  /** Every required daily goal met. */
  complete: boolean;
  dailyMet: number;
  dailyRequired: number;
}

function weekDates(days: readonly ProgramDay[], weekIndex: number, upTo?: string): string[] {
  return days
    .filter((d) => d.weekIndex === weekIndex && (upTo === undefined || d.date <= upTo))
    .map((d) => d.date);
}

function evaluateGoal(
  goal: Goal,
  pd: ProgramDay,
  days: readonly ProgramDay[],
  matrix: DayMatrix,
  marks: Marks,
): RuleResult & { doneThisDay: boolean } {
  const rule = goal.rule;
  const dates = goal.period === 'day' ? [pd.date] : weekDates(days, pd.weekIndex, pd.date);
  if (rule.type === 'manual') {
    const ticked = marks.ticks.some((t) => t.goalId === goal.id && dates.includes(t.date));
    const today = marks.ticks.some((t) => t.goalId === goal.id && t.date === pd.date);
    return { status: ticked ? 'met' : 'not_met', doneThisDay: today };
  }
  if (rule.type === 'below_baseline') {
    return {
      ...evaluateBaselineRule(rule, dates, weekDates(days, rule.baselineWeek - 1), matrix),
      doneThisDay: false,
    };
  }
  if (goal.period === 'day') {
    const r = evaluateDayRule(rule, pd.date, matrix);
    return { ...r, doneThisDay: r.status === 'met' };
  }
  const times = goal.timesPerWeek ?? 1;
  const metOn = dates.filter((d) => evaluateDayRule(rule, d, matrix).status === 'met');
  return {
    status: metOn.length >= times ? 'met' : 'not_met',
    value: metOn.length,
    target: times,
    doneThisDay: metOn.includes(pd.date),
  };
}

/** The goals of one program day with their state. `date` must be one of `days`. */
export function dayProgress(
  program: Program,
  days: readonly ProgramDay[],
  date: string,
  matrix: DayMatrix,
  marks: Marks,
): DayProgress | undefined {
  const pd = days.find((d) => d.date === date);
  if (!pd) return undefined;
  const goals = goalsForWeek(program, pd.weekIndex).map((g): GoalResult => {
    const choice = marks.choices.get(g.id) ?? null;
    const optional = g.optional === true;
    // An optional goal is only evaluated once accepted; it never counts towards completion.
    const result =
      optional && choice !== 'accepted'
        ? { status: 'not_met' as const, doneThisDay: false }
        : evaluateGoal(g, pd, days, matrix, marks);
    return {
      ...result,
      id: g.id,
      title: g.title,
      description: g.description,
      period: g.period,
      manual: g.rule.type === 'manual',
      optional,
      choice,
      caution: g.caution,
      node: g.node,
      evidence: g.evidence,
      required: !optional,
    };
  });
  const daily = goals.filter((g) => g.period === 'day' && g.required);
  const dailyMet = daily.filter((g) => g.status === 'met').length;
  const week = program.weeks[Math.min(pd.weekIndex, program.weeks.length - 1)];
  return {
    date,
    day: pd.day,
    week: pd.weekIndex + 1,
    weekTitle: week?.title ?? '',
    goals,
    complete: daily.length > 0 && dailyMet === daily.length,
    dailyMet,
    dailyRequired: daily.length,
  };
}

export interface Streaks {
  /** Complete days (or weeks) in a row ending now, or before the day (week) under way. */
  current: number;
  best: number;
  /** Days for programs with daily goals; weeks for programs of weekly goals only (the guide). */
  unit: 'days' | 'weeks';
}

/** Streaks over the elapsed program days, in date order; paused dates are not program days. */
export function streaks(calendar: readonly Pick<CalendarDay, 'date' | 'state'>[], today: string): Streaks {
  const elapsed = calendar
    .filter((c) => c.date <= today)
    .map((c) => ({ date: c.date, complete: c.state === 'complete' }));
  let best = 0;
  let run = 0;
  for (const p of elapsed) {
    run = p.complete ? run + 1 : 0;
    best = Math.max(best, run);
  }
  let current = 0;
  let i = elapsed.length - 1;
  if (i >= 0 && elapsed[i]?.date === today && !elapsed[i]?.complete) i -= 1;
  while (i >= 0 && elapsed[i]?.complete) {
    current += 1;
    i -= 1;
  }
  return { current, best, unit: 'days' };
}

/**
 * Streaks of complete weeks (every required goal met) for programs whose goals are all weekly.
 * The week under way counts once complete; until then the streak runs to the week before.
 */
export function weekStreaks(weeks: readonly WeekCompletion[]): Streaks {
  const started = weeks.filter((w) => w.daysElapsed > 0);
  const complete = started.map((w) => w.goalsDue > 0 && w.goalsMet === w.goalsDue);
  let best = 0;
  let run = 0;
  for (const c of complete) {
    run = c ? run + 1 : 0;
    best = Math.max(best, run);
  }
  let i = complete.length - 1;
  const last = started[i];
  if (last && last.daysElapsed < last.daysInWeek && !complete[i]) i -= 1;
  let current = 0;
  while (i >= 0 && complete[i]) {
    current += 1;
    i -= 1;
  }
  return { current, best, unit: 'weeks' };
}

/** Day streaks when the program has daily goals, else week streaks. */
export function programStreaks(
  program: Program,
  calendar: readonly Pick<CalendarDay, 'date' | 'state'>[],
  weeks: readonly WeekCompletion[],
  today: string,
): Streaks {
  const hasDaily = program.weeks.some((w) => w.adds.some((g) => g.period === 'day' && !g.optional));
  return hasDaily ? streaks(calendar, today) : weekStreaks(weeks);
}

export interface WeekCompletion {
  week: number;
  title: string;
  daysElapsed: number;
  daysInWeek: number;
  goalsMet: number;
  goalsDue: number;
  /** goalsMet / goalsDue as a whole percent; null before the week starts. */
  percent: number | null;
}

/**
 * Completion of each week so far: required daily goals met on each elapsed day, plus required
 * weekly goals met by the week's last elapsed day, over everything due.
 */
export function weeklyCompletion(
  program: Program,
  days: readonly ProgramDay[],
  today: string,
  matrix: DayMatrix,
  marks: Marks,
): WeekCompletion[] {
  const weeks = [...new Set(days.map((d) => d.weekIndex))];
  return weeks.map((wi) => {
    const all = days.filter((d) => d.weekIndex === wi);
    const elapsed = all.filter((d) => d.date <= today);
    let met = 0;
    let due = 0;
    for (const d of elapsed) {
      const p = dayProgress(program, days, d.date, matrix, marks) as DayProgress;
      met += p.dailyMet;
      due += p.dailyRequired;
    }
    const lastElapsed = elapsed[elapsed.length - 1];
    if (lastElapsed) {
      const weekly = (
        dayProgress(program, days, lastElapsed.date, matrix, marks) as DayProgress
      ).goals.filter((g) => g.period === 'week' && g.required);
      met += weekly.filter((g) => g.status === 'met').length;
      due += weekly.length;
    }
    return {
      week: wi + 1,
      title: program.weeks[Math.min(wi, program.weeks.length - 1)]?.title ?? '',
      daysElapsed: elapsed.length,
      daysInWeek: all.length,
      goalsMet: met,
      goalsDue: due,
      percent: due === 0 ? null : Math.round((100 * met) / due),
    };
  });
}

export type CalendarState = 'complete' | 'partial' | 'none' | 'future';

export interface CalendarDay {
  date: string;
  day: number;
  week: number;
  state: CalendarState;
  /** Ids of the goals something was done towards that day (daily goals met, weekly goals' days). */
  met: string[];
}

/** One entry per program day: future days are shown but not judged. */
export function programCalendar(
  program: Program,
  days: readonly ProgramDay[],
  today: string,
  matrix: DayMatrix,
  marks: Marks,
): CalendarDay[] {
  return days.map((d) => {
    if (d.date > today) return { date: d.date, day: d.day, week: d.weekIndex + 1, state: 'future', met: [] };
    const p = dayProgress(program, days, d.date, matrix, marks) as DayProgress;
    const met = p.goals.filter((g) => g.doneThisDay).map((g) => g.id);
    const state: CalendarState = p.complete ? 'complete' : met.length > 0 ? 'partial' : 'none';
    return { date: d.date, day: d.day, week: d.weekIndex + 1, state, met };
  });
}

export type { GoalStatus };
