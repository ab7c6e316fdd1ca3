import { describe, expect, it } from 'vitest';
import { moodsByDayOf } from './clinic-caseload.ts';

describe('moodsByDayOf (one mood a day from the caseload’s aggregated string)', () => {
  it('keeps the check-in’s mood over an imported one on the same day, whichever comes first', () => {
    expect(
      moodsByDayOf(
        '2026-03-01~3,2026-03-01=7,2026-03-02=5,2026-03-02~1,2026-03-03~2',
        '2026-03-01',
        '2026-03-04',
      ),
    ).toEqual({ from: '2026-03-01', moods: [7, 5, 2, undefined] });
  });

  it('places days that came in any order, reads SQLite’s and PostgreSQL’s number spellings, leaves out days outside the span', () => {
    expect(
      moodsByDayOf(
        '2026-03-03=2.0,2026-03-01~3,2026-03-02=4.5,2026-03-01=6,2026-02-27=9,2026-03-05=1',
        '2026-02-28',
        '2026-03-04',
      ),
    ).toEqual({ from: '2026-02-28', moods: [undefined, 6, 4.5, 2, undefined] });
  });

  it('keeps the first of two imported moods on one day', () => {
    expect(moodsByDayOf('2026-03-01~3,2026-03-01~8', '2026-03-01', '2026-03-01')).toEqual({
      from: '2026-03-01',
      moods: [3],
    });
  });
});
