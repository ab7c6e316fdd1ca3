/**
 * "What goes with my better days": every factor × outcome pair, same day and next day.
 * Yes/no, count and food-serving factors compare the outcome on days with vs without (Welch CI);
 * continuous factors give Spearman's ρ (Fieller CI). Benjamini–Hochberg runs across every pair shown. Pairs
 * resting on fewer than 14 paired days, or fewer than 5 days in either group, are not shown: they
 * say how many more days are needed instead.
 *
 * @example
 * const report = computeAssociations(matrix);
 * report.associations.filter((a) => a.status === 'shown' && a.clear).map((a) => a.sentence)
 */

import type {
  Association,
  AssociationReport,
  NotEnoughData,
  NoVariation,
  PairBase,
  ShownCorrelation,
  ShownDifference,
} from './association-types.ts';
import { type Factor, factorsOf, type MeasureLookup } from './factors.ts';
import { benjaminiHochberg } from './fdr.ts';
import {
  type GroupSums,
  groupSums,
  markPairedDays,
  type PreparedOutcome,
  type PreparedPresence,
  prepareOutcome,
  preparePresence,
  presentMask,
  rankCorrelation,
} from './kernels.ts';
import { sortedOrder } from './ranks.ts';
import { spearmanInference } from './spearman.ts';
import { MissingPatterns, SubsetRanks } from './subset-ranks.ts';
import { type DayTable, dayTable, OUTCOMES, outcomeColumn } from './table.ts';
import { welchFromMoments } from './welch.ts';
import {
  ASSOCIATION_NOTE,
  type Comparative,
  comparativeFor,
  correlationSentence,
  differenceSentence,
  notEnoughSentence,
  noVariationSentence,
} from './wording.ts';

export type * from './association-types.ts';

export const MIN_PAIRED_DAYS = 14;
export const MIN_GROUP_DAYS = 5;
/** An association counts as clear when its Benjamini–Hochberg adjusted p-value is below this. */
export const FALSE_DISCOVERY_RATE = 0.05;

export interface AssociationOptions {
  lookup?: MeasureLookup;
  level?: number;
}

/** Associations over a day × measure matrix (`Map<date, Map<measure, value>>`). */
export function computeAssociations(
  matrix: ReadonlyMap<string, ReadonlyMap<string, number>>,
  options: AssociationOptions = {},
): AssociationReport {
  return associationsOfTable(dayTable(matrix), options);
}

interface Scratch {
  included: Uint8Array;
}

/** What Spearman pairs need of a column: where it is recorded, its missing-pattern id, cached ranks. */
interface RankedColumn {
  mask: Uint8Array;
  pattern: number;
  ranks: SubsetRanks;
}

export function associationsOfTable(table: DayTable, options: AssociationOptions = {}): AssociationReport {
  const level = options.level ?? 0.95;
  const factors = factorsOf(table, options.lookup);
  const scratch: Scratch = { included: new Uint8Array(table.days + 1) };
  const patterns = new MissingPatterns();
  const ranked = new Map<Factor, RankedColumn>();
  const presence = new Map<Factor, PreparedPresence>();
  for (const f of factors) {
    if (f.kind === 'continuous') {
      ranked.set(f, {
        mask: presentMask(f.column),
        pattern: patterns.of(f.column),
        ranks: new SubsetRanks(f.column, f.order as Int32Array),
      });
    } else {
      presence.set(f, preparePresence(f.column));
    }
  }
  const out: Association[] = [];
  for (const outcome of OUTCOMES) {
    const y = outcomeColumn(table, outcome);
    const yOrder = sortedOrder(y);
    // An outcome never recorded has nothing to say yet: no row per factor for it.
    if (yOrder.length === 0) continue;
    const prepared = prepareOutcome(y);
    const yRanked: RankedColumn = {
      mask: prepared.mask,
      pattern: patterns.of(y),
      ranks: new SubsetRanks(y, yOrder),
    };
    for (const factor of factors) {
      if (outcome.measures.includes(factor.key)) continue;
      for (const lag of [0, 1] as const) {
        const base = {
          factor: factor.key,
          factorLabel: factor.label,
          outcome: outcome.key,
          outcomeLabel: outcome.label,
          lag,
        };
        out.push(
          factor.kind === 'presence'
            ? differencePair(
                base,
                groupSums(presence.get(factor) as PreparedPresence, prepared, lag, table.days),
                prepared,
                level,
              )
            : correlationPair(
                base,
                factor,
                ranked.get(factor) as RankedColumn,
                yRanked,
                table.days,
                level,
                scratch,
              ),
        );
      }
    }
  }
  adjustAcrossShown(out);
  return {
    from: table.days ? table.firstDate : null,
    to: table.days ? lastDate(table) : null,
    days: table.days,
    note: ASSOCIATION_NOTE,
    associations: out,
  };
}

