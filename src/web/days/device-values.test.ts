import { describe, expect, it } from 'vitest';
import { type DeviceValue, deviceFormatter } from './device-values.ts';

const WATCH = 'Ana’s Apple Watch';
const PHONE = 'Ana’s iPhone';

const apple = (measure: string, value: number, origins = [WATCH]): DeviceValue => ({
  measure,
  label: measure,
  unit: null,
  value,
  source: 'apple-health',
  sourceName: 'Apple Health',
  origins,
  devices: [],
});

/** The Apple Health fixture's 11 March 2024 (src/server/wearables/apple-health.test.ts), as stored. */
const DAY: DeviceValue[] = [
  apple('awake_minutes', 10),
  apple('bedtime', 23 * 60 + 10),
  apple('core_sleep_minutes', 340),
  apple('daylight_minutes', 25),
  apple('deep_sleep_minutes', 45),
  apple('hrv_sdnn', 45),
  apple('mindful_minutes', 20, [WATCH, 'Headspace']),
  apple('rem_sleep_minutes', 65),
  apple('resting_heart_rate', 58),
  apple('respiratory_rate', 15),
  apple('sleep_efficiency', 97.8),
  apple('sleep_hours', 7.5),
  apple('steps', 8412, [WATCH, PHONE]),
  apple('time_in_bed_hours', 7.67),
  apple('wake_time', 6 * 60 + 50),
  apple('workout_minutes', 45),
];

describe('deviceFormatter', () => {
  it('words a day plainly with units, sleep first, naming every app and device', () => {
    const [group, ...rest] = deviceFormatter({ locale: 'en-GB' }).groups(DAY);
    expect(rest).toEqual([]);
    expect(group?.from).toBe(`from ${WATCH}, ${PHONE} and Headspace (Apple Health)`);
    expect(group?.night.map((c) => c.text)).toEqual([
      'Sleep 7.5 h',
      '23:10 – 6:50',
      'In bed 7.7 h',
      'Efficiency 98%',
      'Deep 45 min',
      'REM 1 h 5 min',
      'Light 5 h 40 min',
      'Awake 10 min',
    ]);
    expect(group?.day.map((c) => c.text)).toEqual([
      '8,412 steps',
      'Workouts 45 min',
      'Daylight 25 min',
      'Mindful 20 min',
      'Resting heart rate 58 bpm',
      'HRV 45 ms (SDNN)',
      'Breathing 15/min',
    ]);
    // Each value keeps its own apps: the steps came from the watch and the phone.
    expect(group?.day.find((c) => c.measure === 'steps')?.from).toBe(`${WATCH} and ${PHONE}`);
  });

  it('uses the person’s own number and clock format', () => {
    // ICU puts a narrow no-break space before AM/PM in newer versions, a plain one in older ones.
    const us = deviceFormatter({ locale: 'en-US' })
      .groups(DAY)[0]
      ?.night.map((c) => c.text.replaceAll('\u202f', ' '));
    expect(us).toContain('11:10 PM – 6:50 AM');
    const de = deviceFormatter({ locale: 'de-DE' }).groups(DAY)[0];
    expect([...(de?.night ?? []), ...(de?.day ?? [])].map((c) => c.text)).toEqual(
      expect.arrayContaining(['Sleep 7,5 h', '8.412 steps', '23:10 – 6:50', 'Efficiency 98\u00a0%']),
    );
    expect(de?.from).toBe(`from ${WATCH}, ${PHONE} und Headspace (Apple Health)`);
  });

  it('keeps exports apart, names an export without device names by itself, and words a new measure by its label', () => {
    const fitbit: DeviceValue[] = [
      { ...apple('hrv_rmssd', 41.9, ['Fitbit']), source: 'fitbit', sourceName: 'Fitbit' },
      { ...apple('wake_time', 7 * 60), source: 'fitbit', sourceName: 'Fitbit', origins: [] },
    ];
    const later = { ...apple('vo2_max', 41.25), label: 'VO2 max', unit: 'mL/kg/min' };
    const groups = deviceFormatter({ locale: 'en-GB' }).groups([apple('steps', 1), later, ...fitbit]);
    const words = (g: (typeof groups)[number]) => [...g.night, ...g.day].map((c) => c.text);
    expect(groups.map((g) => [g.from, words(g)])).toEqual([
      [`from ${WATCH} (Apple Health)`, ['1 step', 'VO2 max 41.3 mL/kg/min']],
      ['from Fitbit', ['Woke 7:00', 'HRV 42 ms (RMSSD)']],
    ]);
  });
});
