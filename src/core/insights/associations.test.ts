// Reference values printed by associations.reference.py (NumPy/SciPy, beside this file), which
// also wrote the 60-day matrix in associations.fixture.json that both sides read.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  type Association,
  computeAssociations,
  type ShownCorrelation,
  type ShownDifference,
} from './associations.ts';
import { benjaminiHochberg } from './fdr.ts';

const fixture = JSON.parse(
  readFileSync(new URL('./associations.fixture.json', import.meta.url), 'utf8'),
) as Record<string, Record<string, number>>;
const matrix = new Map(Object.entries(fixture).map(([date, day]) => [date, new Map(Object.entries(day))]));
const report = computeAssociations(matrix);
const find = (factor: string, outcome: string, lag: 0 | 1) =>
  report.associations.find(
    (a) => a.factor === factor && a.outcome === outcome && a.lag === lag,
  ) as Association;

describe('computeAssociations against SciPy on the fixture', () => {
  it('yes/no lever, same day: Welch difference of mood with vs without kefir', () => {
    const a = find('kefir', 'mood', 0) as ShownDifference;
    expect(a.status).toBe('shown');
    expect(a.method).toBe('difference');
    expect(a.family).toBe('lever');
    expect([a.pairedDays, a.withDays, a.withoutDays]).toEqual([42, 15, 27]);
    expect(a.meanWith).toBeCloseTo(6.133333333333334, 10);
    expect(a.meanWithout).toBeCloseTo(5.148148148148148, 10);
    expect(a.difference).toBeCloseTo(0.9851851851851858, 10);
    expect(a.df).toBeCloseTo(28.46259191529591, 8);
    expect(a.low).toBeCloseTo(0.24948082402340055, 6);
    expect(a.high).toBeCloseTo(1.720889546346971, 6);
    expect(a.p).toBeCloseTo(0.010466417716593642, 8);
    expect(a.effectiveDays).toBeCloseTo(42, 10);
    expect(a.sentence).toBe(
      'On days with kefir your mood was about 1.0 point higher (likely between 0.2 and 1.7), over 15 days with and 27 without.',
    );
  });

  it('yes/no lever, next day, against a derived outcome (gut comfort = 10 − bloating), with carry-over', () => {
    const a = find('kefir', 'gut_comfort', 1) as ShownDifference;
    expect([a.pairedDays, a.withDays, a.withoutDays]).toEqual([46, 17, 29]);
    expect(a.meanWith).toBeCloseTo(7.294117647058823, 10);
    expect(a.meanWithout).toBeCloseTo(7.379310344827586, 10);
    expect(a.effectiveDays).toBeCloseTo(44.74481612395622, 9);
    expect(a.df).toBeCloseTo(42.68777741844158, 8);
    expect(a.low).toBeCloseTo(-0.6995782034245612, 6);
    expect(a.high).toBeCloseTo(0.5291928078870354, 6);
    expect(a.p).toBeCloseTo(0.781058316846086, 7);
    expect(a.sentence).toBe(
      'The day after kefir your gut comfort was about 0.1 points lower (likely between −0.7 and 0.5), over 17 days after it and 29 after days without.',
    );
  });

  it('continuous lever, next day: Spearman with the Fieller interval, and the effect in points', () => {
    const a = find('sleep_hours', 'mood', 1) as ShownCorrelation;
    expect(a.method).toBe('spearman');
    expect(a.pairedDays).toBe(48);
    expect(a.rho).toBeCloseTo(0.2500617474212061, 12);
    expect(a.low).toBeCloseTo(-0.04530202378785839, 9);
    expect(a.high).toBeCloseTo(0.5052198832212225, 9);
    expect(a.p).toBeCloseTo(0.08649892518226546, 8);
    expect(a.meanHigh).toBeCloseTo(5.592592592592593, 10);
    expect(a.meanLow).toBeCloseTo(5.238095238095238, 10);
  });

  it('continuous lever against energy = mean of the readings given that day', () => {
    const a = find('sleep_hours', 'energy', 0) as ShownCorrelation;
    expect(a.pairedDays).toBe(56);
    expect(a.rho).toBeCloseTo(0.18717037427636898, 12);
    expect(a.effectiveDays).toBeCloseTo(55.985139462376104, 9);
    expect(a.low).toBeCloseTo(-0.08759139110317993, 9);
    expect(a.high).toBeCloseTo(0.4354665894272034, 9);
    expect(a.p).toBeCloseTo(0.16724389677968732, 8);
    expect(a.meanHigh).toBeCloseTo(4.666666666666667, 10);
    expect(a.meanLow).toBeCloseTo(4.3125, 10);
    expect(a.certainty).toBe('unclear');
    expect(a.sentence).toBe(
      'On days with more sleep than usual your energy averaged 4.7, against 4.3 on days with less, over 56 days.',
    );
  });

  it('outcomes against each other go to the "together" list, each pair once, same day only', () => {
    const t = report.together.find((a) => a.factor === 'mood' && a.outcome === 'energy') as ShownCorrelation;
    expect(t.family).toBe('together');
    expect(t.rho).toBeCloseTo(-0.2329341343885198, 12);
    expect(t.low).toBeCloseTo(-0.4890521604100671, 9);
    expect(t.high).toBeCloseTo(0.06016162418037321, 9);
    expect(t.p).toBeCloseTo(0.10724750091560056, 8);
    expect(report.together.find((a) => a.factor === 'energy' && a.outcome === 'mood')).toBeUndefined();
    expect(report.together.every((a) => a.lag === 0)).toBe(true);
  });

  it('pairs only levers with outcomes: no outcome reading, stool type or mirror among the findings', () => {
    const pairs = report.associations.map((a) => `${a.factor}→${a.outcome}`);
    expect(pairs).not.toContain('energy_morning→energy');
    expect(pairs).not.toContain('energy_morning→mood');
    expect(pairs).not.toContain('bloating→mood');
    expect(pairs).not.toContain('mood→mood');
    expect(new Set(report.associations.map((a) => a.factor))).toEqual(new Set(['kefir', 'sleep_hours']));
  });

  it('adjusts with Benjamini–Hochberg across every pair shown in each list, and only those', () => {
    for (const list of [report.associations, report.together]) {
      const shown = list.filter((a) => a.status === 'shown') as (ShownDifference | ShownCorrelation)[];
      const q = benjaminiHochberg(shown.map((a) => a.p));
      shown.forEach((a, i) => {
        expect(a.q).toBe(q[i]);
        expect(a.clear).toBe((q[i] as number) < 0.05);
        expect(a.certainty).toBe(
          (q[i] as number) < 0.05 ? 'clear' : (q[i] as number) < 0.2 ? 'possible' : 'unclear',
        );
      });
      expect(shown.length).toBeGreaterThanOrEqual(3);
      for (const a of list) if (a.status !== 'shown') expect('q' in a).toBe(false);
    }
  });
});