function lastDate(table: DayTable): string {
  const d = new Date(`${table.firstDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + table.days - 1);
  return d.toISOString().slice(0, 10);
}

type Base = Pick<PairBase, 'factor' | 'factorLabel' | 'outcome' | 'outcomeLabel' | 'lag'>;

function notEnough(
  base: Base,
  method: PairBase['method'],
  paired: number,
  more: number,
  needs: NotEnoughData['needs'] = 'days',
): NotEnoughData {
  return {
    ...base,
    method,
    status: 'not_enough_data',
    pairedDays: paired,
    moreDaysNeeded: more,
    needs,
    sentence: notEnoughSentence(base.factorLabel, base.outcomeLabel, base.lag, more, needs),
  };
}

function noVariation(base: Base, method: PairBase['method'], paired: number): NoVariation {
  return {
    ...base,
    method,
    status: 'no_variation',
    pairedDays: paired,
    sentence: noVariationSentence(base.factorLabel, base.outcomeLabel),
  };
}

/** Sum of squared deviations from shifted sums; rounding noise around zero counts as no spread. */
function spread(sumSquares: number, sum: number, n: number): number {
  const m2 = sumSquares - (sum * sum) / n;
  return m2 > 1e-9 * (sumSquares + 1) ? m2 : 0;
}

function differencePair(base: Base, g: GroupSums, y: PreparedOutcome, level: number): Association {
  const nW = g.nWith;
  const nO = g.nWithout;
  // Sums are of values shifted by the outcome's mean, which keeps the variances exact.
  const meanW = g.sumWith / nW + y.shift;
  const meanO = g.sumWithout / nO + y.shift;
  const m2W = spread(g.squaresWith, g.sumWith, nW);
  const m2O = spread(g.squaresWithout, g.sumWithout, nO);
  const paired = nW + nO;
  const short = { days: MIN_PAIRED_DAYS - paired, with: MIN_GROUP_DAYS - nW, without: MIN_GROUP_DAYS - nO };
  const more = Math.max(short.days, short.with, short.without, 0);
  if (more > 0) {
    const needs = short.days === more ? 'days' : short.with === more ? 'with' : 'without';
    return notEnough(base, 'difference', paired, more, needs);
  }
  const r = welchFromMoments(
    { n: nW, mean: meanW, variance: m2W / (nW - 1) },
    { n: nO, mean: meanO, variance: m2O / (nO - 1) },
    level,
  );
  if (Number.isNaN(r.p)) return noVariation(base, 'difference', paired);
  return {
    ...base,
    method: 'difference',
    status: 'shown',
    pairedDays: paired,
    withDays: nW,
    withoutDays: nO,
    meanWith: meanW,
    meanWithout: meanO,
    difference: r.difference,
    low: r.low,
    high: r.high,
    df: r.df,
    p: r.p,
    q: Number.NaN,
    clear: false,
    sentence: '',
  };
}

function correlationPair(
  base: Base,
  factor: Factor,
  xr: RankedColumn,
  yr: RankedColumn,
  days: number,
  level: number,
  s: Scratch,
): Association {
  const lag = base.lag;
  const paired = markPairedDays(xr.mask, yr.mask, lag, days, s.included);
  if (paired < MIN_PAIRED_DAYS) return notEnough(base, 'spearman', paired, MIN_PAIRED_DAYS - paired);
  // Ranks of the paired subset, read off each column's single sort (cached by the partner's missing
  // pattern); y's day d+lag pairs with d.
  const xRanks = xr.ranks.over(`${lag}|${yr.pattern}`, s.included, 0);
  const yRanks = yr.ranks.over(`${lag}|${xr.pattern}`, s.included, -lag);
  const rho = rankCorrelation(xRanks, yRanks, s.included, lag, days, paired);
  if (Number.isNaN(rho)) return noVariation(base, 'spearman', paired);
  const r = spearmanInference(rho, paired, level);
  const shown: ShownCorrelation = {
    ...base,
    method: 'spearman',
    status: 'shown',
    pairedDays: paired,
    rho: r.rho,
    low: r.low,
    high: r.high,
    p: r.p,
    q: Number.NaN,
    clear: false,
    sentence: '',
  };
  comparatives.set(shown, comparativeFor(factor.measureKind));
  return shown;
}

/** How each correlation's factor is compared: "higher mood", "more sleep", "a later bedtime". */
const comparatives = new WeakMap<Association, Comparative>();

function adjustAcrossShown(all: Association[]): void {
  const shown = all.filter((a): a is ShownDifference | ShownCorrelation => a.status === 'shown');
  const q = benjaminiHochberg(shown.map((a) => a.p));
  shown.forEach((a, i) => {
    a.q = q[i] as number;
    a.clear = a.q < FALSE_DISCOVERY_RATE;
    a.sentence =
      a.method === 'difference'
        ? differenceSentence(
            a.factorLabel,
            a.outcomeLabel,
            a.lag,
            a.meanWith,
            a.meanWithout,
            a.difference,
            a.low,
            a.high,
            a.pairedDays,
          )
        : correlationSentence(
            a.factorLabel,
            a.outcomeLabel,
            a.lag,
            comparatives.get(a) ?? 'more',
            a.rho,
            a.low,
            a.high,
            a.pairedDays,
            a.clear,
          );
  });
}
