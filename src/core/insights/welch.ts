/**
 * Difference of two means with Welch's confidence interval: no assumption that the two groups have
 * equal variances, degrees of freedom by the Welch–Satterthwaite equation (Welch 1947,
 * doi:10.1093/biomet/34.1-2.28). Matches scipy.stats.ttest_ind(a, b, equal_var=False).
 *
 * @example welchDifference([7, 8, 6, 7, 9], [5, 6, 6, 5, 7]).difference // → 1.6
 */
import { tQuantile, tTwoSidedP } from './distributions.ts';

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
  /** Two-sided p-value; NaN when both groups have no spread (nothing to test). */
  p: number;
}

/** Mean and sample variance in one pass (Welford), so long series lose no precision. */
export function moments(values: ArrayLike<number>): GroupMoments {
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
export function welchFromMoments(a: GroupMoments, b: GroupMoments, level = 0.95): WelchDifference {
  const va = a.variance / a.n;
  const vb = b.variance / b.n;
  const se = Math.sqrt(va + vb);
  const difference = a.mean - b.mean;
  // Welch–Satterthwaite: df = (va + vb)² / (va²/(na−1) + vb²/(nb−1)).
  const df = (va + vb) ** 2 / ((va * va) / (a.n - 1) + (vb * vb) / (b.n - 1));
  if (!(se > 0)) {
    return {
      withGroup: a,
      withoutGroup: b,
      difference,
      low: difference,
      high: difference,
      t: Number.NaN,
      df,
      p: Number.NaN,
    };
  }
  const t = difference / se;
  const half = tQuantile(1 - (1 - level) / 2, df) * se;
  return {
    withGroup: a,
    withoutGroup: b,
    difference,
    low: difference - half,
    high: difference + half,
    t,
    df,
    p: tTwoSidedP(t, df),
  };
}

/** Welch difference of means between the values of two groups. */
export function welchDifference(
  withValues: ArrayLike<number>,
  withoutValues: ArrayLike<number>,
  level = 0.95,
): WelchDifference {
  return welchFromMoments(moments(withValues), moments(withoutValues), level);
}
