import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.ts';
import { DAYLIO_DEFAULT_MOODS } from '../import/daylio.ts';
import {
  diaryPromptState,
  episodeStarts,
  episodeStartsByDay,
  LOW_MOOD_MIN_LOGGED_DAYS,
  lowMoodPattern,
  lowMoodTrigger,
  type MoodDay,
  moodsByDay,
  snoozedUntil,
} from './diary.ts';

const TODAY = '2026-03-31';
/** One mood per calendar day, ending today, oldest first. */
const lastDays = (moods: number[], today = TODAY): MoodDay[] =>
  moods.map((mood, i) => ({ date: addDays(today, i - moods.length + 1), mood }));

describe('the diary rule: mood ≤ 3 on ≥ 10 of every 14 logged days in the last 14 calendar days', () => {
  it('fires at 10 of 14 daily entries, not at 9', () => {
    expect(lowMoodPattern(lastDays([7, 7, 7, 7, 3, 3, 3, 3, 3, 3, 3, 3, 3, 3]), TODAY)).toEqual({
      fires: true,
      lowDays: 10,
      loggedDays: 14,
    });
    expect(lowMoodPattern(lastDays([7, 7, 7, 7, 4, 3, 3, 3, 3, 3, 3, 3, 3, 3]), TODAY)).toEqual({
      fires: false,
      lowDays: 9,
      loggedDays: 14,
    });
  });

  it('counts 3 as low and 4 as not', () => {
    expect(lowMoodPattern(lastDays(Array(14).fill(4)), TODAY).fires).toBe(false);
    expect(lowMoodPattern(lastDays(Array(14).fill(3)), TODAY).fires).toBe(true);
  });

  it('ignores stale data: 14 days of mood 1 ending 90 days ago do not fire today', () => {
    const old = lastDays(Array(14).fill(1), addDays(TODAY, -90));
    expect(lowMoodPattern(old, TODAY)).toEqual({ fires: false, lowDays: 0, loggedDays: 0 });
    expect(lowMoodPattern(old, addDays(TODAY, -90)).fires).toBe(true);
  });

  it('looks only at the 14 calendar days ending today: day 15 back is outside', () => {
    // 10 low days from 14 days back to 5 days back, then good days — and one more low day 15 back.
    const days = [{ date: addDays(TODAY, -14), mood: 1 }, ...lastDays([...Array(10).fill(2), 8, 8, 8, 8])];
    expect(lowMoodPattern(days, TODAY)).toEqual({ fires: true, lowDays: 10, loggedDays: 14 });
    expect(lowMoodPattern(days, addDays(TODAY, 1))).toEqual({ fires: false, lowDays: 9, loggedDays: 13 });
  });

  it(`does not miss a sparse logger: every other day at mood 2 fires (7 logged, all low)`, () => {
    const sparse = Array.from({ length: 7 }, (_, i) => ({ date: addDays(TODAY, -2 * i), mood: 2 }));
    expect(lowMoodPattern(sparse, TODAY)).toEqual({ fires: true, lowDays: 7, loggedDays: 7 });
  });

  it(`needs at least ${LOW_MOOD_MIN_LOGGED_DAYS} logged days: 4 bad entries alone do not fire, 5 do`, () => {
    expect(LOW_MOOD_MIN_LOGGED_DAYS).toBe(5);
    const four = [0, 3, 6, 9].map((d) => ({ date: addDays(TODAY, -d), mood: 1 }));
    expect(lowMoodPattern(four, TODAY)).toEqual({ fires: false, lowDays: 4, loggedDays: 4 });
    const five = [...four, { date: addDays(TODAY, -12), mood: 1 }];
    expect(lowMoodPattern(five, TODAY).fires).toBe(true);
  });

  it('judges the share of logged days: 5 of 7 fires (≥ 10/14), 4 of 7 does not', () => {
    const seven = (low: number) =>
      Array.from({ length: 7 }, (_, i) => ({ date: addDays(TODAY, -2 * i), mood: i < low ? 2 : 7 }));
    expect(lowMoodPattern(seven(5), TODAY).fires).toBe(true);
    expect(lowMoodPattern(seven(4), TODAY).fires).toBe(false);
  });

  it('counts imported Daylio moods once mapped: 14 days of "awful" fire, 14 of "meh" do not', () => {
    expect(DAYLIO_DEFAULT_MOODS).toMatchObject({ rad: 10, good: 8, meh: 6, bad: 3, awful: 1 });
    const awful = DAYLIO_DEFAULT_MOODS.awful as number;
    const meh = DAYLIO_DEFAULT_MOODS.meh as number;
    expect(lowMoodPattern(lastDays(Array(14).fill(awful)), TODAY).fires).toBe(true);
    expect(lowMoodPattern(lastDays(Array(14).fill(meh)), TODAY).fires).toBe(false);
  });

  it('says gently how many days it saw', () => {
    expect(lowMoodTrigger(lastDays(Array(12).fill(2)), TODAY)[0]?.message).toContain(
      '3 or lower on 12 of the 12 days you logged',
    );
    expect(lowMoodTrigger([], TODAY)).toEqual([]);
  });
});

