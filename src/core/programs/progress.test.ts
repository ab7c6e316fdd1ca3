import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.ts';
import { type Enrolment, leaveEnrolment, pauseEnrolment, programDays, resumeEnrolment } from './calendar.ts';
import { programById } from './index.ts';
import {
  dayProgress,
  type Marks,
  programCalendar,
  programStreaks,
  streaks,
  weeklyCompletion,
} from './progress.ts';
import { endReport } from './report.ts';
import { matrixOf } from './test-matrix.ts';

const challenge = programById('gut_brain_30_day')!;
const guide = programById('three_level_guide')!;
const START = '2026-03-02';
const enrolment: Enrolment = {
  id: 'e1',
  programId: challenge.id,
  startDate: START,
  status: 'active',
  pauses: [],
  endedOn: null,
};
const noMarks: Marks = { ticks: [], choices: new Map() };
const FAR = '2027-01-01';

describe('the challenge on the calendar', () => {
  it('is 30 days: weeks 1–3 of 7 days and a 9-day week 4', () => {
    const days = programDays(challenge, enrolment, FAR);
    expect(days).toHaveLength(30);
    expect(days[0]).toEqual({ date: '2026-03-02', day: 1, weekIndex: 0 });
    expect(days[7]).toEqual({ date: '2026-03-09', day: 8, weekIndex: 1 });
    expect(days[21]).toEqual({ date: '2026-03-23', day: 22, weekIndex: 3 });
    expect(days[29]).toEqual({ date: '2026-03-31', day: 30, weekIndex: 3 });
  });

  it('a pause moves the rest later; resuming continues; leaving stops; nothing else changes', () => {
    let e = pauseEnrolment(enrolment, '2026-03-05');
    expect(programDays(challenge, e, FAR).map((d) => d.date)).toEqual([
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
    ]);
    e = resumeEnrolment(e, '2026-03-07'); // paused on the 5th and 6th
    expect(e.pauses).toEqual([{ from: '2026-03-05', to: '2026-03-06' }]);
    const days = programDays(challenge, e, FAR);
    expect(days[3]).toEqual({ date: '2026-03-07', day: 4, weekIndex: 0 });
    expect(days[29]?.date).toBe('2026-04-02');
    const left = leaveEnrolment(e, '2026-03-10');
    expect(programDays(challenge, left, FAR).at(-1)).toMatchObject({ date: '2026-03-10', day: 7 });
    expect(() => pauseEnrolment(left, '2026-03-11')).toThrow(/left/);
    expect(() => resumeEnrolment(enrolment, '2026-03-11')).toThrow(/not paused/);
  });

  it('resuming on the first paused day cancels the pause', () => {
    const e = resumeEnrolment(pauseEnrolment(enrolment, '2026-03-05'), '2026-03-05');
    expect(e.pauses).toEqual([]);
    expect(e.status).toBe('active');
  });

  it('an open-ended program repeats its last week', () => {
    const onGuide = { ...enrolment, programId: guide.id };
    const days = programDays(guide, onGuide, addDays(START, 49));
    expect(days).toHaveLength(50);
    expect(days[34]?.weekIndex).toBe(4); // day 35: level 3
    expect(days[35]?.weekIndex).toBe(5); // day 36: level 3 again, week 6
  });
});

