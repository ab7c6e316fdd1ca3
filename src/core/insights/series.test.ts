/** Hand-worked rolling means and weekly blocks. */
import { describe, expect, it } from 'vitest';
import { fermentedDaysPerWeek, plantsPerWeek, rollingMean, weeksEnding } from './series.ts';

const d = (day: number) => `2026-03-${String(day).padStart(2, '0')}`;

describe('rollingMean', () => {
  it('averages the 7 calendar days ending each date, once 4 of them have a value', () => {
    // Values on 1, 2, 3, 5, 9: 4, 6, 5, 7, 8.
    const pts = [
      { date: d(1), value: 4 },
      { date: d(2), value: 6 },
      { date: d(3), value: 5 },
      { date: d(5), value: 7 },
      { date: d(9), value: 8 },
    ];
    expect(rollingMean(pts)).toEqual([
      { date: d(1), value: null },
      { date: d(2), value: null },
      { date: d(3), value: null },
      { date: d(5), value: 5.5 }, // (4 + 6 + 5 + 7) / 4
      // 9 March's window is 3–9 March: 5, 7, 8 → only 3 values, no mean.
      { date: d(9), value: null },
    ]);
  });
  it('drops the value 7 days back: on the 8th the window is 2nd–8th', () => {
    const pts = Array.from({ length: 8 }, (_, i) => ({ date: d(i + 1), value: i + 1 })); // 1 … 8
    const out = rollingMean(pts);
    expect(out[6]?.value).toBe(4); // (1+…+7) / 7
    expect(out[7]?.value).toBe(5); // (2+…+8) / 7
  });
  it('sorts its input first', () => {
    const pts = [4, 3, 2, 1].map((i) => ({ date: d(i), value: i }));
    expect(rollingMean(pts).map((p) => p.date)).toEqual([d(1), d(2), d(3), d(4)]);
    expect(rollingMean(pts)[3]?.value).toBe(2.5);
  });
});

describe('weeks', () => {
  it('counts 7-day weeks back from the end date, oldest first', () => {
    expect(weeksEnding('2026-03-14', 3)).toEqual([
      { from: '2026-02-22', to: '2026-02-28' },
      { from: '2026-03-01', to: '2026-03-07' },
      { from: '2026-03-08', to: '2026-03-14' },
    ]);
  });
  it('takes plants from the last day with food in each week; none logged is null', () => {
    const weeks = weeksEnding('2026-03-14', 3);
    const plants = [
      { date: d(2), value: 9 },
      { date: d(6), value: 21 },
      { date: d(13), value: 31 },
      { date: d(10), value: 12 },
    ];
    expect(plantsPerWeek(plants, weeks).map((w) => w.plants)).toEqual([null, 21, 31]);
  });
  it('counts days with a fermented serving out of days with food', () => {
    const weeks = weeksEnding('2026-03-14', 2);
    const fermented = [
      { date: d(2), value: 1 },
      { date: d(3), value: 0.5 },
      { date: d(9), value: 2 },
    ];
    const food = [2, 3, 4, 5, 9, 10].map((i) => ({ date: d(i), value: 3 }));
    expect(fermentedDaysPerWeek(fermented, food, weeks).map((w) => [w.days, w.loggedDays])).toEqual([
      [2, 4],
      [1, 2],
    ]);
  });
});
