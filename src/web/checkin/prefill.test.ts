import { describe, expect, it } from 'vitest';
import type { DayAnswer } from '../days/days.ts';
import { slowFieldsFromRecent, timesFromRecent } from './prefill.ts';

const day = (date: string, checkin: DayAnswer['checkin']): DayAnswer => ({ date, checkin, derived: {} });

describe('check-in prefill', () => {
  const recent = [
    day('2026-03-07', { bedtime: '22:30', wakeTime: '06:30', lifeSatisfaction: 6 }),
    day('2026-03-09', { mood: 5 }),
    day('2026-03-08', { bedtime: '23:15', wakeTime: '07:00', bloating: 2 }),
    // An imported-only day (no own values) never counts.
    { ...day('2026-03-09', {}), imported: [{ source: 'daylio', checkin: { mood: 3 }, derived: {} }] },
    // A later day than the one being filled in never counts either.
    day('2026-03-11', { bedtime: '01:00', wakeTime: '09:00' }),
  ];

  it('takes times from the latest earlier day that has both', () => {
    expect(timesFromRecent(recent, '2026-03-10')).toEqual({
      from: '2026-03-08',
      values: { bedtime: '23:15', wakeTime: '07:00' },
    });
    expect(timesFromRecent(recent, '2026-03-08')).toEqual({
      from: '2026-03-07',
      values: { bedtime: '22:30', wakeTime: '06:30' },
    });
    expect(timesFromRecent([], '2026-03-10')).toBeUndefined();
  });

  it('copies only the slow-changing fields, and says whether they are from yesterday', () => {
    expect(slowFieldsFromRecent(recent, '2026-03-09')).toEqual({
      from: '2026-03-08',
      yesterday: true,
      values: { bedtime: '23:15', wakeTime: '07:00', bloating: 2 },
    });
    // 2026-03-09 has only a mood (not slow), so the 8th is the latest with slow fields: not yesterday.
    expect(slowFieldsFromRecent(recent, '2026-03-10')).toMatchObject({
      from: '2026-03-08',
      yesterday: false,
    });
  });
});
