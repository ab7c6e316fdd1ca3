/**
 * Spearman's rank correlation with a confidence interval and p-value.
 *
 * - ρ is Pearson's correlation of the average ranks (as scipy.stats.spearmanr).
 * - p-value: t = ρ·√((n−2)/(1−ρ²)) on n − 2 degrees of freedom (scipy.stats.spearmanr's default).
 * - 95 % CI: Fisher's z = atanh(ρ) ± z₀.₉₇₅·√(1.06/(n−3)), back-transformed with tanh. The 1.06
 *   inflation is Fieller, Hartley & Pearson's variance for Spearman's ρ (Biometrika 1957,
 *   doi:10.1093/biomet/44.3-4.470); plain 1/√(n−3) is Pearson's r and is too narrow for ranks
 *   (Bonett & Wright 2000, doi:10.1007/BF02294183).
 * - Carry-over: with an `inflation` n / n_eff (autocorrelation.ts) both use n_eff days instead of n.
 * - ρ = ±1 (every rank in step) would give p = 0 and the interval [1, 1], which no finite number of
 *   days can justify: it is read as the nearest attainable value, one swapped pair of neighbouring
 *   ranks away, ρ = ±(1 − 12/(n(n² − 1))), so p stays above 0 and the interval below 1.
 *
 * @example spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]).rho // → 0.8207…
 */
import { normalQuantile, tTwoSidedP } from './distributions.ts';
import { assertFiniteValues, StatisticsInputError } from './input-checks.ts';
import { averageRanks } from './ranks.ts';

export interface SpearmanResult {
  n: number;
  /** NaN when either side has no spread. */
  rho: number;
  low: number;
  high: number;
  p: number;
}

/** Pearson's correlation of two equally long arrays (used on ranks). */
export function pearson(x: ArrayLike<number>, y: ArrayLike<number>, n = x.length): number {
  assertFiniteValues(x, 'x', n);
  assertFiniteValues(y, 'y', n);
  let mx = 0;
  let my = 0;
  for (let i = 0; i < n; i++) {
    mx += x[i] as number;
    my += y[i] as number;
  }
  mx /= n;
  my /= n;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  for (let i = 0; i < n; i++) {
    const dx = (x[i] as number) - mx;
    const dy = (y[i] as number) - my;
    sxy += dx * dy;
    sxx += dx * dx;
    syy += dy * dy;
  }
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
}

/** CI and p-value for a rank correlation `rho` over `n` pairs (n ≥ 4), optionally over n / inflation days. */
export function spearmanInference(rho: number, n: number, level = 0.95, inflation = 1): SpearmanResult {
  if (!(n >= 4)) throw new StatisticsInputError('n', `a rank correlation needs at least 4 pairs, got ${n}`);
  if (Number.isNaN(rho)) return { n, rho, low: Number.NaN, high: Number.NaN, p: Number.NaN };
  const r = Math.max(-1, Math.min(1, rho));
  const nearest = 1 - 12 / (n * (n * n - 1));
  const used = Math.abs(r) < nearest ? r : Math.sign(r) * nearest;
  // Never fewer than 4 effective days: the interval needs n_eff − 3 > 0.
  const days = Math.max(4, n / Math.max(1, inflation));
  const t = used * Math.sqrt((days - 2) / (1 - used * used));
  const z = Math.atanh(used);
  const half = normalQuantile(1 - (1 - level) / 2) * Math.sqrt(1.06 / (days - 3));
  return { n, rho: r, low: Math.tanh(z - half), high: Math.tanh(z + half), p: tTwoSidedP(t, days - 2) };
}

/** Spearman's ρ of paired values (at least 4 pairs, all finite), with its CI and p-value. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>, level = 0.95): SpearmanResult {
  if (x.length !== y.length) throw new StatisticsInputError('y', 'spearman needs pairs of equal length');
  assertFiniteValues(x, 'x', 4);
  assertFiniteValues(y, 'y', 4);
  return spearmanInference(pearson(averageRanks(x), averageRanks(y)), x.length, level);
}
