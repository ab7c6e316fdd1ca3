/**
 * "What goes with my better days": every lever (habits, foods, plant points, sleep timing, the
 * person's own measures) against every outcome, same day and next day, and separately how the
 * outcomes move together on the same day.
 *
 * Yes/no, count and food-serving levers compare the outcome on days with vs without (Welch);
 * continuous levers give Spearman's ρ (Fieller CI). Both allow for day-to-day carry-over through
 * the effective number of days of Bartlett / Bayley–Hammersley (autocorrelation.ts), so unrelated
 * series that each run in streaks are not called linked. Benjamini–Hochberg runs across every pair
 * shown in the same list. Pairs resting on fewer than 14 paired days, or fewer than 5 days in either
 * group, are not shown: they say how many more days are needed instead.
 *
 * @example
 * const report = computeAssociations(matrix);
 * report.associations.filter((a) => a.status === 'shown' && a.certainty === 'clear').map((a) => a.sentence)
 */

import type {
  Association,
  AssociationReport,
  Certainty,
  NotEnoughData,
  NoVariation,
  PairBase,
  ShownAssociation,
  ShownCorrelation,
  ShownDifference,
} from './association-types.ts';
import { lag1Autocorrelation, varianceInflation } from './autocorrelation.ts';
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
  type SplitMeans,
} from './kernels.ts';
import { sortedOrder } from './ranks.ts';
import { spearmanInference } from './spearman.ts';
import { MissingPatterns, SubsetRanks } from './subset-ranks.ts';
import { type DayTable, dayTable, OUTCOMES, type Outcome, outcomeColumn } from './table.ts';
import { welchFromMoments } from './welch.ts';
import {
  ASSOCIATION_NOTE,
  comparativeFor,
  correlationSentence,
  differenceSentence,
  notEnoughSentence,
  noVariationSentence,
  togetherSentence,
} from './wording.ts';

export type * from './association-types.ts';

export const MIN_PAIRED_DAYS = 14;
export const MIN_GROUP_DAYS = 5;
/** A finding is "clear" when its Benjamini–Hochberg adjusted p-value is below this… */
export const FALSE_DISCOVERY_RATE = 0.05;
/** …and "possible" below this looser rate (about one in five such findings may be chance). */
export const POSSIBLE_DISCOVERY_RATE = 0.2;
/** Outcomes are recorded in whole points: the variance floor of welch.ts. */
const OUTCOME_RESOLUTION = 1;

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

/** What Spearman pairs need of a column: where it is recorded, its missing-pattern id, cached ranks. */
interface RankedColumn {
  mask: Uint8Array;
  pattern: number;
  ranks: SubsetRanks;
  /** Lag-1 autocorrelation (day-to-day carry-over). */
  carryOver: number;
}

interface PreparedOutcomeColumn {
  outcome: Outcome;
  prepared: PreparedOutcome;
  ranked: RankedColumn;
}

interface Context {
  days: number;
  level: number;
  included: Uint8Array;
  patterns: MissingPatterns;
  split: SplitMeans;
}

export function associationsOfTable(table: DayTable, options: AssociationOptions = {}): AssociationReport {
  const ctx: Context = {
    days: table.days,
    level: options.level ?? 0.95,
    included: new Uint8Array(table.days + 1),
    patterns: new MissingPatterns(),
    split: { highDays: 0, highSum: 0, lowDays: 0, lowSum: 0 },
  };
  const factors = factorsOf(table, options.lookup);
  const ranked = new Map<Factor, RankedColumn>();
  const presence = new Map<Factor, { column: PreparedPresence; carryOver: number }>();
  for (const f of factors) {
    if (f.kind === 'continuous') {
      ranked.set(f, rankedColumn(f.column, f.order as Int32Array, ctx.patterns));
    } else {
      presence.set(f, { column: preparePresence(f.column), carryOver: lag1Autocorrelation(f.column) });
    }
  }
  const outcomes: PreparedOutcomeColumn[] = [];
  for (const outcome of OUTCOMES) {
    const y = outcomeColumn(table, outcome);
    const yOrder = sortedOrder(y);
    // An outcome never recorded has nothing to say yet: no row per factor for it.
    if (yOrder.length === 0) continue;
    outcomes.push({ outcome, prepared: prepareOutcome(y), ranked: rankedColumn(y, yOrder, ctx.patterns) });
  }

  const levers: Association[] = [];
  for (const { outcome, prepared, ranked: yRanked } of outcomes) {
    for (const factor of factors) {
      for (const lag of [0, 1] as const) {
        const base = {
          factor: factor.key,
          factorLabel: factor.label,
          outcome: outcome.key,
          outcomeLabel: outcome.label,
          lag,
          family: 'lever' as const,
        };
        const p = presence.get(factor);
        levers.push(
          p
            ? differencePair(
                base,
                groupSums(p.column, prepared, lag, ctx.days),
                prepared,
                p.carryOver,
                yRanked,
                ctx,
              )
            : correlationPair(base, factor, ranked.get(factor) as RankedColumn, yRanked, prepared, ctx),
        );
      }
    }
  }
  const together: Association[] = [];
  outcomes.forEach((a, i) => {
    for (const b of outcomes.slice(i + 1)) {
      const base = {
        factor: a.outcome.key,
        factorLabel: a.outcome.label,
        outcome: b.outcome.key,
        outcomeLabel: b.outcome.label,
        lag: 0 as const,
        family: 'together' as const,
      };
      together.push(correlationPair(base, undefined, a.ranked, b.ranked, b.prepared, ctx));
    }
  });
  adjustAcrossShown(levers);
  adjustAcrossShown(together);
  return {
    from: table.days ? table.firstDate : null,
    to: table.days ? lastDate(table) : null,
    days: table.days,
    note: ASSOCIATION_NOTE,
    associations: levers,
    together,
  };
}

