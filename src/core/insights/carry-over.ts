/**
 * The change in an outcome between a baseline and an experiment period, with an interval that
 * allows for day-to-day carry-over (an n-of-1 before/after comparison).
 *
 * Days are modelled as an AR(1) series around each period's own mean: a good day tends to follow a
 * good day, with lag-1 autocorrelation φ. The variance of a period's mean is then
 * σ²/n² · Σᵢⱼ φ^|tᵢ−tⱼ| over its recorded days tᵢ (missing days simply drop out), and a t interval
 * uses the equivalent number of independent days (Zwiers & von Storch 1995, J. Climate 8:336,
 * doi:10.1175/1520-0442(1995)008<0336:TSCIAI>2.0.CO;2). Three small-sample choices keep it honest
 * with 7–90 days per period, each checked by simulation in carry-over.test.ts:
 * - φ is the pooled within-period lag-1 autocorrelation, bias-corrected (its estimate is pulled
 *   towards zero by about (1 + 3φ)/n: Marriott & Pope 1954, Biometrika 41:390–402), then
 *   raised by one standard error √((1 − φ²)/n), and never below 0: under-stating carry-over is
 *   what makes intervals too narrow;
 * - σ² is the pooled within-period variance, scaled up for the spread an AR(1) mean hides;
 * - the two periods are treated as independent, ignoring the positive covariance of neighbouring
 *   days across the start date (that only makes the interval wider).
 * Values are whole points, so each variance is at least 1/12 (see welch.ts): constant 5 then
 * constant 6 gives +1.0 with an interval, not [1.0, 1.0].
 *
 * @example
 * changeWithCarryOver([{ day: 28, value: 6 }, …], [{ day: 0, value: 5 }, …])
 * // → { difference, low, high, standardError, df, p, carryOver }
 */
import { normalQuantile, tQuantile, tTwoSidedP } from './distributions.ts';
import { assertFiniteValues } from './input-checks.ts';

export interface DayValue {
  /** Day index (consecutive calendar days differ by 1). */
  day: number;
  value: number;
}

export interface CarryOverChange {
  difference: number;
  low: number;
  high: number;
  standardError: number;
  df: number;
  p: number;
  /** The carry-over φ used (after bias correction and the one-standard-error margin). */
  carryOver: number;
  /** Smallest true change this comparison would detect 4 times in 5 (two-sided 5 % test). */
  detectable: number;
}

const RESOLUTION_VARIANCE = 1 / 12;
const MAX_CARRY_OVER = 0.95;

function meanOf(xs: readonly DayValue[]): number {
  let s = 0;
  for (const x of xs) s += x.value;
  return s / xs.length;
}

/** Σᵢⱼ φ^|tᵢ−tⱼ| over the recorded days of one period. */
function correlationSum(days: readonly number[], phi: number): number {
  let s = days.length;
  for (let i = 0; i < days.length; i++) {
    for (let j = i + 1; j < days.length; j++)
      s += 2 * phi ** Math.abs((days[j] as number) - (days[i] as number));
  }
  return s;
}

/** Pooled within-period lag-1 autocorrelation over consecutive recorded days, bias-corrected. */
export function pooledCarryOver(periods: readonly (readonly DayValue[])[]): number {
  let c0 = 0;
  let c1 = 0;
  let n = 0;
  let pairs = 0;
  for (const period of periods) {
    const m = meanOf(period);
    for (let i = 0; i < period.length; i++) {
      const d = (period[i] as DayValue).value - m;
      c0 += d * d;
      n++;
      const prev = period[i - 1];
      if (prev && prev.day === (period[i] as DayValue).day - 1) {
        c1 += (prev.value - m) * d;
        pairs++;
      }
    }
  }
  if (pairs < 3 || !(c0 > 0)) return 0;
  const r = c1 / pairs / (c0 / n);
  // Marriott & Pope: E[r] ≈ φ − (1 + 3φ)/n, so φ ≈ (n·r + 1)/(n − 3); then one standard error up.
  const corrected = (n * r + 1) / (n - 3);
  const margin = Math.sqrt(Math.max(0, 1 - corrected * corrected) / n);
  return Math.min(MAX_CARRY_OVER, Math.max(0, corrected + margin));
}

/** mean(after) − mean(before) with a carry-over-aware interval; each period needs ≥ 2 days. */
export function changeWithCarryOver(
  after: readonly DayValue[],
  before: readonly DayValue[],
  level = 0.95,
): CarryOverChange {
  assertFiniteValues(
    after.map((d) => d.value),
    'after',
    2,
  );
  assertFiniteValues(
    before.map((d) => d.value),
    'before',
    2,
  );
  const phi = pooledCarryOver([before, after]);
  const mA = meanOf(after);
  const mB = meanOf(before);
  let ss = 0;
  for (const d of after) ss += (d.value - mA) ** 2;
  for (const d of before) ss += (d.value - mB) ** 2;
  const sumA = correlationSum(
    after.map((d) => d.day),
    phi,
  );
  const sumB = correlationSum(
    before.map((d) => d.day),
    phi,
  );
  // E[Σ(x − x̄)²] = σ²(n − Σᵢⱼρᵢⱼ/n) per period under AR(1): divide by that, not by n − 1.
  const denominator = after.length - sumA / after.length + (before.length - sumB / before.length);
  const variance = Math.max(ss / Math.max(denominator, 1), RESOLUTION_VARIANCE);
  const standardError = Math.sqrt(variance * (sumA / after.length ** 2 + sumB / before.length ** 2));
  // Equivalent independent days: n² / Σρ per period; two means estimated.
  const df = Math.max(1, after.length ** 2 / sumA + before.length ** 2 / sumB - 2);
  const difference = mA - mB;
  const t = tQuantile(1 - (1 - level) / 2, df);
  return {
    difference,
    low: difference - t * standardError,
    high: difference + t * standardError,
    standardError,
    df,
    p: tTwoSidedP(difference / standardError, df),
    carryOver: phi,
    detectable: (t + normalQuantile(0.8)) * standardError,
  };
}
