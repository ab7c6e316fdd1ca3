// Reference values below were printed by stats.reference.py (SciPy 1.17, beside this file).
import { describe, expect, it } from 'vitest';
import { normalQuantile, tQuantile, tTwoSidedP } from './distributions.ts';
import { benjaminiHochberg } from './fdr.ts';
import { averageRanks, ranksAlongOrder, sortedOrder } from './ranks.ts';
import { spearman } from './spearman.ts';
import { welchDifference } from './welch.ts';

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
  it('gives no p-value when neither group varies', () => {
    const r = welchDifference([5, 5, 5], [4, 4, 4]);
    expect(r.difference).toBe(1);
    expect(r.p).toBeNaN();
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
});

describe('benjaminiHochberg (vs scipy.stats.false_discovery_control, method bh)', () => {
  it('adjusts and keeps the input order', () => {
    const q = benjaminiHochberg([0.01, 0.04, 0.03, 0.2, 0.001, 0.5, 0.049, 0.04]);
    const scipy = [0.04, 0.064, 0.064, 0.22857142857142856, 0.008, 0.5, 0.06533333333333333, 0.064];
    q.forEach((v, i) => {
      expect(v).toBeCloseTo(scipy[i] as number, 12);
    });
  });
  it('is empty for no tests', () => {
    expect(benjaminiHochberg([])).toEqual([]);
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
