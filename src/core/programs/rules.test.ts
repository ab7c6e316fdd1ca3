import { describe, expect, it } from 'vitest';
import { bedtimeAxis, type DayRule, evaluateBaselineRule, evaluateDayRule, median } from './rules.ts';
import { matrixOf } from './test-matrix.ts';

const D = '2026-03-10';

describe('at_least', () => {
  const movement: DayRule = { type: 'at_least', measures: ['movement'], value: 20 };
  it('is met at exactly the target and not a minute below', () => {
    expect(evaluateDayRule(movement, D, matrixOf({ [D]: { movement: 20 } }))).toEqual({
      status: 'met',
      value: 20,
      target: 20,
    });
    expect(evaluateDayRule(movement, D, matrixOf({ [D]: { movement: 19 } })).status).toBe('not_met');
  });
  it('reads a day with no entries as 0, not met', () => {
    expect(evaluateDayRule(movement, D, matrixOf({}))).toEqual({ status: 'not_met', value: 0, target: 20 });
  });
  it('sums several measures: 3 min meditation + 2 min breathing meets "5 minutes of either"', () => {
    const rule: DayRule = { type: 'at_least', measures: ['meditation', 'breathing'], value: 5 };
    expect(evaluateDayRule(rule, D, matrixOf({ [D]: { meditation: 3, breathing: 2 } })).status).toBe('met');
    expect(evaluateDayRule(rule, D, matrixOf({ [D]: { meditation: 4 } })).status).toBe('not_met');
  });
});

describe('within_after (morning sunlight within 2 h of waking)', () => {
  const rule = {
    type: 'within_after',
    measure: 'morning_sunlight_time',
    anchor: 'wake_time',
    windowMinutes: 120,
    gate: { measure: 'morning_sunlight', value: 10 },
  } as const;
  const day = (ms: Record<string, number>) => evaluateDayRule(rule, D, matrixOf({ [D]: ms }));

  it('woke 07:00, sunlight from 08:30 for 15 minutes: met, 90 minutes after waking', () => {
    expect(day({ wake_time: 420, morning_sunlight: 15, morning_sunlight_time: 510 })).toMatchObject({
      status: 'met',
      value: 90,
    });
  });
  it('sunlight from 09:30 is 150 minutes after waking: not met', () => {
    expect(day({ wake_time: 420, morning_sunlight: 15, morning_sunlight_time: 570 })).toMatchObject({
      status: 'not_met',
      value: 150,
    });
  });
  it('no wake time logged: unknown, asking for the wake time', () => {
    const r = day({ morning_sunlight: 15, morning_sunlight_time: 510 });
    expect(r.status).toBe('unknown');
    expect(r.hint).toMatch(/wake time/);
  });
  it('no start time for the sunlight: unknown', () => {
    expect(day({ wake_time: 420, morning_sunlight: 15 }).status).toBe('unknown');
  });
  it('too little sunlight or none: not met, whatever the times', () => {
    expect(day({ wake_time: 420, morning_sunlight: 9, morning_sunlight_time: 450 })).toMatchObject({
      status: 'not_met',
      value: 9,
    });
    expect(day({})).toMatchObject({ status: 'not_met', value: 0 });
  });
});

describe('near_median_time (a consistent bedtime)', () => {
  const rule = {
    type: 'near_median_time',
    measure: 'bedtime',
    lookbackDays: 14,
    toleranceMinutes: 30,
    minDays: 3,
  } as const;
  // The four nights before: 23:00, 23:30, 00:00, 23:15 → on the bedtime axis 1380, 1410, 1440, 1395;
  // median (1395 + 1410) / 2 = 1402.5, i.e. 23:22:30.
  const history = {
    '2026-03-06': { bedtime: 1380 },
    '2026-03-07': { bedtime: 1410 },
    '2026-03-08': { bedtime: 0 },
    '2026-03-09': { bedtime: 1395 },
  };
  const tonight = (bedtime: number) => evaluateDayRule(rule, D, matrixOf({ ...history, [D]: { bedtime } }));

  it('23:50 is 27.5 minutes from the median: met', () => {
    expect(tonight(1430)).toEqual({ status: 'met', value: 27.5, target: 30 });
  });
  it('00:10 is 47.5 minutes late (across midnight): not met', () => {
    expect(tonight(10)).toMatchObject({ status: 'not_met', value: 47.5 });
  });
  it('22:50 is 32.5 minutes early: not met', () => {
    expect(tonight(1370)).toMatchObject({ status: 'not_met', value: 32.5 });
  });
  it('treats after-midnight bedtimes as late, not early: usual 00:30, tonight 00:20 is met, 23:50 is not', () => {
    const late = {
      '2026-03-07': { bedtime: 15 },
      '2026-03-08': { bedtime: 30 },
      '2026-03-09': { bedtime: 45 },
    };
    expect(evaluateDayRule(rule, D, matrixOf({ ...late, [D]: { bedtime: 20 } }))).toMatchObject({
      status: 'met',
      value: 10,
    });
    expect(evaluateDayRule(rule, D, matrixOf({ ...late, [D]: { bedtime: 1430 } }))).toMatchObject({
      status: 'not_met',
      value: 40,
    });
  });
  it('fewer than 3 earlier bedtimes, or none tonight: unknown', () => {
    const two = { '2026-03-08': { bedtime: 1380 }, '2026-03-09': { bedtime: 1380 }, [D]: { bedtime: 1380 } };
    expect(evaluateDayRule(rule, D, matrixOf(two)).status).toBe('unknown');
    expect(evaluateDayRule(rule, D, matrixOf(history)).status).toBe('unknown');
  });
  it('ignores bedtimes older than the look-back', () => {
    const old = {
      '2026-02-20': { bedtime: 1380 },
      '2026-02-21': { bedtime: 1380 },
      '2026-03-09': { bedtime: 1380 },
      [D]: { bedtime: 1380 },
    };
    expect(evaluateDayRule(rule, D, matrixOf(old)).status).toBe('unknown');
  });
  it('median and axis helpers', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([])).toBeUndefined();
    expect(bedtimeAxis(30)).toBe(1470);
    expect(bedtimeAxis(1380)).toBe(1380);
  });
});

