// Reference values below were printed by stats.reference.py (Debian's SciPy 1.10.1, beside this file).
import { describe, expect, it } from 'vitest';
import { lag1Autocorrelation, varianceInflation } from './autocorrelation.ts';
import { normalQuantile, tQuantile, tTwoSidedP } from './distributions.ts';
import { benjaminiHochberg, holm } from './fdr.ts';
import { StatisticsInputError } from './input-checks.ts';
import { averageRanks, ranksAlongOrder, sortedOrder } from './ranks.ts';
import { pearson, spearman, spearmanInference } from './spearman.ts';
import { moments, welchDifference, welchFromMoments } from './welch.ts';

describe('distributions (vs scipy.stats.t / norm)', () => {
  // jStat's inverse t is good to ~3e-8 relative: ample for intervals shown to one decimal.
  it('t quantiles, including fractional Welch degrees of freedom', () => {
    const scipy = [3.1824463052837078, 2.228138851986274, 2.1070320037534676, 1.9838506553357993];
    [3, 10, 17.3, 100.5].forEach((df, i) => {
      expect(tQuantile(0.975, df)).toBeCloseTo(scipy[i] as number, 6);
    });
  });
  it('two-sided t p-values keep precision far in the tail', () => {
    expect(tTwoSidedP(2.1, 12.4)).toBeCloseTo(0.05681768038017877, 9);
    expect(tTwoSidedP(-5.3, 40) / 4.532125368749126e-6).toBeCloseTo(1, 6);
    expect(tTwoSidedP(9.0, 150) / 9.36567322139181e-16).toBeCloseTo(1, 4);
  });
  it('normal quantiles', () => {
    expect(normalQuantile(0.975)).toBeCloseTo(1.959963984540054, 9);
    expect(normalQuantile(0.995)).toBeCloseTo(2.5758293035489004, 9);
  });
});

describe('ranks (vs scipy.stats.rankdata, method average)', () => {
  const values = [3, 1, 4, 1, 5, 9, 2, 6, 5, 3, 5];
  const scipy = [4.5, 1.5, 6.0, 1.5, 8.0, 11.0, 3.0, 10.0, 8.0, 4.5, 8.0];
  it('averages ties', () => {
    expect([...averageRanks(values)]).toEqual(scipy);
  });
  it('ranks a subset from a single sort, with a lag shift and missing values', () => {
    // Rank only entries whose partner (index + 1) is included; NaN is never ranked.
    const col = [3, Number.NaN, 4, 1, 5, 3];
    const included = Uint8Array.from([1, 1, 1, 0, 1, 1, 1]);
    const out = new Float64Array(col.length).fill(-1);
    const n = ranksAlongOrder(col, sortedOrder(col), included, 1, out);
    // Included: i=0 (3), i=1 NaN skipped, i=3 (1), i=4 (5), i=5 (3) → ranks 2.5, –, 1, 4, 2.5.
    expect(n).toBe(4);
    expect([...out]).toEqual([2.5, -1, -1, 1, 4, 2.5]);
  });
});

