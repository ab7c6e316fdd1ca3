/**
 * Benjamini–Hochberg adjusted p-values (q-values) controlling the false discovery rate across every
 * association shown (Benjamini & Hochberg 1995, doi:10.1111/j.2517-6161.1995.tb02031.x). Matches
 * scipy.stats.false_discovery_control(p, method='bh').
 *
 * @example benjaminiHochberg([0.01, 0.04, 0.03]) // → [0.03, 0.04, 0.04]
 */
import { assertPValues } from './input-checks.ts';

export function benjaminiHochberg(pValues: readonly number[]): number[] {
  assertPValues(pValues);
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => (pValues[a] as number) - (pValues[b] as number));
  const q = new Array<number>(m);
  let running = 1;
  // From the largest p down: q_(i) = min over j ≥ i of p_(j)·m/j, capped at 1.
  for (let k = m - 1; k >= 0; k--) {
    const i = order[k] as number;
    running = Math.min(running, ((pValues[i] as number) * m) / (k + 1));
    q[i] = running;
  }
  return q;
}

/**
 * Holm's step-down adjusted p-values, controlling the chance of any false alarm across a few
 * secondary outcomes (Holm 1979, Scand. J. Statist. 6:65–70; as statsmodels multipletests 'holm').
 *
 * @example holm([0.01, 0.04, 0.03]) // → [0.03, 0.06, 0.06]
 */
export function holm(pValues: readonly number[]): number[] {
  assertPValues(pValues);
  const m = pValues.length;
  const order = pValues.map((_, i) => i).sort((a, b) => (pValues[a] as number) - (pValues[b] as number));
  const adjusted = new Array<number>(m);
  let running = 0;
  // From the smallest p up: adj_(i) = max over j ≤ i of (m − j + 1)·p_(j), capped at 1.
  order.forEach((i, k) => {
    running = Math.max(running, Math.min(1, (m - k) * (pValues[i] as number)));
    adjusted[i] = running;
  });
  return adjusted;
}