describe('below_baseline (ultra-processed 25 % below week 1)', () => {
  const rule = {
    type: 'below_baseline',
    measure: 'ultra_processed_servings',
    loggedMeasure: 'food_entries',
    baselineWeek: 1,
    reductionPercent: 25,
  } as const;
  const week1 = [
    '2026-03-02',
    '2026-03-03',
    '2026-03-04',
    '2026-03-05',
    '2026-03-06',
    '2026-03-07',
    '2026-03-08',
  ];
  const week2 = ['2026-03-09', '2026-03-10', '2026-03-11'];
  // Week 1: food logged on four days with 2, 1, 0 and 3 ultra-processed servings; three days unlogged.
  // Baseline = 6 / 4 = 1.5 a day (unlogged days are not zeros); target = 1.5 × 0.75 = 1.125 → 1.13.
  const base = {
    '2026-03-02': { food_entries: 3, ultra_processed_servings: 2 },
    '2026-03-03': { food_entries: 2, ultra_processed_servings: 1 },
    '2026-03-05': { food_entries: 4 },
    '2026-03-07': { food_entries: 2, ultra_processed_servings: 3 },
  };
  it('an average of 1 a day against a target of 1.13: met', () => {
    const m = matrixOf({
      ...base,
      '2026-03-09': { food_entries: 2, ultra_processed_servings: 2 },
      '2026-03-10': { food_entries: 3 },
    });
    expect(evaluateBaselineRule(rule, week2, week1, m)).toMatchObject({
      status: 'met',
      value: 1,
      target: 1.13,
    });
  });
  it('an average of 1.5 a day is no reduction: not met', () => {
    const m = matrixOf({
      ...base,
      '2026-03-09': { food_entries: 2, ultra_processed_servings: 2 },
      '2026-03-10': { food_entries: 3, ultra_processed_servings: 1 },
    });
    expect(evaluateBaselineRule(rule, week2, week1, m)).toMatchObject({
      status: 'not_met',
      value: 1.5,
      target: 1.13,
    });
  });
  it('a zero baseline leaves a target of zero: met only by staying at zero', () => {
    const zero = { '2026-03-02': { food_entries: 3 }, '2026-03-04': { food_entries: 1 } };
    const stay = matrixOf({ ...zero, '2026-03-09': { food_entries: 2 } });
    expect(evaluateBaselineRule(rule, week2, week1, stay)).toMatchObject({
      status: 'met',
      value: 0,
      target: 0,
    });
    const slip = matrixOf({
      ...zero,
      '2026-03-09': { food_entries: 2 },
      '2026-03-10': { food_entries: 1, ultra_processed_servings: 1 },
    });
    expect(evaluateBaselineRule(rule, week2, week1, slip)).toMatchObject({
      status: 'not_met',
      value: 0.5,
      target: 0,
    });
  });
  it('no food logged in week 1: unknown (nothing to compare with), not a zero baseline', () => {
    const m = matrixOf({ '2026-03-09': { food_entries: 1 } });
    const r = evaluateBaselineRule(rule, week2, week1, m);
    expect(r.status).toBe('unknown');
    expect(r.hint).toMatch(/week 1/);
  });
  it('no food logged yet this week: unknown, with the target already known', () => {
    expect(evaluateBaselineRule(rule, week2, week1, matrixOf(base))).toMatchObject({
      status: 'unknown',
      target: 1.13,
    });
  });
});
