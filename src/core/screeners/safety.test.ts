import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.ts';
import {
  isPromptSnoozed,
  lowMoodPattern,
  lowMoodTrigger,
  safetyTriggersForRedFlags,
  safetyTriggersForScreener,
} from './safety.ts';

const phq9 = (item9: number) => ({
  phq9_1: 0,
  phq9_2: 0,
  phq9_3: 0,
  phq9_4: 0,
  phq9_5: 0,
  phq9_6: 0,
  phq9_7: 0,
  phq9_8: 0,
  phq9_9: item9,
});

/** Days ending on 2026-03-31, one per calendar day, with the given moods oldest first. */
const days = (moods: number[], start = '2026-03-01') =>
  moods.map((mood, i) => ({ date: addDays(start, i), mood }));

describe('PHQ-9 item 9', () => {
  it('fires for every answer above "Not at all", even when the total is minimal', () => {
    expect(safetyTriggersForScreener('phq9', phq9(0))).toEqual([]);
    for (const v of [1, 2, 3]) expect(safetyTriggersForScreener('phq9', phq9(v))[0]?.code).toBe('phq9_item9');
  });

  it('is only read from PHQ-9', () => {
    expect(safetyTriggersForScreener('gad7', { phq9_9: 3 })).toEqual([]);
  });
});

describe('red flags', () => {
  it('fires for any one red flag and names it', () => {
    expect(safetyTriggersForRedFlags([])).toEqual([]);
    const t = safetyTriggersForRedFlags(['red_flag_substance_use']);
    expect(t[0]?.code).toBe('red_flag');
    expect(t[0]?.redFlags).toEqual(['red_flag_substance_use']);
    expect(t[0]?.message).toContain('substance use to manage emotions');
  });
});

describe('the diary rule: mood ≤ 3 on 10 or more of the last 14 logged days', () => {
  it('fires at exactly 10 of 14, not at 9', () => {
    expect(lowMoodPattern(days([3, 3, 3, 3, 3, 3, 3, 3, 3, 3, 7, 7, 7, 7])).fires).toBe(true);
    expect(lowMoodPattern(days([3, 3, 3, 3, 3, 3, 3, 3, 3, 4, 7, 7, 7, 7]))).toEqual({
      fires: false,
      lowDays: 9,
      loggedDays: 14,
    });
  });

  it('counts 3 as low and 4 as not', () => {
    expect(lowMoodPattern(days(Array(10).fill(4))).fires).toBe(false);
    expect(lowMoodPattern(days(Array(10).fill(3))).fires).toBe(true);
  });

  it('looks only at the 14 most recent logged days, whatever order they come in', () => {
    // 10 low days, then 5 good days: the oldest low day falls out of the window → 9 of 14.
    const d = days([...Array(10).fill(2), 8, 8, 8, 8, 8]);
    expect(lowMoodPattern(d)).toEqual({ fires: false, lowDays: 9, loggedDays: 14 });
    expect(lowMoodPattern([...d].reverse()).lowDays).toBe(9);
  });

  it('counts logged days, not calendar days: gaps in the diary do not dilute it', () => {
    const sparse = Array.from({ length: 10 }, (_, i) => ({ date: addDays('2026-01-01', i * 3), mood: 1 }));
    expect(lowMoodPattern(sparse)).toEqual({ fires: true, lowDays: 10, loggedDays: 10 });
    expect(lowMoodPattern(sparse.slice(1)).fires).toBe(false);
  });

  it('says gently how many days it saw', () => {
    expect(lowMoodTrigger(days(Array(12).fill(2)))[0]?.message).toContain('12 of your last 12');
    expect(lowMoodTrigger([])).toEqual([]);
  });
});

describe('putting the diary prompt away', () => {
  it('keeps it away for 7 days, then lets it come back', () => {
    const at = new Date('2026-03-01T10:00:00Z');
    expect(isPromptSnoozed(null, at)).toBe(false);
    expect(isPromptSnoozed(at, new Date('2026-03-08T09:59:59Z'))).toBe(true);
    expect(isPromptSnoozed(at, new Date('2026-03-08T10:00:00Z'))).toBe(false);
  });
});
