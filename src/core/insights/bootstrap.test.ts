import { describe, expect, it } from 'vitest';
import { blockBootstrapDifference, blockResampleMean, defaultBlockLength } from './bootstrap.ts';
import { StatisticsInputError } from './input-checks.ts';
import { normalDraw, type Random, seededRandom } from './random.ts';

/** AR(1) noise with unit marginal variance: e_t = φ·e_(t−1) + √(1−φ²)·z_t. */
function ar1(n: number, phi: number, rand: Random): number[] {
  const out: number[] = [];
  let e = normalDraw(rand);
  for (let i = 0; i < n; i++) {
    e = phi * e + Math.sqrt(1 - phi * phi) * normalDraw(rand);
    out.push(e);
  }
  return out;
}

/** 28 baseline days then 14 experiment days of one continuous series, the latter shifted. */
function periods(seed: number, phi: number, shift: number) {
  const series = ar1(42, phi, seededRandom(seed * 7919));
  return { before: series.slice(0, 28).map((x) => 5 + x), after: series.slice(28).map((x) => 5 + shift + x) };
}

describe('moving-block bootstrap', () => {
  // Exact values from bootstrap.reference.py (NumPy): the MBB variance of the mean with blocks of 4,
  // and the i.i.d. bootstrap variance (blocks of 1), for this 24-day series.
  const series = [5, 6, 6, 7, 5, 4, 4, 5, 6, 8, 8, 7, 6, 5, 5, 4, 6, 7, 7, 8, 6, 5, 4, 4];
  const flat = new Array(24).fill(5);
  it('its resampling variance converges to the exact moving-block variance (Künsch 1989)', () => {
    const blocks = blockBootstrapDifference(series, flat, { seed: 1, replicates: 40000, blockLength: 4 });
    expect(blocks.standardError ** 2 / 0.11866969009826152).toBeCloseTo(1, 1);
    const single = blockBootstrapDifference(series, flat, { seed: 1, replicates: 40000, blockLength: 1 });
    expect(single.standardError ** 2 / 0.0703125).toBeCloseTo(1, 1);
  });

  it('is reproducible for a seed and differs between seeds', () => {
    const { before, after } = periods(1, 0.5, 0);
    const a = blockBootstrapDifference(after, before, { seed: 11 });
    expect(blockBootstrapDifference(after, before, { seed: 11 })).toEqual(a);
    expect(blockBootstrapDifference(after, before, { seed: 12 }).low).not.toBe(a.low);
  });

  it('resamples whole blocks: a resample of a step series keeps its runs', () => {
    // With blocks as long as the series the only resample is the series itself.
    const xs = [1, 1, 1, 9, 9, 9];
    expect(blockResampleMean(xs, 6, seededRandom(3))).toBe(5);
    expect(defaultBlockLength(14)).toBe(4);
    expect(defaultBlockLength(28)).toBe(6);
    expect(defaultBlockLength(3)).toBe(2);
  });

  it('detects a known shift of 1.5 (noise SD 1, φ = 0.5) in nearly every seed, with the shift inside the CI', () => {
    let detected = 0;
    let covered = 0;
    for (let s = 1; s <= 100; s++) {
      const { before, after } = periods(s, 0.5, 1.5);
      const r = blockBootstrapDifference(after, before, { seed: s, replicates: 1000 });
      if (r.low > 0) detected++;
      if (r.low <= 1.5 && r.high >= 1.5) covered++;
    }
    expect(detected).toBeGreaterThanOrEqual(80);
    expect(covered).toBeGreaterThanOrEqual(80);
  });

  it('without a shift says "no clear change" in most seeds', () => {
    for (const [phi, atLeast] of [
      [0, 90],
      [0.5, 80],
    ] as const) {
      let noClear = 0;
      for (let s = 1; s <= 100; s++) {
        const { before, after } = periods(s, phi, 0);
        const r = blockBootstrapDifference(after, before, { seed: s, replicates: 1000 });
        if (r.low <= 0 && r.high >= 0) noClear++;
      }
      expect(noClear).toBeGreaterThanOrEqual(atLeast);
    }
  });

  it('autocorrelated noise widens the interval compared with the i.i.d. bootstrap; i.i.d. noise does not', () => {
    const ratio = (phi: number) => {
      let blocks = 0;
      let single = 0;
      for (let s = 1; s <= 60; s++) {
        const { before, after } = periods(s, phi, 0);
        const b = blockBootstrapDifference(after, before, { seed: s, replicates: 1000 });
        const i = blockBootstrapDifference(after, before, { seed: s, replicates: 1000, blockLength: 1 });
        blocks += b.standardError;
        single += i.standardError;
      }
      return blocks / single;
    };
    // Var of a mean of AR(1) grows by ≈ (1+φ)/(1−φ): blocks must see some of that.
    expect(ratio(0.7)).toBeGreaterThan(1.3);
    expect(ratio(0)).toBeLessThan(1.1);
  });
});

describe('blockBootstrapDifference input', () => {
  it('rejects NaN and periods of fewer than 2 days with a typed error', () => {
    expect(() => blockBootstrapDifference([], [1, 2, 3], { seed: 1 })).toThrow(StatisticsInputError);
    expect(() => blockBootstrapDifference([1, Number.NaN, 3], [1, 2, 3], { seed: 1 })).toThrow(/after/);
  });
});
