/**
 * The few distribution functions insights need, from jStat (a maintained statistics library) so the
 * numerics are not hand-rolled. Two-sided p-values are computed from the smaller tail so that tiny
 * p-values keep their precision instead of becoming 1 − 0.99999….
 *
 * @example tQuantile(0.975, 10) // → 2.228138…
 */
import jStat from 'jstat';

/** Quantile of Student's t with `df` degrees of freedom (df may be fractional, as in Welch's test). */
export function tQuantile(p: number, df: number): number {
  return jStat.studentt.inv(p, df);
}

/** Two-sided p-value of a t statistic: P(|T| ≥ |t|). */
export function tTwoSidedP(t: number, df: number): number {
  if (Number.isNaN(t)) return Number.NaN;
  if (!Number.isFinite(t)) return 0;
  return Math.min(1, 2 * jStat.studentt.cdf(-Math.abs(t), df));
}

/** Quantile of the standard normal distribution: normalQuantile(0.975) → 1.959963… */
export function normalQuantile(p: number): number {
  return jStat.normal.inv(p, 0, 1);
}
