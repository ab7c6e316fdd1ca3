/**
 * Day-to-day carry-over (autocorrelation) and what it does to a test of association.
 *
 * A person's days are not independent: a good day tends to follow a good day. Two unrelated
 * series that each carry over correlate by chance far more often than independent days would
 * suggest, so a test that counts every day as fresh information calls too many links "clear".
 *
 * Under independence of the two series, the variance of their sample cross-correlation is
 * (1/n)·Σₖ ρₓ(k)·ρᵧ(k) (Bartlett 1935, J. R. Stat. Soc. 98:536–543; Bayley & Hammersley 1946,
 * J. R. Stat. Soc. Suppl. 8:184–197). For two AR(1)-like series with lag-1 autocorrelations rₓ and rᵧ this sum is
 * (1 + rₓrᵧ)/(1 − rₓrᵧ), giving the effective number of independent days
 *   n_eff = n · (1 − rₓrᵧ)/(1 + rₓrᵧ)
 * (the form used by Dawdy & Matalas 1964 and Pyper & Peterman 1998, doi:10.1139/f98-104). A
 * difference of means between days with and without a habit is a correlation with a 0/1 series, so
 * the same factor widens Welch's interval. The factor never narrows a test (n_eff ≤ n).
 *
 * @example varianceInflation(0.5, 0.5) // → 1.666… (60 days count as 36)
 */

/** Largest product rₓrᵧ used: keeps the inflation finite for near-constant runs. */
const MAX_PRODUCT = 0.95;

/**
 * Lag-1 autocorrelation of a daily column (NaN = missing): the lag-1 autocovariance over pairs of
 * consecutive recorded days, divided by the variance over all recorded days (both about the
 * overall mean). 0 when there is no spread or fewer than 3 consecutive pairs.
 */
export function lag1Autocorrelation(column: ArrayLike<number>): number {
  let n = 0;
  let sum = 0;
  for (let i = 0; i < column.length; i++) {
    const v = column[i] as number;
    if (!Number.isNaN(v)) {
      n++;
      sum += v;
    }
  }
  if (n < 4) return 0;
  const mean = sum / n;
  let c0 = 0;
  let c1 = 0;
  let pairs = 0;
  let prev = Number.NaN;
  for (let i = 0; i < column.length; i++) {
    const v = column[i] as number;
    if (Number.isNaN(v)) {
      prev = Number.NaN;
      continue;
    }
    const d = v - mean;
    c0 += d * d;
    if (!Number.isNaN(prev)) {
      c1 += prev * d;
      pairs++;
    }
    prev = d;
  }
  if (pairs < 3 || !(c0 > 1e-12 * n)) return 0;
  const r = c1 / pairs / (c0 / n);
  return Math.max(-1, Math.min(1, r));
}

/**
 * n / n_eff for two series with lag-1 autocorrelations `rx` and `ry`: how much wider (squared) an
 * interval must be than the independent-days one. At least 1.
 */
export function varianceInflation(rx: number, ry: number): number {
  const product = Math.min(MAX_PRODUCT, rx * ry);
  return product > 0 ? (1 + product) / (1 - product) : 1;
}
