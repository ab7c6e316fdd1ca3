import { describe, expect, it } from 'vitest';
// The habit and food modules register their measures (kinds and units) when imported.
import '../foods/derive.ts';
import '../habits/habits.ts';
import { checkinSchema, observationsToCheckin } from '../checkin/checkin.ts';
import { type Association, computeAssociations } from '../insights/associations.ts';
import { lowMoodPattern } from '../safety/diary.ts';
import { measureByKey } from '../tracking/measures.ts';
import { NOISE_FACTORS, PLANTED_EFFECTS } from './effects.ts';
import { demoMatrix, generateDemoData } from './generate.ts';

const demo = generateDemoData({ seed: 1, endDate: '2026-03-31' });
const matrix = demoMatrix(demo.observations);

describe('generateDemoData', () => {
  it('covers 180 days up to the end date', () => {
    expect(demo.from).toBe('2025-10-03');
    expect(demo.to).toBe('2026-03-31');
    const dates = new Set(demo.observations.map((o) => o.date));
    expect(dates.size).toBe(180);
  });

  it('is the same for a seed and different for another', () => {
    expect(generateDemoData({ seed: 1, endDate: '2026-03-31' })).toEqual(demo);
    expect(generateDemoData({ seed: 2, endDate: '2026-03-31' }).observations).not.toEqual(demo.observations);
  });

  it('writes every check-in measure, as valid check-ins, on most days', () => {
    const byDate = new Map<string, { measure: string; value: number | null; text: string | null }[]>();
    for (const o of demo.observations.filter((x) => x.source === 'checkin')) {
      byDate.set(o.date, [...(byDate.get(o.date) ?? []), o]);
    }
    expect(byDate.size).toBeGreaterThan(150);
    expect(byDate.size).toBeLessThan(180);
    for (const rows of byDate.values())
      expect(checkinSchema.safeParse(observationsToCheckin(rows)).success).toBe(true);
    const measures = new Set(demo.observations.filter((x) => x.source === 'checkin').map((o) => o.measure));
    for (const m of [
      'mood',
      'energy_morning',
      'energy_midday',
      'energy_evening',
      'focus',
      'life_satisfaction',
      'stress',
      'sleep_hours',
      'sleep_quality',
      'bedtime',
      'wake_time',
      'bloating',
      'abdominal_pain',
      'bristol',
      'note',
    ]) {
      expect(measures).toContain(m);
    }
  });

  it('uses only registered measure keys, within their ranges', () => {
    for (const o of demo.observations) {
      const m = measureByKey(o.measure);
      expect(m, o.measure).toBeDefined();
      if (o.value !== null && m?.min !== undefined) expect(o.value).toBeGreaterThanOrEqual(m.min);
      if (o.value !== null && m?.max !== undefined) expect(o.value).toBeLessThanOrEqual(m.max);
    }
  });

  it('never shows the low-mood support pattern at any point, whatever the seed', () => {
    for (const seed of [1, 2, 3, 4, 5]) {
      const moods = generateDemoData({ seed, endDate: '2026-03-31' })
        .observations.filter((o) => o.measure === 'mood')
        .map((o) => ({ date: o.date, mood: o.value as number }));
      for (let end = 14; end <= moods.length; end++) {
        expect(lowMoodPattern(moods, moods[end - 1]?.date ?? '').fires).toBe(false);
      }
    }
  });

  it('adds unrelated custom measures on request (for the benchmark)', () => {
    const big = generateDemoData({ seed: 3, endDate: '2026-03-31', days: 30, customMeasures: 4 });
    expect(new Set(big.observations.filter((o) => o.source === 'custom').map((o) => o.measure))).toEqual(
      new Set(['custom_1', 'custom_2', 'custom_3', 'custom_4']),
    );
  });
});

describe('the insights engine recovers what the generator planted', () => {
  const report = computeAssociations(matrix);
  const find = (factor: string, outcome: string, lag: number) =>
    report.associations.find(
      (a) => a.factor === factor && a.outcome === outcome && a.lag === lag,
    ) as Association;

  for (const e of PLANTED_EFFECTS) {
    it(`${e.description}`, () => {
      const a = find(e.factor, e.outcome, e.lag);
      expect(a.status).toBe('shown');
      if (a.status !== 'shown') return;
      // After allowing for every pair compared and for runs of days, a planted effect of this size
      // over 180 days reads at least "possible".
      expect(['clear', 'possible']).toContain(a.certainty);
      const estimate = a.method === 'difference' ? a.difference : a.rho;
      expect(Math.sign(estimate)).toBe(Math.sign(e.effect));
      // A difference's interval holds the planted size (allowing for the rounding to whole scale points).
      if (a.method === 'difference') {
        expect(a.low).toBeLessThan(e.effect + 0.25);
        expect(a.high).toBeGreaterThan(e.effect - 0.25);
      }
    });
  }

  it('rarely calls an unrelated habit clear', () => {
    const noise = report.associations.filter(
      (a) => (NOISE_FACTORS as readonly string[]).includes(a.factor) && a.status === 'shown',
    );
    expect(noise.length).toBeGreaterThanOrEqual(40);
    expect(noise.filter((a) => a.status === 'shown' && a.clear).length).toBeLessThanOrEqual(1);
  });
});