describe('putting the diary prompt away: once per episode, 7 days', () => {
  const low = lastDays(Array(30).fill(2)); // the pattern has held every day for weeks
  const now = new Date('2026-03-31T10:00:00Z');

  it('shows with the snooze on offer when never put away', () => {
    const s = diaryPromptState(low, TODAY, now, null);
    expect(s.triggers.map((t) => t.code)).toEqual(['low_mood_pattern']);
    expect(s.snoozeAvailable).toBe(true);
  });

  it('keeps it away for 7 days after a dismissal in this episode, then brings it back without the snooze', () => {
    const at = new Date('2026-03-25T10:00:00Z');
    const during = diaryPromptState(low, TODAY, now, { at, date: '2026-03-25' });
    expect(during).toEqual({ triggers: [], snoozedUntil: snoozedUntil(at), snoozeAvailable: false });
    const after = diaryPromptState(low, '2026-04-01', new Date('2026-04-01T10:00:00Z'), {
      at,
      date: '2026-03-25',
    });
    expect(after.triggers.length).toBe(1);
    expect(after.snoozeAvailable).toBe(false);
  });

  it('offers the snooze again in a new episode, after a day without the pattern', () => {
    // Low, then 10 good days, then low again. Worked by hand: the first run fires from 02-19 (5
    // logged, all low) to 03-04 (10 low of 14); 03-05 has 9 of 14; the second run starts 03-20
    // (03-07..03-10 good, 03-11..03-20 low: 10 of 14). The old dismissal belongs to the old episode.
    const days = [
      ...lastDays(Array(14).fill(2), '2026-02-28'),
      ...lastDays(Array(10).fill(8), '2026-03-10'),
      ...lastDays(Array(21).fill(1), TODAY),
    ];
    expect(episodeStarts(days, '2026-02-01', TODAY)).toEqual(['2026-02-19', '2026-03-20']);
    const s = diaryPromptState(days, TODAY, now, {
      at: new Date('2026-02-27T10:00:00Z'),
      date: '2026-02-27',
    });
    expect(s.triggers.length).toBe(1);
    expect(s.snoozeAvailable).toBe(true);
  });

  it('shows nothing when the pattern is not there, whatever was dismissed', () => {
    expect(diaryPromptState(lastDays(Array(14).fill(8)), TODAY, now, null)).toEqual({
      triggers: [],
      snoozedUntil: null,
      snoozeAvailable: false,
    });
  });

  it('lasts exactly 7 days', () => {
    const at = new Date('2026-03-01T10:00:00Z');
    expect(snoozedUntil(at).toISOString()).toBe('2026-03-08T10:00:00.000Z');
  });
});

describe('episodeStarts slides the window', () => {
  /** The definition, day by day: a start is a day the rule fires after a day it did not. */
  const naive = (days: MoodDay[], from: string, to: string) => {
    const out: string[] = [];
    let previous = lowMoodPattern(days, addDays(from, -1)).fires;
    for (let d = from; d <= to; d = addDays(d, 1)) {
      const fires = lowMoodPattern(days, d).fires;
      if (fires && !previous) out.push(d);
      previous = fires;
    }
    return out;
  };

  it('finds the same episode starts as the rule applied day by day', () => {
    fc.assert(
      fc.property(
        fc.array(
          fc.record({ offset: fc.integer({ min: 0, max: 120 }), mood: fc.integer({ min: 1, max: 10 }) }),
          {
            maxLength: 150,
          },
        ),
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 60 }),
        (entries, fromOffset, length) => {
          const days = entries.map((e) => ({ date: addDays('2026-01-01', e.offset), mood: e.mood }));
          const from = addDays('2026-01-01', fromOffset);
          const to = addDays(from, length);
          expect(episodeStarts(days, from, to)).toEqual(naive(days, from, to));
        },
      ),
      { numRuns: 300 },
    );
    expect(episodeStarts([], '2026-02-02', '2026-02-01')).toEqual([]);
  });

  it('finds the same starts from moods laid out by day, whatever day the series begins and ends on', () => {
    // Mostly low moods on most days, so that episodes come and go within the span.
    const mood = fc.oneof(
      { arbitrary: fc.integer({ min: 1, max: 3 }), weight: 4 },
      { arbitrary: fc.integer({ min: 4, max: 10 }), weight: 1 },
    );
    let withEpisodes = 0;
    fc.assert(
      fc.property(
        fc.array(fc.record({ offset: fc.integer({ min: 0, max: 90 }), mood }), {
          minLength: 20,
          maxLength: 150,
        }),
        fc.integer({ min: 0, max: 70 }),
        fc.integer({ min: 0, max: 60 }),
        fc.integer({ min: -30, max: 30 }),
        fc.integer({ min: -30, max: 30 }),
        (entries, fromOffset, length, startShift, endShift) => {
          const days = entries.map((e) => ({ date: addDays('2026-01-01', e.offset), mood: e.mood }));
          const from = addDays('2026-01-01', fromOffset);
          const to = addDays(from, length);
          // The series may begin before or after the window's first day and end before or after `to`:
          // the days it leaves out count as not logged, as they are in `days` cut to the same span.
          const seriesFrom = addDays(from, -14 + startShift);
          const seriesTo = addDays(to, endShift);
          const series = moodsByDay(days, seriesFrom, seriesTo);
          const inSpan = days.filter((d) => d.date >= seriesFrom && d.date <= seriesTo);
          const want = naive(inSpan, from, to);
          if (want.length > 0) withEpisodes++;
          expect(episodeStartsByDay(series, from, to)).toEqual(want);
        },
      ),
      { numRuns: 300 },
    );
    // The comparison means something only if episodes were found often.
    expect(withEpisodes).toBeGreaterThan(100);
  });
});
