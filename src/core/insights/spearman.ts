/**
 * Spearman's rank correlation with a confidence interval and p-value.
 *
 * - ρ is Pearson's correlation of the average ranks (as scipy.stats.spearmanr).
 * - p-value: t = ρ·√((n−2)/(1−ρ²)) on n − 2 degrees of freedom (scipy.stats.spearmanr's default).
 * - 95 % CI: Fisher's z = atanh(ρ) ± z₀.₉₇₅·√(1.06/(n−3)), back-transformed with tanh. The 1.06
 *   inflation is Fieller, Hartley & Pearson's variance for Spearman's ρ (Biometrika 1957,
 *   doi:10.1093/biomet/44.3-4.470); plain 1/√(n−3) is Pearson's r and is too narrow for ranks
 *   (Bonett & Wright 2000, doi:10.1007/BF02294183).
 *
 * @example spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]).rho // → 0.8207…
 */
import { normalQuantile, tTwoSidedP } from './distributions.ts';
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

/** CI and p-value for a rank correlation `rho` over `n` pairs (n ≥ 4). */
export function spearmanInference(rho: number, n: number, level = 0.95): SpearmanResult {
  if (Number.isNaN(rho)) return { n, rho, low: Number.NaN, high: Number.NaN, p: Number.NaN };
  const r = Math.max(-1, Math.min(1, rho));
  if (Math.abs(r) === 1) return { n, rho: r, low: r, high: r, p: 0 };
  const t = r * Math.sqrt((n - 2) / (1 - r * r));
  const z = Math.atanh(r);
  const half = normalQuantile(1 - (1 - level) / 2) * Math.sqrt(1.06 / (n - 3));
  return { n, rho: r, low: Math.tanh(z - half), high: Math.tanh(z + half), p: tTwoSidedP(t, n - 2) };
}

/** Spearman's ρ of paired values (no missing values), with its CI and p-value. */
export function spearman(x: ArrayLike<number>, y: ArrayLike<number>, level = 0.95): SpearmanResult {
  if (x.length !== y.length) throw new RangeError('spearman needs pairs of equal length');
  return spearmanInference(pearson(averageRanks(x), averageRanks(y)), x.length, level);
}