describe('welchDifference (vs scipy.stats.ttest_ind equal_var=False + confidence_interval)', () => {
  const cases = {
    small: {
      a: [7, 8, 6, 7, 9],
      b: [5, 6, 6, 5, 7],
      scipy: {
        difference: 1.6,
        t: 2.529822128134705,
        df: 7.339449541284402,
        p: 0.037759691540336225,
        low: 0.11838828910695853,
        high: 3.0816117108930428,
      },
    },
    unequal: {
      a: [6.1, 7.4, 5.9, 8.2, 6.6, 7.7, 9.0, 6.3],
      b: [5.2, 5.0, 6.8, 4.1, 5.5, 5.9, 6.0, 4.4, 5.1, 3.9, 6.2, 5.0],
      scipy: {
        difference: 1.8916666666666666,
        t: 4.064417186025118,
        df: 12.617212924581382,
        p: 0.0014206764943805463,
        low: 0.8830751747420305,
        high: 2.9002581585913028,
      },
    },
    noDifference: {
      a: [5, 6, 7, 5, 6, 7],
      b: [7, 6, 5, 7, 6, 5],
      scipy: { difference: 0, t: 0, df: 10, p: 1, low: -1.1506059555707402, high: 1.1506059555707402 },
    },
  };
  for (const [name, c] of Object.entries(cases)) {
    it(name, () => {
      const r = welchDifference(c.a, c.b);
      expect(r.difference).toBeCloseTo(c.scipy.difference, 10);
      expect(r.t).toBeCloseTo(c.scipy.t, 10);
      expect(r.df).toBeCloseTo(c.scipy.df, 10);
      expect(r.p).toBeCloseTo(c.scipy.p, 8);
      expect(r.low).toBeCloseTo(c.scipy.low, 6);
      expect(r.high).toBeCloseTo(c.scipy.high, 6);
    });
  }
  it('with carry-over: √inflation on the standard error, df shared out over n_eff', () => {
    const r = welchDifference(cases.unequal.a, cases.unequal.b, { inflation: 1.6 });
    expect(r.t).toBeCloseTo(3.2132039172429137, 10);
    expect(r.df).toBeCloseTo(7.885758077863364, 10);
    expect(r.p).toBeCloseTo(0.012602626062296634, 8);
    expect(r.low).toBeCloseTo(0.5306526044240754, 6);
    expect(r.high).toBeCloseTo(3.252680728909258, 6);
  });
  it('completely separated groups (7 every kefir day, 5 every other day) get an estimate and an interval', () => {
    const r = welchDifference([7, 7, 7, 7, 7, 7], [5, 5, 5, 5, 5, 5, 5, 5, 5], { resolution: 1 });
    expect(r.difference).toBe(2);
    expect(r.df).toBeCloseTo(10.869565217391303, 10);
    expect(r.p / 5.1527902065257653e-8).toBeCloseTo(1, 5);
    expect(r.low).toBeCloseTo(1.6646398453295024, 6);
    expect(r.high).toBeCloseTo(2.3353601546704974, 6);
  });
  it('without a resolution, groups with no spread give no p-value and no interval (never [1, 1])', () => {
    const r = welchDifference([5, 5, 5], [4, 4, 4]);
    expect(r.difference).toBe(1);
    expect(r.p).toBeNaN();
    expect(r.low).toBeNaN();
  });
  it('rejects NaN, infinity and too-small groups with a typed error', () => {
    expect(() => welchDifference([], [1, 2])).toThrow(StatisticsInputError);
    expect(() => welchDifference([1], [1, 2])).toThrow(/withValues needs at least 2 values/);
    expect(() => welchDifference([1, Number.NaN], [1, 2])).toThrow(StatisticsInputError);
    expect(() => welchDifference([1, 2], [1, Number.POSITIVE_INFINITY])).toThrow(/withoutValues/);
    expect(() => welchDifference([1, 2], [1, 2], 1.5)).toThrow(/level/);
    expect(() => moments([Number.NaN])).toThrow(StatisticsInputError);
    expect(() => moments([])).toThrow(StatisticsInputError);
    expect(() => welchFromMoments({ n: 1, mean: 5, variance: 0 }, { n: 5, mean: 4, variance: 1 })).toThrow(
      /at least 2 values/,
    );
  });
});

