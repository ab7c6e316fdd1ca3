// Samples that end at midnight belong to the day before: today's last minute and a whole-day
// value for today are today's, not "after today" (their exclusive end is tomorrow's 00:00).
import { describe, expect, it } from 'vitest';
import { DailyAggregator } from './daily.ts';
import type { DeviceSample } from './samples.ts';

const steps = (start: string, end: string, value: number): DeviceSample => ({
  kind: 'steps',
  start,
  end,
  value,
  source: 'Oura',
});

describe('DailyAggregator and today', () => {
  it('counts today’s last minute and today’s whole-day total', () => {
    const daily = new DailyAggregator({ timeZone: 'Europe/Oslo', today: '2024-03-02' });
    daily.add(steps('2024-03-02T23:59:00+01:00', '2024-03-03T00:00:00+01:00', 40));
    daily.add(steps('2024-03-01T00:00:00+01:00', '2024-03-02T00:00:00+01:00', 8412));
    daily.add(steps('2024-03-03T00:00:00+01:00', '2024-03-04T00:00:00+01:00', 99));
    const truth = daily.finish();
    expect(truth.values.map((v) => [v.date, v.value])).toEqual([
      ['2024-03-01', 8412],
      ['2024-03-02', 40],
    ]);
    expect(truth.skipped.badDates).toBe(1);
  });
});
