/** The weekly report's figures, worked by hand on a two-week diary. */
import { describe, expect, it } from 'vitest';
import { weekComparison } from './weekly.ts';

function matrix(rows: Record<string, Record<string, number>>) {
  return new Map(Object.entries(rows).map(([date, v]) => [date, new Map(Object.entries(v))]));
}

describe('weekComparison', () => {
  const m = matrix({
    // Last week: 1–7 March. This week: 8–14 March.
    '2026-03-02': { mood: 5, energy_morning: 4, movement: 20, fermented_servings: 1, plant_points_week: 12 },
    '2026-03-05': { mood: 6, energy_morning: 6, energy_evening: 4, movement: 40 },
    '2026-03-08': { mood: 7, energy_morning: 6, energy_midday: 8, movement: 30, food_entries: 4 },
    '2026-03-10': { mood: 6, food_entries: 3, fermented_servings: 2, plant_points_week: 18 },
    '2026-03-14': {
      mood: 8,
      energy_evening: 5,
      movement: 15,
      food_entries: 2,
      fermented_servings: 1,
      plant_points_week: 26,
    },
    '2026-03-15': { mood: 1 }, // after the report date: not counted
  });
  const out = weekComparison(m, '2026-03-14');
  const row = (key: string) => out.rows.find((r) => r.key === key);

  it('spans the 7 days ending on the date and the 7 before', () => {
    expect(out.thisWeek).toEqual({ from: '2026-03-08', to: '2026-03-14' });
    expect(out.lastWeek).toEqual({ from: '2026-03-01', to: '2026-03-07' });
  });
  it('mood: (7+6+8)/3 = 7 against (5+6)/2 = 5.5, +1.5', () => {
    expect(row('mood')).toMatchObject({ thisWeek: 7, lastWeek: 5.5, thisDays: 3, lastDays: 2, change: 1.5 });
  });
  it('energy: each day’s mean of its parts, then the mean of days', () => {
    // This week: 8th (6+8)/2 = 7, 14th 5 → 6. Last week: 2nd 4, 5th (6+4)/2 = 5 → 4.5.
    expect(row('energy')).toMatchObject({ thisWeek: 6, lastWeek: 4.5, change: 1.5 });
  });
  it('movement is a total, fermented food a count of the days food was logged, plants the latest rolling count', () => {
    // Food logged on the 8th (no fermented food), 10th and 14th (fermented): 2 of 3 days.
    expect(row('movement')).toMatchObject({ thisWeek: 45, lastWeek: 60, change: -15 });
    expect(row('fermented_days')).toMatchObject({ thisWeek: 2, thisDays: 3, lastWeek: 1 });
    expect(row('plants')).toMatchObject({ thisWeek: 26, lastWeek: 12 });
  });
  it('a measure with nothing logged is null, with no change', () => {
    expect(row('sleep_hours')).toMatchObject({ thisWeek: null, lastWeek: null, change: null, thisDays: 0 });
  });

  it('shows steps and heart measures only to people whose watch or phone gave them', () => {
    expect(weekComparison(m, '2026-03-14').rows.map((r) => r.key)).not.toContain('steps');
    const withSteps = matrix({
      '2026-03-09': { steps: 8000, resting_heart_rate: 58 },
      '2026-03-11': { steps: 11000, resting_heart_rate: 60 },
    });
    const rows = weekComparison(withSteps, '2026-03-14').rows;
    // (8000 + 11000) / 2 days; nothing last week.
    expect(rows.find((r) => r.key === 'steps')).toMatchObject({
      thisWeek: 9500,
      thisDays: 2,
      lastWeek: null,
    });
    expect(rows.find((r) => r.key === 'resting_heart_rate')?.thisWeek).toBe(59);
    expect(rows.map((r) => r.key)).not.toContain('hrv_sdnn');
  });
});