describe('spearman (vs scipy.stats.spearmanr; CI with the Fieller 1.06 standard error)', () => {
  it('with ties', () => {
    const x = [2.1, 3.4, 1.9, 5.6, 4.4, 3.3, 6.1, 2.8, 4.9, 5.0, 3.7, 4.1, 2.2, 6.3, 5.8, 3.0];
    const y = [4, 5, 4, 7, 6, 5, 8, 5, 6, 7, 5, 6, 3, 8, 6, 4];
    const r = spearman(x, y);
    expect(r.rho).toBeCloseTo(0.9402085805030669, 12);
    expect(r.p / 6.249041838051447e-8).toBeCloseTo(1, 6);
    expect(r.low).toBeCloseTo(0.8275076526390975, 9);
    expect(r.high).toBeCloseTo(0.9800771088927218, 9);
  });
  it('five points', () => {
    const r = spearman([1, 2, 3, 4, 5], [5, 6, 7, 8, 7]);
    expect(r.rho).toBeCloseTo(0.8207826816681233, 12);
    expect(r.p).toBeCloseTo(0.08858700531354384, 8);
    expect(r.low).toBeCloseTo(-0.26144986756218885, 9);
    expect(r.high).toBeCloseTo(0.988719528709667, 9);
  });
  it('is NaN when one side is constant', () => {
    expect(spearman([1, 2, 3, 4], [2, 2, 2, 2]).rho).toBeNaN();
  });
  it('with carry-over: the same ρ over n / inflation effective days', () => {
    const r = spearmanInference(0.9402085805030669, 16, 0.95, 1.6);
    expect(r.p / 5.200283083195349e-5).toBeCloseTo(1, 6);
    expect(r.low).toBeCloseTo(0.7518283652254402, 9);
    expect(r.high).toBeCloseTo(0.9866817061880242, 9);
  });
  it('ρ = 1 keeps ρ but is tested as one swapped pair away: p above 0, interval below 1', () => {
    const r = spearman([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], [3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
    expect(r.rho).toBe(1);
    expect(r.p / 9.307459988955221e-8).toBeCloseTo(1, 6);
    expect(r.low).toBeCloseTo(0.9454681267887509, 9);
    expect(r.high).toBeCloseTo(0.9973506439865182, 9);
    const falling = spearman([1, 2, 3, 4, 5], [5, 4, 3, 2, 1]);
    expect(falling.p).toBeGreaterThan(0);
    expect(falling.low).toBeGreaterThan(-1);
    expect(falling.high).toBeLessThan(0);
  });
  it('rejects NaN and too few pairs with a typed error (no silent ρ from the rest)', () => {
    expect(() => spearman([1, 2, 3, Number.NaN, 5], [2, 3, 4, 5, 6])).toThrow(StatisticsInputError);
    expect(() => spearman([1, 2, 3], [1, 2, 3])).toThrow(/at least 4/);
    expect(() => spearman([1, 2, 3, 4], [1, 2, 3])).toThrow(StatisticsInputError);
    expect(() => spearmanInference(0.5, 3)).toThrow(/at least 4 pairs/);
    expect(() => pearson([1, Number.NaN], [1, 2])).toThrow(StatisticsInputError);
  });
});

describe('benjaminiHochberg and holm (vs NumPy, beside the SciPy reference)', () => {
  const p = [0.01, 0.04, 0.03, 0.2, 0.001, 0.5, 0.049, 0.04];
  it('BH adjusts and keeps the input order', () => {
    const scipy = [0.04, 0.064, 0.064, 0.2285714285714286, 0.008, 0.5, 0.06533333333333334, 0.064];
    benjaminiHochberg(p).forEach((v, i) => {
      expect(v).toBeCloseTo(scipy[i] as number, 12);
    });
  });
  it('Holm steps down from the smallest p', () => {
    const numpy = [0.07, 0.2, 0.18, 0.4, 0.008, 0.5, 0.2, 0.2];
    holm(p).forEach((v, i) => {
      expect(v).toBeCloseTo(numpy[i] as number, 12);
    });
  });
  it('is empty for no tests', () => {
    expect(benjaminiHochberg([])).toEqual([]);
    expect(holm([])).toEqual([]);
  });
  it('rejects NaN and numbers outside 0–1 instead of turning them into NaN q-values', () => {
    expect(() => benjaminiHochberg([0.01, Number.NaN])).toThrow(StatisticsInputError);
    expect(() => holm([1.2])).toThrow(/from 0 to 1/);
  });
});

describe('day-to-day carry-over (autocorrelation.ts)', () => {
  it('lag-1 autocorrelation skips missing days (vs NumPy)', () => {
    const col = [5, 6, Number.NaN, 6, 7, 7, 8, 6, 5, Number.NaN, Number.NaN, 4, 5, 6, 6, 7];
    expect(lag1Autocorrelation(col)).toBeCloseTo(0.4642857142857143, 12);
  });
  it('inflation (1 + rₓrᵧ)/(1 − rₓrᵧ), never below 1', () => {
    expect(varianceInflation(0.5, 0.5)).toBeCloseTo(1.25 / 0.75, 12);
    expect(varianceInflation(0.7, -0.7)).toBe(1);
    expect(varianceInflation(0, 0.9)).toBe(1);
    expect(Number.isFinite(varianceInflation(1, 1))).toBe(true);
  });
});

describe('sortedOrder on every path: whole numbers, few values, many values, a wide range', () => {
  // Definition of the average rank: 1 + (number smaller) + (number of others equal) / 2.
  const naive = (xs: number[]) =>
    xs.map((x) => 1 + xs.filter((y) => y < x).length + (xs.filter((y) => y === x).length - 1) / 2);
  it('agrees with the definition either way', () => {
    const many = Array.from({ length: 300 }, (_, i) => ((i * 37) % 101) + (i % 3) / 4);
    const few = Array.from({ length: 300 }, (_, i) => (i * 7) % 10);
    const quarters = Array.from({ length: 300 }, (_, i) => ((i * 5) % 8) * 0.25 + 0.5);
    const wide = Array.from({ length: 300 }, (_, i) => ((i * 13) % 7) * 1000 - 3000);
    expect([...averageRanks(many)]).toEqual(naive(many));
    expect([...averageRanks(few)]).toEqual(naive(few));
    expect([...averageRanks(quarters)]).toEqual(naive(quarters));
    expect([...averageRanks(wide)]).toEqual(naive(wide));
    expect(new Set(many).size).toBeGreaterThan(64);
  });
});