function rankedColumn(column: Float64Array, order: Int32Array, patterns: MissingPatterns): RankedColumn {
  return {
    mask: presentMask(column),
    pattern: patterns.of(column),
    ranks: new SubsetRanks(column, order),
    carryOver: lag1Autocorrelation(column),
  };
}

function lastDate(table: DayTable): string {
  const d = new Date(`${table.firstDate}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + table.days - 1);
  return d.toISOString().slice(0, 10);
}

type Base = Pick<PairBase, 'factor' | 'factorLabel' | 'outcome' | 'outcomeLabel' | 'lag' | 'family'>;

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

const unset = { q: Number.NaN, clear: false, certainty: 'unclear' as Certainty, sentence: '' };

function differencePair(
  base: Base,
  g: GroupSums,
  y: PreparedOutcome,
  factorCarryOver: number,
  yr: RankedColumn,
  ctx: Context,
): Association {
  const nW = g.nWith;
  const nO = g.nWithout;
  const paired = nW + nO;
  const short = { days: MIN_PAIRED_DAYS - paired, with: MIN_GROUP_DAYS - nW, without: MIN_GROUP_DAYS - nO };
  const more = Math.max(short.days, short.with, short.without, 0);
  if (more > 0) {
    const needs = short.days === more ? 'days' : short.with === more ? 'with' : 'without';
    return notEnough(base, 'difference', paired, more, needs);
  }
  // Sums are of values shifted by the outcome's mean, which keeps the variances exact.
  const meanW = g.sumWith / nW + y.shift;
  const meanO = g.sumWithout / nO + y.shift;
  const m2W = spread(g.squaresWith, g.sumWith, nW);
  const m2O = spread(g.squaresWithout, g.sumWithout, nO);
  const inflation = varianceInflation(factorCarryOver, yr.carryOver);
  const r = welchFromMoments(
    { n: nW, mean: meanW, variance: m2W / (nW - 1) },
    { n: nO, mean: meanO, variance: m2O / (nO - 1) },
    { level: ctx.level, inflation, resolution: OUTCOME_RESOLUTION },
  );
  const shown: ShownDifference = {
    ...base,
    ...unset,
    method: 'difference',
    status: 'shown',
    pairedDays: paired,
    effectiveDays: paired / inflation,
    withDays: nW,
    withoutDays: nO,
    meanWith: meanW,
    meanWithout: meanO,
    difference: r.difference,
    low: r.low,
    high: r.high,
    df: r.df,
    p: r.p,
  };
  return shown;
}

function correlationPair(
  base: Base,
  factor: Factor | undefined,
  xr: RankedColumn,
  yr: RankedColumn,
  y: PreparedOutcome,
  ctx: Context,
): Association {
  const { lag } = base;
  const { days, included } = ctx;
  const paired = markPairedDays(xr.mask, yr.mask, lag, days, included);
  if (paired < MIN_PAIRED_DAYS) return notEnough(base, 'spearman', paired, MIN_PAIRED_DAYS - paired);
  // Ranks of the paired subset, read off each column's single sort (cached by the partner's missing
  // pattern); y's day d+lag pairs with d.
  const xRanks = xr.ranks.over(`${lag}|${yr.pattern}`, included, 0);
  const yRanks = yr.ranks.over(`${lag}|${xr.pattern}`, included, -lag);
  const split = ctx.split;
  const rho = rankCorrelation(xRanks, yRanks, y.value, included, lag, days, paired, split);
  if (Number.isNaN(rho)) return noVariation(base, 'spearman', paired);
  const inflation = varianceInflation(xr.carryOver, yr.carryOver);
  const r = spearmanInference(rho, paired, ctx.level, inflation);
  const shown: ShownCorrelation = {
    ...base,
    ...unset,
    method: 'spearman',
    status: 'shown',
    pairedDays: paired,
    effectiveDays: paired / inflation,
    rho: r.rho,
    low: r.low,
    high: r.high,
    p: r.p,
    meanHigh: split.highDays ? split.highSum / split.highDays + y.shift : Number.NaN,
    meanLow: split.lowDays ? split.lowSum / split.lowDays + y.shift : Number.NaN,
    highDays: split.highDays,
    lowDays: split.lowDays,
    comparative: factor ? comparativeFor(factor.measureKind) : 'higher',
  };
  return shown;
}

export function certaintyOf(q: number): Certainty {
  return q < FALSE_DISCOVERY_RATE ? 'clear' : q < POSSIBLE_DISCOVERY_RATE ? 'possible' : 'unclear';
}

function adjustAcrossShown(all: Association[]): void {
  const shown = all.filter((a): a is ShownAssociation => a.status === 'shown');
  const q = benjaminiHochberg(shown.map((a) => a.p));
  shown.forEach((a, i) => {
    a.q = q[i] as number;
    a.certainty = certaintyOf(a.q);
    a.clear = a.certainty === 'clear';
    a.sentence =
      a.method === 'difference'
        ? differenceSentence(
            a.factorLabel,
            a.outcomeLabel,
            a.lag,
            a.difference,
            a.low,
            a.high,
            a.withDays,
            a.withoutDays,
          )
        : a.family === 'together'
          ? togetherSentence(a.factorLabel, a.outcomeLabel, a.rho, a.pairedDays, a.certainty)
          : correlationSentence(
              a.factorLabel,
              a.outcomeLabel,
              a.lag,
              a.comparative,
              a.meanHigh,
              a.meanLow,
              a.pairedDays,
            );
  });
}
