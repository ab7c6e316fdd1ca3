/**
 * Moving-block bootstrap (Künsch 1989, doi:10.1214/aos/1176347265): resample overlapping blocks of
 * consecutive days rather than single days, so a run of good days stays a run and the interval
 * accounts for day-to-day autocorrelation.
 *
 * Two small-sample choices, both checked by simulation on AR(1) series of 28 baseline + 14
 * experiment days (bootstrap.test.ts keeps the check):
 * - block length ⌈√n⌉ (at least 2), longer than the asymptotic n^(1/3) optimum of Hall, Horowitz &
 *   Jing (1995, doi:10.1093/biomet/82.3.561): with 7–90 days, cutting the dependence short costs
 *   more than the extra variance of longer blocks;
 * - the interval is difference ± t × (bootstrap standard error), with t on (blocks − 2) degrees of
 *   freedom (Efron & Tibshirani 1993, An Introduction to the Bootstrap, ch. 12,
 *   doi:10.1201/9780429246593), rather than the percentile interval, which was too narrow here.
 * No-shift series then give "no clear change" in ~95 % / 87 % / 80 % of runs at φ = 0 / 0.5 / 0.7,
 * against 87 % / 76 % / 66 % for the percentile interval with n^(1/3) blocks.
 *
 * @example
 * blockBootstrapDifference(after, before, { seed: 7 }) // → { difference, low, high, blockLength… }
 */
import { tQuantile } from './distributions.ts';
import { assertFiniteValues } from './input-checks.ts';
import { intBelow, type Random, seededRandom } from './random.ts';

export interface BootstrapOptions {
  seed: number;
  replicates?: number;
  level?: number;
  /** Force a block length (1 gives the ordinary i.i.d. bootstrap, for comparison). */
  blockLength?: number;
}

export interface BootstrapDifference {
  difference: number;
  low: number;
  high: number;
  /** Standard deviation of the resampled differences. */
  standardError: number;
  degreesOfFreedom: number;
  blockLength: number;
  replicates: number;
}

export function defaultBlockLength(n: number): number {
  return Math.max(2, Math.ceil(Math.sqrt(n)));
}

const mean = (xs: ArrayLike<number>) => {
  let s = 0;
  for (let i = 0; i < xs.length; i++) s += xs[i] as number;
  return s / xs.length;
};

/** Mean of one moving-block resample of `xs` (blocks of `l` consecutive values, cut to length n). */
export function blockResampleMean(xs: ArrayLike<number>, l: number, rand: Random): number {
  const n = xs.length;
  const block = Math.min(l, n);
  const starts = n - block + 1;
  let sum = 0;
  let taken = 0;
  while (taken < n) {
    const s = intBelow(rand, starts);
    for (let j = 0; j < block && taken < n; j++, taken++) sum += xs[s + j] as number;
  }
  return sum / n;
}

/** Interval for mean(after) − mean(before), each period resampled in blocks on its own. */
export function blockBootstrapDifference(
  after: ArrayLike<number>,
  before: ArrayLike<number>,
  options: BootstrapOptions,
): BootstrapDifference {
  assertFiniteValues(after, 'after', 2);
  assertFiniteValues(before, 'before', 2);
  const replicates = options.replicates ?? 4000;
  const level = options.level ?? 0.95;
  const rand = seededRandom(options.seed);
  const lAfter = options.blockLength ?? defaultBlockLength(after.length);
  const lBefore = options.blockLength ?? defaultBlockLength(before.length);
  const diffs = new Float64Array(replicates);
  for (let r = 0; r < replicates; r++) {
    diffs[r] = blockResampleMean(after, lAfter, rand) - blockResampleMean(before, lBefore, rand);
  }
  const centre = mean(diffs);
  let ss = 0;
  for (const d of diffs) ss += (d - centre) * (d - centre);
  const standardError = Math.sqrt(ss / (replicates - 1));
  const blocks = Math.floor(after.length / lAfter) + Math.floor(before.length / lBefore);
  const degreesOfFreedom = Math.max(1, blocks - 2);
  const difference = mean(after) - mean(before);
  const half = tQuantile(1 - (1 - level) / 2, degreesOfFreedom) * standardError;
  return {
    difference,
    low: difference - half,
    high: difference + half,
    standardError,
    degreesOfFreedom,
    blockLength: Math.max(lAfter, lBefore),
    replicates,
  };
}
