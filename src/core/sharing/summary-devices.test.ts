/** The clinician summary's line for a watch or phone, worked by hand. */
import { describe, expect, it } from 'vitest';
import { buildSummary, type SummaryInput } from './summary.ts';

const input = (observations: SummaryInput['observations']): SummaryInput => ({
  person: { displayName: 'Ana' },
  kinds: ['diary'],
  from: '2024-03-01',
  to: '2024-03-14',
  observations,
  screeners: [],
  safetyResults: [],
  moods: [],
  programs: [],
  microbiome: [],
});

describe('buildSummary: device averages', () => {
  it('averages steps, resting heart rate and HRV over the days a device gave them', () => {
    const s = buildSummary(
      input([
        { date: '2024-03-10', measure: 'steps', value: 8001 },
        { date: '2024-03-11', measure: 'steps', value: 11000 },
        { date: '2024-03-11', measure: 'resting_heart_rate', value: 58 },
        { date: '2024-03-12', measure: 'resting_heart_rate', value: 61 },
        { date: '2024-03-12', measure: 'hrv_sdnn', value: 45 },
        { date: '2024-03-12', measure: 'sleep_hours', value: 7.5 },
      ]),
    );
    // Steps (8001 + 11000) / 2 = 9500.5 → 9501; resting (58 + 61) / 2 = 59.5; three days in all.
    expect(s.diary?.devices).toEqual({ steps: 9501, restingHeartRate: 59.5, hrvSdnn: 45, days: 3 });
    expect(s.diary?.averages.sleepHours).toBe(7.5);
  });

  it('has no device line for a person without device data', () => {
    expect(
      buildSummary(input([{ date: '2024-03-10', measure: 'mood', value: 6 }])).diary?.devices,
    ).toBeNull();
  });
});
