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
  it('yes/no factor, same day: Welch difference of mood with vs without kefir', () => {
    const a = find('kefir', 'mood', 0) as ShownDifference;
    expect(a.status).toBe('shown');
    expect(a.method).toBe('difference');
    expect([a.pairedDays, a.withDays, a.withoutDays]).toEqual([42, 15, 27]);
    expect(a.meanWith).toBeCloseTo(6.133333333333334, 10);
    expect(a.meanWithout).toBeCloseTo(5.148148148148148, 10);
    expect(a.difference).toBeCloseTo(0.9851851851851858, 10);
    expect(a.df).toBeCloseTo(28.462591915295913, 8);
    expect(a.low).toBeCloseTo(0.24948082402340044, 6);
    expect(a.high).toBeCloseTo(1.7208895463469713, 6);
    expect(a.p).toBeCloseTo(0.010466417716593623, 8);
    expect(a.sentence).toBe('Days with kefir: mood 6.1 vs 5.1, +1.0 [0.2, 1.7], 42 days');
  });

  it('yes/no factor, next day, against a derived outcome (gut comfort = 10 − bloating)', () => {
    const a = find('kefir', 'gut_comfort', 1) as ShownDifference;
    expect([a.pairedDays, a.withDays, a.withoutDays]).toEqual([46, 17, 29]);
    expect(a.meanWith).toBeCloseTo(7.294117647058823, 10);
    expect(a.meanWithout).toBeCloseTo(7.379310344827586, 10);
    expect(a.df).toBeCloseTo(43.88525713925077, 8);
    expect(a.low).toBeCloseTo(-0.6906566102879261, 6);
    expect(a.high).toBeCloseTo(0.5202712147504003, 6);
    expect(a.p).toBeCloseTo(0.7780534820224292, 7);
    expect(a.sentence).toBe('The day after kefir: gut comfort 7.3 vs 7.4, −0.1 [−0.7, 0.5], 46 days');
  });

  it('continuous factor, next day: Spearman with the Fieller interval', () => {
    const a = find('sleep_hours', 'mood', 1) as ShownCorrelation;
    expect(a.method).toBe('spearman');
    expect(a.pairedDays).toBe(48);
    expect(a.rho).toBeCloseTo(0.2500617474212061, 12);
    expect(a.low).toBeCloseTo(-0.04530202378785839, 9);
    expect(a.high).toBeCloseTo(0.5052198832212225, 9);
    expect(a.p).toBeCloseTo(0.08649892518226546, 8);
  });

  it('continuous factor against energy = mean of the readings given that day', () => {
    const a = find('sleep_hours', 'energy', 0) as ShownCorrelation;
    expect(a.pairedDays).toBe(56);
    expect(a.rho).toBeCloseTo(0.18717037427636898, 12);
    expect(a.low).toBeCloseTo(-0.08755282198594698, 9);
    expect(a.high).toBeCloseTo(0.43543509213830744, 9);
    expect(a.p).toBeCloseTo(0.16718493098452186, 8);
    expect(a.clear).toBe(false);
    expect(a.sentence).toBe(
      'Days with more sleep: no clear link with energy, ρ = 0.19 [−0.09, 0.44], 56 days',
    );
  });

  it('never uses an outcome’s own measures as its factors', () => {
    const pairs = report.associations.map((a) => `${a.factor}→${a.outcome}`);
    expect(pairs).not.toContain('energy_morning→energy');
    expect(pairs).not.toContain('bloating→gut_comfort');
    expect(pairs).not.toContain('mood→mood');
    expect(pairs).toContain('energy_morning→mood');
  });

  it('adjusts with Benjamini–Hochberg across every pair shown, and only those', () => {
    const shown = report.associations.filter((a) => a.status === 'shown') as (
      | ShownDifference
      | ShownCorrelation
    )[];
    const q = benjaminiHochberg(shown.map((a) => a.p));
    shown.forEach((a, i) => {
      expect(a.q).toBe(q[i]);
      expect(a.clear).toBe((q[i] as number) < 0.05);
    });
    expect(shown.length).toBeGreaterThan(10);
    for (const a of report.associations) if (a.status !== 'shown') expect('q' in a).toBe(false);
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

  it('groups that each never vary are "no variation", even with fractional outcomes', () => {
    // Energy = mean of three readings: 16/3 on walk days, 13/3 on the others, every time.
    const r = computeAssociations(
      days(30, (i) =>
        i % 2
          ? { walk: 1, energy_morning: 5, energy_midday: 5, energy_evening: 6 }
          : { walk: 0, energy_morning: 4, energy_midday: 4, energy_evening: 5 },
      ),
    );
    const a = r.associations.find((x) => x.factor === 'walk' && x.outcome === 'energy' && x.lag === 0);
    expect(a?.status).toBe('no_variation');
  });

  it('an empty matrix gives no associations', () => {
    expect(computeAssociations(new Map())).toMatchObject({ days: 0, from: null, associations: [] });
  });
});

describe('outcomes never recorded', () => {
  it('are left out instead of listing "not enough data" for every factor', () => {
    expect(report.associations.some((a) => a.outcome === 'focus')).toBe(false);
  });
});
