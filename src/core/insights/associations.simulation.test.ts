/**
 * Simulation: no link anywhere, days that carry over. Six daily measures (a yes/no habit, sleep
 * hours, an unregistered number, and mood, focus and stress on 1–10) are independent AR(1) series
 * with φ = 0, 0.5 and 0.7 over 180 days, seeded so the test is the same every run. Whatever the
 * engine calls "clear" is a false alarm.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.ts';
import { computeAssociations, type ShownAssociation } from './associations.ts';
import { normalDraw, type Random, seededRandom } from './random.ts';
import { spearmanInference } from './spearman.ts';

const DAYS = 180;
const RUNS = 250;

function ar1(rand: Random, phi: number): Float64Array {
  const out = new Float64Array(DAYS);
  let e = normalDraw(rand);
  for (let i = 0; i < DAYS; i++) {
    e = phi * e + Math.sqrt(1 - phi * phi) * normalDraw(rand);
    out[i] = e;
  }
  return out;
}

const score = (x: number) => Math.max(1, Math.min(10, Math.round(5.5 + 1.5 * x)));

function nullDiary(rand: Random, phi: number) {
  const [walk, sleep, coffee, mood, focus, stress] = Array.from({ length: 6 }, () =>
    ar1(rand, phi),
  ) as Float64Array[];
  const m = new Map<string, Map<string, number>>();
  for (let i = 0; i < DAYS; i++) {
    m.set(
      addDays('2026-01-01', i),
      new Map([
        ['walk', (walk?.[i] as number) > 0.3 ? 1 : 0],
        ['sleep_hours', 7 + (sleep?.[i] as number)],
        ['coffee', 2 + (coffee?.[i] as number)],
        ['mood', score(mood?.[i] as number)],
        ['focus', score(focus?.[i] as number)],
        ['stress', score(stress?.[i] as number)],
      ]),
    );
  }
  return m;
}

describe.each([0, 0.5, 0.7])('independent AR(1) series, φ = %s: no false "clear" links', (phi) => {
  const rand = seededRandom(16_000 + phi * 100);
  let pairs = 0;
  let clear = 0;
  let below05 = 0;
  let naiveBelow05 = 0;
  let correlations = 0;
  let runsWithClear = 0;
  for (let r = 0; r < RUNS; r++) {
    const shown = computeAssociations(nullDiary(rand, phi)).associations.filter(
      (a): a is ShownAssociation => a.status === 'shown',
    );
    pairs += shown.length;
    const c = shown.filter((a) => a.clear).length;
    clear += c;
    if (c > 0) runsWithClear++;
    below05 += shown.filter((a) => a.p < 0.05).length;
    for (const a of shown) {
      if (a.method !== 'spearman') continue;
      correlations++;
      if (spearmanInference(a.rho, a.pairedDays).p < 0.05) naiveBelow05++;
    }
  }
  // Binomial simulation error at 5 %, counting each run's 18 correlated pairs as only 3 independent.
  const pairError = Math.sqrt((0.05 * 0.95) / (RUNS * 3));
  const runError = Math.sqrt((0.05 * 0.95) / RUNS);

  it('every run compares 3 levers × 3 outcomes × 2 lags', () => {
    expect(pairs).toBe(RUNS * 18);
  });
  it(`the share of pairs called clear stays at or below the nominal 5 %`, () => {
    expect(clear / pairs).toBeLessThanOrEqual(0.05);
  });
  it('with Benjamini–Hochberg under a true null, at most 5 % of diaries show any clear link (± 2 simulation errors)', () => {
    expect(runsWithClear / RUNS).toBeLessThanOrEqual(0.05 + 2 * runError);
  });
  it('each test alone is calibrated: p < 0.05 in at most 5 % of pairs (± 2 simulation errors)', () => {
    expect(below05 / pairs).toBeLessThanOrEqual(0.05 + 2 * pairError);
  });
  if (phi === 0.7) {
    it('the check has teeth: ignoring carry-over, the same correlations give p < 0.05 far too often', () => {
      expect(naiveBelow05 / correlations).toBeGreaterThan(0.1);
    });
  }
});
