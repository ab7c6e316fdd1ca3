// Test files in fixtures/ are written from the formats' published descriptions: Daylio's header
// and rows from the daylio-csv-parser project's sample.csv and usage notes (current and "year"
// headers, 12-hour times), Bearable's long export from its column list (date, date formatted,
// weekday, time of day, category, rating/amount, detail, notes) as public parsers read it, and
// Loop's from uhabits' HabitsCSVExporter (Habits.csv header, wide Checkmarks.csv with a trailing
// comma, per-habit Date,Value,Notes) and Entry.kt's codes. Expected values are worked by hand.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { type Measure, measureByKey } from '../tracking/measures.ts';
import { parseBearable } from './bearable.ts';
import { parseDaylio } from './daylio.ts';
import { parseLoop } from './loop.ts';
import { type ImportPlan, planImport } from './plan.ts';
import { minutesOfClock } from './tabular.ts';

const fixture = (name: string) => readFileSync(new URL(`./fixtures/${name}`, import.meta.url), 'utf8');
// Gratitude is the habits capability's measure; stand it in so the plan can target it here.
const gratitude: Measure = {
  key: 'gratitude',
  label: 'Gratitudes',
  kind: 'count',
  group: 'habit',
  min: 0,
  max: 3,
};
const measures = (key: string) => (key === 'gratitude' ? gratitude : measureByKey(key));
const dayValue = (plan: ImportPlan, date: string, measure: string) =>
  plan.observations.find((o) => o.date === date && o.measure === measure);

describe('clock times', () => {
  it('reads 12- and 24-hour times', () => {
    expect(minutesOfClock('11:54 pm')).toBe(23 * 60 + 54);
    expect(minutesOfClock('12:30 AM')).toBe(30);
    expect(minutesOfClock('12:05 p.m.')).toBe(12 * 60 + 5);
    expect(minutesOfClock('23:00')).toBe(1380);
    expect(minutesOfClock('8:15 am')).toBe(495);
    expect(minutesOfClock('13:00 pm')).toBeUndefined();
    expect(minutesOfClock('24:00')).toBeUndefined();
  });
});

