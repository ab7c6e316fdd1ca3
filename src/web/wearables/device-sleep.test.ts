import { describe, expect, it } from 'vitest';
import { sleepFromDevice } from './device-sleep.ts';

const value = (measure: string, v: number) => ({
  measure,
  label: measure,
  unit: null,
  value: v,
  source: 'apple-health' as const,
  sourceName: 'Apple Health',
  origins: ['Ana’s Apple Watch', 'Ana’s iPhone'],
  devices: ['Watch6,2'],
});

describe('sleepFromDevice', () => {
  it('turns the night into the check-in fields, times as HH:MM, and names the watch', () => {
    const sleep = sleepFromDevice([
      value('steps', 9000),
      value('sleep_hours', 7.5),
      value('bedtime', 1390),
      value('wake_time', 410),
    ]);
    expect(sleep).toEqual({
      values: { sleepHours: 7.5, bedtime: '23:10', wakeTime: '06:50' },
      from: 'Ana’s Apple Watch',
    });
  });

  it('gives nothing for a day without a night', () => {
    expect(sleepFromDevice([value('steps', 9000)])).toBeUndefined();
  });
});
