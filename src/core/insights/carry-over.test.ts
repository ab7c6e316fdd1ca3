// The reference numbers were printed by stats.reference.py (NumPy/SciPy 1.10, the same model written
// as a matrix: Var(mean) = σ²·aᵀRa with R the AR(1) correlation matrix over the recorded days).
import { describe, expect, it } from 'vitest';
import { changeWithCarryOver, type DayValue } from './carry-over.ts';
import { StatisticsInputError } from './input-checks.ts';
import { normalDraw, type Random, seededRandom } from './random.ts';

const beforeValues = [4, 5, 5, 6, 5, 6, 7, 6, 6, 5, 6, 4, 5, 5, 6, 5, 7, 6, 6, 5, 6, 4, 5, 6, 6, 7, 5, 5];
const afterValues = [6, 6, 7, 5, 6, 7, 5, 6, 7, 6, 8, 7, 6, 6];
const before = beforeValues.map((value, day) => ({ day, value })).filter((d) => d.day !== 3 && d.day !== 12);
const after = afterValues.map((value, i) => ({ day: 28 + i, value })).filter((d) => d.day !== 33);

describe('changeWithCarryOver (vs the NumPy matrix form)', () => {
  it('matches the reference: φ, standard error, df, interval, p, detectable change', () => {
    const c = changeWithCarryOver(after, before);
    expect(c.carryOver).toBeCloseTo(0.22100021872982545, 12);
    expect(c.difference).toBeCloseTo(0.7307692307692308, 12);
    expect(c.standardError).toBeCloseTo(0.3560790537666464, 12);
    expect(c.df).toBeCloseTo(24.237147203294448, 10);
    expect(c.low).toBeCloseTo(-0.003761478870172197, 6);
    expect(c.high).toBeCloseTo(1.465299940408634, 6);
    expect(c.p).toBeCloseTo(0.05109405702982754, 8);
    expect(c.detectable).toBeCloseTo(1.0342144021199642, 6);
  });

  it('constant 5 before and constant 6 during gives +1 with an interval, not [1, 1]', () => {
    const flat = (from: number, n: number, value: number) =>
      Array.from({ length: n }, (_, i) => ({ day: from + i, value }));
    const c = changeWithCarryOver(flat(28, 14, 6), flat(0, 28, 5));
    expect(c.difference).toBe(1);
    expect(c.low).toBeLessThan(1);
    expect(c.high).toBeGreaterThan(1);
    expect(c.p).toBeGreaterThan(0);
  });

  it('rejects NaN and periods of fewer than 2 days with a typed error', () => {
    expect(() => changeWithCarryOver([], before)).toThrow(StatisticsInputError);
    expect(() => changeWithCarryOver([{ day: 30, value: Number.NaN }, ...after], before)).toThrow(/after/);
  });
});

/** One person's 28 + 14 days of a 1–10 score: AR(1) with carry-over φ, no change at the start. */
function nullRun(rand: Random, phi: number): { before: DayValue[]; after: DayValue[] } {
  let e = normalDraw(rand);
  const b: DayValue[] = [];
  const a: DayValue[] = [];
  for (let day = 0; day < 42; day++) {
    e = phi * e + Math.sqrt(1 - phi * phi) * normalDraw(rand);
    const value = Math.max(1, Math.min(10, Math.round(5.5 + 1.5 * e)));
    (day < 28 ? b : a).push({ day, value });
  }
  return { before: b, after: a };
}

describe('simulation: a verdict on a null experiment is rare, even when days carry over', () => {
  // 3000 seeded null experiments per φ: binomial simulation error √(0.05·0.95/3000) ≈ 0.4 %.
  const RUNS = 3000;
  const simulationError = Math.sqrt((0.05 * 0.95) / RUNS);
  for (const phi of [0, 0.5, 0.7]) {
    it(`φ = ${phi}: the primary is called higher or lower in at most 5 % of null runs (± ${(2 * simulationError * 100).toFixed(1)} %)`, () => {
      const rand = seededRandom(20261206 + phi * 1000);
      let calls = 0;
      for (let r = 0; r < RUNS; r++) {
        const { before: b, after: a } = nullRun(rand, phi);
        if (changeWithCarryOver(a, b).p < 0.05) calls++;
      }
      expect(calls / RUNS).toBeLessThanOrEqual(0.05 + 2 * simulationError);
    });
  }
  it('still finds a change of two standard deviations (3 points) at φ = 0.5 in most runs: not just blind', () => {
    const rand = seededRandom(7);
    let found = 0;
    for (let r = 0; r < 500; r++) {
      const { before: b, after: a } = nullRun(rand, 0.5);
      const shifted = a.map((d) => ({ day: d.day, value: d.value + 3 }));
      if (changeWithCarryOver(shifted, b).low > 0) found++;
    }
    expect(found / 500).toBeGreaterThan(0.5);
  });
});