describe('today’s goals', () => {
  const days = programDays(challenge, enrolment, FAR);

  it('day 1: a fermented food and 20 minutes of movement tick their goals; no wake time leaves sunlight unknown', () => {
    const m = matrixOf({
      [START]: { fermented_servings: 1, movement: 20, morning_sunlight: 15, morning_sunlight_time: 480 },
    });
    const p = dayProgress(challenge, days, START, m, noMarks)!;
    expect(p).toMatchObject({
      day: 1,
      week: 1,
      weekTitle: 'Foundation setting',
      dailyMet: 2,
      dailyRequired: 4,
      complete: false,
    });
    const status = Object.fromEntries(p.goals.map((g) => [g.id, g.status]));
    expect(status).toEqual({
      morning_sunlight: 'unknown',
      movement_20: 'met',
      fermented_food: 'met',
      consistent_bedtime: 'unknown',
    });
  });

  it('a day with no entries has every goal not met or unknown, never met', () => {
    const p = dayProgress(challenge, days, '2026-03-03', matrixOf({}), noMarks)!;
    expect(p.dailyMet).toBe(0);
    expect(p.goals.every((g) => g.status !== 'met')).toBe(true);
  });

  it('week 4 shows the optional fasting goal untouched until accepted, and never requires it', () => {
    const d = '2026-03-25';
    const m = matrixOf({ [d]: { intermittent_fasting: 13 } });
    const before = dayProgress(challenge, days, d, m, noMarks)!.goals.find((g) => g.id === 'fasting_window')!;
    expect(before).toMatchObject({ optional: true, required: false, choice: null, status: 'not_met' });
    expect(before.caution?.professional).toBe('general_practitioner');
    const accepted = { ticks: [], choices: new Map([['fasting_window', 'accepted' as const]]) };
    expect(
      dayProgress(challenge, days, d, m, accepted)!.goals.find((g) => g.id === 'fasting_window')?.status,
    ).toBe('met');
  });

  it('the weekly reflection is ticked by hand once and stays ticked for the rest of that week', () => {
    const marks: Marks = { ticks: [{ date: '2026-03-24', goalId: 'reflection' }], choices: new Map() };
    const at = (d: string) =>
      dayProgress(challenge, days, d, matrixOf({}), marks)!.goals.find((g) => g.id === 'reflection');
    expect(at('2026-03-23')?.status).toBe('not_met');
    expect(at('2026-03-24')).toMatchObject({ status: 'met', manual: true, period: 'week' });
    expect(at('2026-03-31')?.status).toBe('met');
  });

  it('the weekly "new probiotic food" counts days met so far in the week', () => {
    const m = matrixOf({ '2026-03-11': { new_fermented_foods: 1 } });
    const g = (d: string) =>
      dayProgress(challenge, days, d, m, noMarks)!.goals.find((x) => x.id === 'new_probiotic_food');
    expect(g('2026-03-10')).toMatchObject({ status: 'not_met', value: 0, target: 1 });
    expect(g('2026-03-12')).toMatchObject({ status: 'met', value: 1, target: 1 });
  });
});

describe('streaks and weekly completion', () => {
  // Bedtime 23:00 for the 14 nights before the start, so "consistent bedtime" can be judged from day 1.
  const all: Record<string, Record<string, number>> = {};
  for (let i = 1; i <= 14; i++) all[addDays(START, -i)] = { bedtime: 1380 };
  const full = {
    bedtime: 1390,
    wake_time: 420,
    morning_sunlight: 10,
    morning_sunlight_time: 450,
    movement: 30,
    fermented_servings: 1,
  };
  // Days 1–5 complete, day 6 without movement, day 7 complete; day 8 (week 2) has the week-1 goals only.
  for (let i = 0; i < 8; i++) all[addDays(START, i)] = i === 5 ? { ...full, movement: 0 } : { ...full };
  const m = matrixOf(all);
  const days = programDays(challenge, enrolment, FAR);
  const today = '2026-03-09'; // day 8

  it('counts the current streak up to yesterday while today is unfinished, and the best run', () => {
    const cal = programCalendar(challenge, days, today, m, noMarks);
    expect(cal.slice(0, 8).map((c) => c.state)).toEqual([
      'complete',
      'complete',
      'complete',
      'complete',
      'complete',
      'partial',
      'complete',
      'partial',
    ]);
    expect(cal[8]?.state).toBe('future');
    expect(streaks(cal, today)).toEqual({ current: 1, best: 5, unit: 'days' });
  });

  it('streak helper: a finished today extends the run; a gap resets it', () => {
    const c = (date: string, complete: boolean) => ({
      date,
      state: complete ? ('complete' as const) : ('partial' as const),
    });
    expect(streaks([c('a1', true), c('a2', true), c('a3', true)], 'a3')).toMatchObject({
      current: 3,
      best: 3,
    });
    expect(streaks([c('a1', true), c('a2', false), c('a3', false)], 'a3')).toMatchObject({
      current: 0,
      best: 1,
    });
    expect(streaks([], 'a3')).toMatchObject({ current: 0, best: 0 });
  });

  it('week 1 is 27 of 28 goal-days (96 %); week 2 so far counts its weekly goals too', () => {
    const weeks = weeklyCompletion(challenge, days, today, m, noMarks);
    expect(weeks[0]).toMatchObject({
      week: 1,
      daysElapsed: 7,
      daysInWeek: 7,
      goalsMet: 27,
      goalsDue: 28,
      percent: 96,
    });
    // Day 8: 4 week-1 goals met of 6 daily goals due, plus 2 weekly goals (neither met) → 4 / 8.
    expect(weeks[1]).toMatchObject({ week: 2, daysElapsed: 1, goalsMet: 4, goalsDue: 8, percent: 50 });
    expect(weeks[2]).toMatchObject({ week: 3, daysElapsed: 0, percent: null });
  });
});