describe('Daylio', () => {
  it('reads the current header: several entries a day averaged, activities as yes/no, notes kept', () => {
    const parsed = parseDaylio(fixture('daylio-current.csv'));
    expect(parsed.rows).toBe(4);
    expect(parsed.moodLabels).toEqual(['sad', 'good', 'average']);
    const plan = planImport(parsed, {}, measures);
    expect(plan.dateRange).toEqual({ from: '2021-09-26', to: '2021-09-28' });
    expect(plan.days).toBe(3);
    expect(plan.moods).toEqual([
      { label: 'sad', value: 3, entries: 1 },
      { label: 'good', value: 8, entries: 1 },
      { label: 'average', value: 6, entries: 2 },
    ]);
    // sad (3) at 22:00 and good (8) at 08:15 on the same day → 5.5.
    expect(dayValue(plan, '2021-09-28', 'mood')?.value).toBe(5.5);
    expect(dayValue(plan, '2021-09-27', 'mood')?.value).toBe(6);
    expect(dayValue(plan, '2021-09-28', 'note')?.text).toBe('08:15 Morning — Kefir with oats, then a walk');
    const music = plan.mappings.find((m) => m.ref === 'activity:music');
    expect(music).toMatchObject({
      label: 'Music',
      values: 3,
      target: { to: 'custom', name: 'Music', kind: 'yesno' },
    });
    expect(plan.mappings.find((m) => m.ref === 'activity:movies_tv')?.label).toBe('Movies / tv');
    expect(plan.customMeasures.map((c) => c.name)).toContain('Stressed / frustrated');
    // Music twice on the 28th is one "yes".
    expect(dayValue(plan, '2021-09-28', 'custom:music')?.value).toBe(1);
    expect(plan.problems).toEqual([]);
  });

  it('reads the oldest header (year + "18 May") and the header without note_title', () => {
    const plan = planImport(parseDaylio(fixture('daylio-year.csv')), {}, measures);
    expect(plan.dateRange).toEqual({ from: '2018-05-16', to: '2018-05-18' });
    expect(dayValue(plan, '2018-05-18', 'mood')?.value).toBe(8);
    expect(dayValue(plan, '2018-05-16', 'mood')?.value).toBe(1);
    expect(dayValue(plan, '2018-05-16', 'note')?.text).toBe('23:41 Did nothing today.');
    const own = parseDaylio(fixture('daylio-own-labels.csv'));
    expect(own.moodLabels).toEqual(['sunny', 'cloudy', 'stormy']);
  });

  it('the person maps their own mood labels; unmapped ones are problems naming the line', () => {
    const parsed = parseDaylio(fixture('daylio-own-labels.csv'));
    const unmapped = planImport(parsed, {}, measures);
    expect(unmapped.problems.map((p) => p.message)).toEqual([
      'Line 2: mood "sunny" has no number yet: give it one from 1 to 10',
      'Line 3: mood "cloudy" has no number yet: give it one from 1 to 10',
      'Line 4: mood "stormy" has no number yet: give it one from 1 to 10',
    ]);
    const mapped = planImport(parsed, { moods: { sunny: 9, cloudy: 5, stormy: 2 } }, measures);
    expect(mapped.problems).toEqual([]);
    expect(mapped.observations.filter((o) => o.measure === 'mood').map((o) => o.value)).toEqual([9, 5, 2]);
    expect(() => planImport(parsed, { moods: { sunny: 11 } }, measures)).toThrow(
      'moods.sunny must be a whole number from 1 to 10',
    );
  });

  it('edits targets: skip an activity, send one to an existing yes/no measure', () => {
    const plan = planImport(
      parseDaylio(fixture('daylio-current.csv')),
      { targets: { 'activity:music': { to: 'skip' }, 'activity:clean': { to: 'measure', key: 'mood' } } },
      measures,
    );
    expect(plan.observations.some((o) => o.measure === 'custom:music')).toBe(false);
    expect(() =>
      planImport(
        parseDaylio(fixture('daylio-current.csv')),
        { targets: { note: { to: 'measure', key: 'mood' } } },
        measures,
      ),
    ).toThrow('Notes cannot go to Mood: one is text, the other is not');
  });

  it('refuses bad dates, bad times and wrong columns, naming the line', () => {
    const header = 'full_date,date,weekday,time,mood,activities,note_title,note\n';
    expect(() => parseDaylio(`${header}2021-02-30,30 February,Tuesday,10:00 pm,good,,,\n`)).toThrow(
      'Line 2: "2021-02-30" is not a date (expected YYYY-MM-DD)',
    );
    expect(() => parseDaylio(`${header}2021-02-03,3 February,Wednesday,25:00,good,,,\n`)).toThrow(
      'Line 2: "25:00" is not a time of day',
    );
    expect(() => parseDaylio('date,mood,activities\n2021-02-03,good,\n')).toThrow(
      /^Line 1: these are not the columns of a Daylio export \(found "date,mood,activities", expected full_date,date,weekday,time,mood,activities,note_title,note or /,
    );
  });
});

describe('Bearable', () => {
  const plan = planImport(parseBearable(fixture('bearable-long.csv')), {}, measures);

  it('rescales mood and energy from their 1–5 scale onto 1–10 and averages the day', () => {
    expect(plan.mappings.find((m) => m.ref === 'mood')?.scale).toEqual({ min: 1, max: 5 });
    // 4 → 1 + 3·9/4 = 7.75 and 2 → 3.25: mean 5.5. 5 → 10.
    expect(dayValue(plan, '2023-04-05', 'mood')?.value).toBe(5.5);
    expect(dayValue(plan, '2023-04-06', 'mood')?.value).toBe(10);
    expect(dayValue(plan, '2023-04-05', 'energy_morning')?.value).toBe(5.5);
    expect(dayValue(plan, '2023-04-05', 'energy_evening')?.value).toBe(3.25);
    expect(dayValue(plan, '2023-04-06', 'energy_morning')?.value).toBe(10);
  });

  it('sleep, symptoms (worst of the day), factors, bowel movements, gratitudes and notes', () => {
    expect(dayValue(plan, '2023-04-05', 'sleep_hours')?.value).toBe(7.5);
    expect(dayValue(plan, '2023-04-05', 'custom:headache')?.value).toBe(2);
    expect(dayValue(plan, '2023-04-05', 'custom:bloating')?.value).toBe(3);
    expect(dayValue(plan, '2023-04-05', 'custom:kefir')?.value).toBe(1);
    expect(dayValue(plan, '2023-04-06', 'custom:coffee')?.value).toBe(1);
    expect(dayValue(plan, '2023-04-06', 'custom:walk')).toBeUndefined();
    expect(dayValue(plan, '2023-04-05', 'custom:bowel movements')?.value).toBe(2);
    expect(dayValue(plan, '2023-04-05', 'bristol')?.value).toBe(5);
    expect(dayValue(plan, '2023-04-05', 'gratitude')?.value).toBe(2);
    expect(dayValue(plan, '2023-04-05', 'note')?.text).toBe(
      'Mood: Long day at work\n\nSymptom: after lunch\n\nGratitude: Sunshine; A call with Mum',
    );
    expect(plan.skipped).toEqual([
      { line: 14, reason: 'category "Weather" is not something Gutbrain imports from Bearable' },
    ]);
    expect(plan.rows).toBe(16);
  });

  it('refuses a bad date and a sleep that is not a duration, naming the line', () => {
    const header = 'date,weekday,time of day,category,rating/amount,detail,notes\n';
    expect(() => parseBearable(`${header}05/04/2023,Wednesday,am,Mood,4,,\n`)).toThrow(
      'Line 2: "05/04/2023" is not a date',
    );
    expect(() => parseBearable(`${header}2023-04-05,Wednesday,am,Sleep,lots,,\n`)).toThrow(
      'Line 2: sleep "lots" is not a duration (H:MM)',
    );
    expect(() => parseBearable(`${header}2023-04-05,Wednesday,am,Mood,great,,\n`)).toThrow(
      'Line 2: Mood "great" is not a number',
    );
  });
});

describe('Loop Habit Tracker', () => {
  it('wide Checkmarks.csv: done → 1, not done → 0, YES_AUTO/SKIP/UNKNOWN skipped with the reason', () => {
    const parsed = parseLoop([
      { name: 'Habits.csv', content: fixture('loop-Habits.csv') },
      { name: 'Checkmarks.csv', content: fixture('loop-Checkmarks.csv') },
    ]);
    const plan = planImport(parsed, {}, measures);
    expect(plan.mappings.map((m) => m.label)).toEqual(['Meditate', 'Wake up early']);
    const meditate = plan.observations
      .filter((o) => o.measure === 'custom:meditate')
      .map((o) => [o.date, o.value]);
    expect(meditate).toEqual([
      ['2026-03-01', 1],
      ['2026-03-03', 0],
      ['2026-03-04', 1],
    ]);
    const early = plan.observations
      .filter((o) => o.measure === 'custom:wake up early')
      .map((o) => [o.date, o.value]);
    expect(early).toEqual([
      ['2026-03-01', 0],
      ['2026-03-03', 1],
    ]);
    expect(plan.skipped.map((s) => s.reason)).toEqual([
      'Wake up early on 2026-03-04: not done and not expected that day (YES_AUTO)',
      'Meditate on 2026-03-02: skipped (SKIP)',
      'Wake up early on 2026-03-02: no entry (UNKNOWN)',
    ]);
  });

  it('per-habit files with named values and notes', () => {
    const plan = planImport(
      parseLoop([
        { name: 'Habits.csv', content: fixture('loop-Habits.csv') },
        {
          name: '001 Meditate/Checkmarks.csv',
          content: 'Date,Value,Notes\n2026-03-02,YES_MANUAL,Ten minutes\n2026-03-01,NO,\n',
        },
      ]),
      {},
      measures,
    );
    expect(plan.observations).toEqual([
      { date: '2026-03-01', measure: 'custom:meditate', value: 0, text: null },
      { date: '2026-03-02', measure: 'custom:meditate', value: 1, text: null },
      { date: '2026-03-02', measure: 'note', value: null, text: 'Meditate: Ten minutes' },
    ]);
  });

  it('per-habit folders match Habits.csv by position; numerical habits are in thousandths', () => {
    const habits =
      'Position,Name,Type,Question,Description,Unit\n001,Water (glasses)!,NUMERICAL,,,glasses\n002,Stretch?,YES_NO,,,\n';
    const plan = planImport(
      parseLoop([
        { name: 'Habits.csv', content: habits },
        {
          name: '001 Water glasses/Checkmarks.csv',
          content: 'Date,Value,Notes\n2026-03-02,6500,\n2026-03-01,-1,\n',
        },
        { name: '002 Stretch/Checkmarks.csv', content: '2026-03-02,2\n' },
      ]),
      {},
      measures,
    );
    expect(plan.mappings.map((m) => [m.label, m.kind])).toEqual([
      ['Water (glasses)!', 'number'],
      ['Stretch?', 'yesno'],
    ]);
    expect(plan.customMeasures).toContainEqual({ name: 'Water (glasses)!', kind: 'number', unit: 'glasses' });
    expect(plan.observations).toEqual([
      { date: '2026-03-02', measure: 'custom:stretch?', value: 1, text: null },
      { date: '2026-03-02', measure: 'custom:water (glasses)!', value: 6.5, text: null },
    ]);
  });

  it('refuses a bad value and wrong columns', () => {
    expect(() =>
      parseLoop([{ name: 'Checkmarks.csv', content: 'Date,Meditate,\n2026-03-01,maybe,\n' }]),
    ).toThrow('Checkmarks.csv line 2: "maybe" is not a Loop entry for Meditate');
    expect(() => parseLoop([{ name: 'Checkmarks.csv', content: 'Day,Meditate\n2026-03-01,2\n' }])).toThrow(
      'Checkmarks.csv line 1: expected "Date,<habit>,…"',
    );
    expect(() => parseLoop([{ name: 'Habits.csv', content: fixture('loop-Habits.csv') }])).toThrow(
      'Upload Checkmarks.csv',
    );
  });
});
