/**
 * The end report: week 1 against the last week of the program for mood, energy, focus and sleep
 * quality, each with how many days the average rests on — so a change resting on two check-ins
 * is visibly weaker than one resting on seven. It describes; it does not claim the program caused it.
 *
 * @example endReport(program, days, '2026-04-01', matrix).measures[0]
 * // → { measure: 'mood', label: 'Mood', first: { mean: 5.2, days: 6 }, last: { mean: 6.4, days: 7 }, change: 1.2 }
 */
import type { ProgramDay } from './calendar.ts';
import { programLength } from './calendar.ts';
import type { DayMatrix } from './rules.ts';
import type { Program } from './schema.ts';

export interface WeekAverage {
  mean: number | null;
  days: number;
}

export interface ReportLine {
  measure: 'mood' | 'energy' | 'focus' | 'sleep_quality';
  label: string;
  first: WeekAverage;
  last: WeekAverage;
  /** last − first, or null when either week has no data. */
  change: number | null;
}

export interface EndReport {
  firstWeek: number;
  lastWeek: number;
  /** A fixed program has reached its last day, so this is the final report. */
  final: boolean;
  measures: ReportLine[];
}

const ENERGY = ['energy_morning', 'energy_midday', 'energy_evening'];
const round2 = (x: number) => Math.round(x * 100) / 100;

/** A day's energy is the mean of the energy readings it has (morning, midday, evening). */
function dayValue(matrix: DayMatrix, date: string, measure: ReportLine['measure']): number | undefined {
  const day = matrix.get(date);
  if (!day) return undefined;
  if (measure !== 'energy') return day.get(measure);
  const xs = ENERGY.map((k) => day.get(k)).filter((v): v is number => v !== undefined);
  return xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : undefined;
}

function average(matrix: DayMatrix, dates: readonly string[], measure: ReportLine['measure']): WeekAverage {
  const xs = dates.map((d) => dayValue(matrix, d, measure)).filter((v): v is number => v !== undefined);
  return { mean: xs.length ? round2(xs.reduce((a, b) => a + b, 0) / xs.length) : null, days: xs.length };
}

const LINES: [ReportLine['measure'], string][] = [
  ['mood', 'Mood'],
  ['energy', 'Energy'],
  ['focus', 'Focus'],
  ['sleep_quality', 'Sleep quality'],
];

/**
 * Week 1 against the last week: the program's last week for a fixed program (week 4 of the
 * challenge), else the latest week whose days have all passed. Undefined until that week has begun.
 */
export function endReport(
  program: Program,
  days: readonly ProgramDay[],
  today: string,
  matrix: DayMatrix,
): EndReport | undefined {
  const elapsed = days.filter((d) => d.date <= today);
  const length = programLength(program);
  let lastIndex: number;
  if (length !== undefined) {
    lastIndex = program.weeks.length - 1;
  } else {
    const complete = [...new Set(elapsed.map((d) => d.weekIndex))].filter(
      (wi) => elapsed.filter((d) => d.weekIndex === wi).length === 7,
    );
    lastIndex = complete.length ? Math.max(...complete) : 0;
  }
  if (lastIndex < 1) return undefined;
  // Nothing to compare until the last week has begun.
  if (!elapsed.some((d) => d.weekIndex === lastIndex)) return undefined;
  const dates = (wi: number) => elapsed.filter((d) => d.weekIndex === wi).map((d) => d.date);
  const measures = LINES.map(([measure, label]): ReportLine => {
    const first = average(matrix, dates(0), measure);
    const last = average(matrix, dates(lastIndex), measure);
    return {
      measure,
      label,
      first,
      last,
      change: first.mean === null || last.mean === null ? null : round2(last.mean - first.mean),
    };
  });
  const final = length !== undefined && elapsed.length === length;
  return { firstWeek: 1, lastWeek: lastIndex + 1, final, measures };
}