describe('end report', () => {
  const days = programDays(challenge, enrolment, FAR);
  const m = matrixOf({
    '2026-03-02': { mood: 4, energy_morning: 4, energy_evening: 6, focus: 5, sleep_quality: 6 },
    '2026-03-03': { mood: 5, energy_morning: 6 },
    '2026-03-05': { mood: 6 },
    '2026-03-24': { mood: 7, energy_midday: 7, sleep_quality: 8 },
    '2026-03-30': { mood: 8 },
  });

  it('compares week 1 with week 4, with the days each average rests on', () => {
    const r = endReport(challenge, days, '2026-03-31', m)!;
    expect(r).toMatchObject({ firstWeek: 1, lastWeek: 4, final: true });
    expect(r.measures).toEqual([
      {
        measure: 'mood',
        label: 'Mood',
        first: { mean: 5, days: 3 },
        last: { mean: 7.5, days: 2 },
        change: 2.5,
      },
      // Energy per day is the mean of its readings: (4 + 6) / 2 = 5 and 6 → 5.5 over 2 days.
      {
        measure: 'energy',
        label: 'Energy',
        first: { mean: 5.5, days: 2 },
        last: { mean: 7, days: 1 },
        change: 1.5,
      },
      {
        measure: 'focus',
        label: 'Focus',
        first: { mean: 5, days: 1 },
        last: { mean: null, days: 0 },
        change: null,
      },
      {
        measure: 'sleep_quality',
        label: 'Sleep quality',
        first: { mean: 6, days: 1 },
        last: { mean: 8, days: 1 },
        change: 2,
      },
    ]);
  });

  it('is not final before day 30, and not there at all before week 4 begins', () => {
    expect(endReport(challenge, days, '2026-03-25', m)?.final).toBe(false);
    expect(endReport(challenge, days, '2026-03-22', m)).toBeUndefined();
  });
});

describe('the three-level guide', () => {
  const e = { ...enrolment, programId: guide.id };
  const days = programDays(guide, e, addDays(START, 40));

  it('opens level 2 on day 15 and level 3 on day 29, keeping earlier goals', () => {
    const ids = (d: string) => dayProgress(guide, days, d, matrixOf({}), noMarks)!.goals.map((g) => g.id);
    expect(ids(addDays(START, 13))).toHaveLength(3); // day 14: level 1
    expect(ids(addDays(START, 14))).toContain('fermented_most_days'); // day 15: level 2
    expect(ids(addDays(START, 14))).toHaveLength(8);
    expect(ids(addDays(START, 28))).toHaveLength(13); // day 29: level 3
  });

  it('a "4 days a week" goal is met on the fourth qualifying day of that week, not before', () => {
    const m = matrixOf(Object.fromEntries([0, 2, 3, 5].map((i) => [addDays(START, i), { movement: 25 }])));
    const move = (d: string) =>
      dayProgress(guide, days, d, m, noMarks)!.goals.find((g) => g.id === 'movement_most_days');
    expect(move(addDays(START, 4))).toMatchObject({ status: 'not_met', value: 3, target: 4 });
    expect(move(addDays(START, 5))).toMatchObject({ status: 'met', value: 4, target: 4 });
    // The next week starts again from zero.
    expect(move(addDays(START, 7))).toMatchObject({ status: 'not_met', value: 0 });
  });

  it('has weekly goals only, so its calendar marks what was done each day and its streak counts weeks', () => {
    // Week 1: sunlight never logged → incomplete. Week 2 (days 8–14): every level-1 goal met 4 times.
    const all: Record<string, Record<string, number>> = {};
    for (let i = -14; i < 14; i++) all[addDays(START, i)] = { bedtime: 1380 };
    const full = {
      bedtime: 1380,
      wake_time: 420,
      morning_sunlight: 10,
      morning_sunlight_time: 450,
      movement: 20,
    };
    for (const i of [0, 1]) Object.assign(all[addDays(START, i)] as object, { movement: 20 });
    for (const i of [7, 8, 9, 10]) all[addDays(START, i)] = { ...full };
    const m = matrixOf(all);
    const today = addDays(START, 13);
    const cal = programCalendar(guide, days, today, m, noMarks);
    expect(cal[0]).toMatchObject({
      state: 'partial',
      met: ['movement_most_days', 'steady_bedtime_most_days'],
    });
    expect(cal[2]).toMatchObject({ state: 'partial', met: ['steady_bedtime_most_days'] });
    expect(cal.every((c) => c.state !== 'complete')).toBe(true);
    const weeks = weeklyCompletion(guide, days, today, m, noMarks);
    expect(weeks.slice(0, 2).map((w) => [w.goalsMet, w.goalsDue])).toEqual([
      [1, 3], // only the bedtime goal (7 nights) in week 1
      [3, 3],
    ]);
    expect(programStreaks(guide, cal, weeks, today)).toEqual({ current: 1, best: 1, unit: 'weeks' });
    expect(programStreaks(challenge, cal, weeks, today).unit).toBe('days');
  });
});
