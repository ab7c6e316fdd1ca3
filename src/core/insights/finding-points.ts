/**
 * The days behind one finding, for its small chart: the outcome on days with and without a yes/no
 * lever (two rows of dots), or the lever against the outcome (a scatter) for a continuous one.
 * Values are rounded to 2 decimals: the chart needs no more, and the answer stays small.
 *
 * @example
 * findingPoints(table, factorOf(table, 'kefir'), OUTCOMES[0], 0)
 * // → { kind: 'groups', with: [7, 6, …], without: [5, 6, …] }
 */
import type { Factor } from './factors.ts';
import { type DayTable, type Outcome, outcomeColumn } from './table.ts';

export type FindingPoints =
  | { kind: 'groups'; with: number[]; without: number[] }
  | { kind: 'scatter'; x: number[]; y: number[] };

const round = (v: number) => Math.round(v * 100) / 100;

/** The paired days of `factor` (day d) and `outcome` (day d + lag), as the engine paired them. */
export function findingPoints(table: DayTable, factor: Factor, outcome: Outcome, lag: 0 | 1): FindingPoints {
  const y = outcomeColumn(table, outcome);
  const x = factor.column;
  const a: number[] = [];
  const b: number[] = [];
  for (let d = 0; d + lag < table.days; d++) {
    const xv = x[d] as number;
    const yv = y[d + lag] as number;
    if (Number.isNaN(xv) || Number.isNaN(yv)) continue;
    if (factor.kind === 'presence') (xv > 0 ? a : b).push(round(yv));
    else {
      a.push(round(xv));
      b.push(round(yv));
    }
  }
  return factor.kind === 'presence'
    ? { kind: 'groups', with: a, without: b }
    : { kind: 'scatter', x: a, y: b };
}