describe('minimum data', () => {
  const days = (n: number, f: (i: number) => Record<string, number>) =>
    new Map(
      Array.from({ length: n }, (_, i) => {
        const d = new Date(Date.UTC(2026, 0, 1 + i)).toISOString().slice(0, 10);
        return [d, new Map(Object.entries(f(i)))];
      }),
    );

  it('fewer than 14 paired days: says how many more are needed', () => {
    const r = computeAssociations(days(10, (i) => ({ mood: 5 + (i % 3), sleep_hours: 6 + (i % 4) })));
    const a = find.call(null, 'x', 'y', 0);
    expect(a).toBeUndefined();
    const same = r.associations.find(
      (x) => x.factor === 'sleep_hours' && x.outcome === 'mood' && x.lag === 0,
    );
    const next = r.associations.find(
      (x) => x.factor === 'sleep_hours' && x.outcome === 'mood' && x.lag === 1,
    );
    expect(same).toMatchObject({
      status: 'not_enough_data',
      pairedDays: 10,
      moreDaysNeeded: 4,
      needs: 'days',
    });
    expect(next).toMatchObject({ status: 'not_enough_data', pairedDays: 9, moreDaysNeeded: 5 });
    expect(same?.sentence).toBe('Sleep and mood: not enough data yet: 4 more days');
  });

  it('fewer than 5 days in a group: not shown even with many paired days', () => {
    // 30 days, the yes/no factor true on 3 of them.
    const r = computeAssociations(days(30, (i) => ({ mood: 4 + (i % 5), walk: i % 10 === 0 ? 1 : 0 })));
    const a = r.associations.find((x) => x.factor === 'walk' && x.outcome === 'mood' && x.lag === 0);
    expect(a).toMatchObject({
      status: 'not_enough_data',
      method: 'difference',
      pairedDays: 30,
      moreDaysNeeded: 2,
    });
  });

  it('a factor that never varies is reported as such, not as a result', () => {
    const r = computeAssociations(days(20, (i) => ({ mood: 4 + (i % 5), sleep_hours: 8 })));
    const a = r.associations.find((x) => x.factor === 'sleep_hours' && x.lag === 0);
    expect(a?.status).toBe('no_variation');
  });

  it('completely separated groups get an estimate and an honest interval, not "did not vary"', () => {
    // Energy = mean of three readings: 16/3 on walk days, 13/3 on the others, every time.
    const r = computeAssociations(
      days(30, (i) =>
        i % 3 === 0
          ? { walk: 1, energy_morning: 5, energy_midday: 5, energy_evening: 6 }
          : { walk: 0, energy_morning: 4, energy_midday: 4, energy_evening: 5 },
      ),
    );
    const a = r.associations.find((x) => x.factor === 'walk' && x.outcome === 'energy' && x.lag === 0);
    expect(a).toMatchObject({ status: 'shown', difference: expect.closeTo(1, 12) });
    const d = a as ShownDifference;
    expect(d.low).toBeLessThan(1);
    expect(d.high).toBeGreaterThan(1);
    expect(d.low).toBeGreaterThan(0);
    expect(d.p).toBeGreaterThan(0);
  });

  it('mood 7 on every kefir day and 5 on every other day: about 2 points higher, with a range', () => {
    const r = computeAssociations(
      days(30, (i) => ({ kefir: i % 3 === 0 ? 1 : 0, mood: i % 3 === 0 ? 7 : 5 })),
    );
    const a = r.associations.find((x) => x.factor === 'kefir' && x.outcome === 'mood' && x.lag === 0);
    expect(a?.sentence).toMatch(
      /^On days with kefir your mood was about 2\.0 points higher \(likely between 1\.\d and 2\.\d\)/,
    );
  });

  it('an empty matrix gives no associations', () => {
    expect(computeAssociations(new Map())).toMatchObject({
      days: 0,
      from: null,
      associations: [],
      together: [],
    });
  });
});

describe('outcomes never recorded', () => {
  it('are left out instead of listing "not enough data" for every factor', () => {
    expect(report.associations.some((a) => a.outcome === 'focus')).toBe(false);
  });
});
