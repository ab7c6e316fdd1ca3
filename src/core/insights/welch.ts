/**
 * Difference of two means with Welch's confidence interval: no assumption that the two groups have
 * equal variances, degrees of freedom by the Welch–Satterthwaite equation (Welch 1947,
 * doi:10.1093/biomet/34.1-2.28). Matches scipy.stats.ttest_ind(a, b, equal_var=False).
 *
 * Two honest adjustments, both off by default:
 * - `inflation` (≥ 1) widens the standard error by √inflation and divides the degrees of freedom by
 *   it, for days that carry over from one to the next (see autocorrelation.ts);
 * - `resolution` is the step the values are recorded in (1 for a 1–10 scale). Each group's variance
 *   is at least resolution²/12, the variance of rounding to that step (Sheppard's correction), so
 *   mood 7 on every kefir day and 5 on every other day still gives an estimate with an interval
 *   (the true values behind "7" lie somewhere between 6.5 and 7.5) rather than [2.0, 2.0].
 *
 * @example welchDifference([7, 8, 6, 7, 9], [5, 6, 6, 5, 7]).difference // → 1.6
 */
import { tQuantile, tTwoSidedP } from './distributions.ts';
import { assertFiniteValues, StatisticsInputError } from './input-checks.ts';

export interface GroupMoments {
  n: number;
  mean: number;
  /** Sample variance (n − 1 in the denominator). */
  variance: number;
}

export interface WelchDifference {
  withGroup: GroupMoments;
  withoutGroup: GroupMoments;
  /** mean(with) − mean(without). */
  difference: number;
  low: number;
  high: number;
  t: number;
  df: number;
  /** Two-sided p-value; NaN when both groups have no spread and no resolution was given. */
  p: number;
}

export interface WelchOptions {
  level?: number;
  /** n / n_eff from day-to-day carry-over; 1 treats days as independent. */
  inflation?: number;
  /** Recording step of the values; 0 means no floor on the variances. */
  resolution?: number;
}

/** Mean and sample variance in one pass (Welford), so long series lose no precision. */
export function moments(values: ArrayLike<number>): GroupMoments {
  assertFiniteValues(values, 'values');
  let mean = 0;
  let m2 = 0;
  for (let i = 0; i < values.length; i++) {
    const x = values[i] as number;
    const d = x - mean;
    mean += d / (i + 1);
    m2 += d * (x - mean);
  }
  const n = values.length;
  return { n, mean, variance: n > 1 ? m2 / (n - 1) : Number.NaN };
}

/** Welch's interval from the groups' moments (each group needs at least 2 values). */
export function welchFromMoments(
  a: GroupMoments,
  b: GroupMoments,
  options: WelchOptions | number = {},
): WelchDifference {
  if (!(a.n >= 2 && b.n >= 2)) {
    throw new StatisticsInputError(
      a.n >= 2 ? 'withoutGroup' : 'withGroup',
      'each group needs at least 2 values',
    );
  }
  const o = typeof options === 'number' ? { level: options } : options;
  const level = o.level ?? 0.95;
  const inflation = Math.max(1, o.inflation ?? 1);
  const floor = ((o.resolution ?? 0) * (o.resolution ?? 0)) / 12;
  const va = Math.max(a.variance, floor) / a.n;
  const vb = Math.max(b.variance, floor) / b.n;
  const se = Math.sqrt((va + vb) * inflation);
  const difference = a.mean - b.mean;
  // Welch–Satterthwaite: df = (va + vb)² / (va²/(na−1) + vb²/(nb−1)), shared out over n_eff days.
  const df = (va + vb) ** 2 / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1)) / inflation;
  if (!(se > 0)) {
    return {
      withGroup: a,
      withoutGroup: b,
      difference,
      low: Number.NaN,
      high: Number.NaN,
      t: Number.NaN,
      df,
      p: Number.NaN,
    };
  }
  const t = difference / se;
  const half = tQuantile(1 - (1 - level) / 2, Math.max(1, df)) * se;
  return {
    withGroup: a,
    withoutGroup: b,
    difference,
    low: difference - half,
    high: difference + half,
    t,
    df,
    p: tTwoSidedP(t, Math.max(1, df)),
  };
}

/** Welch difference of means between the values of two groups (each at least 2 finite values). */
export function welchDifference(
  withValues: ArrayLike<number>,
  withoutValues: ArrayLike<number>,
  options: WelchOptions | number = {},
): WelchDifference {
  assertFiniteValues(withValues, 'withValues', 2);
  assertFiniteValues(withoutValues, 'withoutValues', 2);
  const level = typeof options === 'number' ? options : options.level;
  if (level !== undefined && !(level > 0 && level < 1)) {
    throw new StatisticsInputError('level', 'level must be between 0 and 1, like 0.95');
  }
  return welchFromMoments(moments(withValues), moments(withoutValues), options);
}
