import { describe, expect, it } from 'vitest';
import { moodDaysOf } from './clinic-caseload.ts';

describe('moodDaysOf (one mood a day from the caseload’s aggregated string)', () => {
  it('keeps the check-in’s mood over an imported one on the same day, whichever comes first', () => {
    expect(moodDaysOf('2026-03-01~3,2026-03-01=7,2026-03-02=5,2026-03-02~1,2026-03-03~2')).toEqual([
      { date: '2026-03-01', mood: 7 },
      { date: '2026-03-02', mood: 5 },
      { date: '2026-03-03', mood: 2 },
    ]);
  });

  it('sorts days that came in another order, and reads SQLite’s and PostgreSQL’s number spellings', () => {
    expect(moodDaysOf('2026-03-03=2.0,2026-03-01~3,2026-03-02=4.5,2026-03-01=6')).toEqual([
      { date: '2026-03-01', mood: 6 },
      { date: '2026-03-02', mood: 4.5 },
      { date: '2026-03-03', mood: 2 },
    ]);
  });

  it('keeps the first of two imported moods on one day', () => {
    expect(moodDaysOf('2026-03-01~3,2026-03-01~8')).toEqual([{ date: '2026-03-01', mood: 3 }]);
  });
});
