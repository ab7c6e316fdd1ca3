import { describe, expect, it } from 'vitest';
import { dueStatus } from './schedule.ts';

const every2 = { instrument: 'phq9', everyWeeks: 2, startDate: '2026-03-01' } as const;

describe('questionnaires on a schedule', () => {
  it('never filled in since the start: due on the start date, overdue after three days', () => {
    expect(dueStatus(every2, null, '2026-02-28')).toMatchObject({ dueDate: '2026-03-01', status: 'not_due' });
    expect(dueStatus(every2, null, '2026-03-01')).toMatchObject({ status: 'due', daysOverdue: 0 });
    expect(dueStatus(every2, null, '2026-03-04')).toMatchObject({ status: 'due', daysOverdue: 0 });
    expect(dueStatus(every2, null, '2026-03-05')).toMatchObject({ status: 'overdue', daysOverdue: 4 });
    // Filled in before the schedule began: the start date still counts.
    expect(dueStatus(every2, '2026-02-27', '2026-03-02')).toMatchObject({
      dueDate: '2026-03-01',
      status: 'due',
    });
  });

  it('next one a whole interval after the last, for every 1, 2 and 4 weeks', () => {
    expect(dueStatus(every2, '2026-03-02', '2026-03-20')).toEqual({
      instrument: 'phq9',
      everyWeeks: 2,
      lastDate: '2026-03-02',
      dueDate: '2026-03-16',
      status: 'overdue',
      daysOverdue: 4,
    });
    expect(dueStatus({ ...every2, everyWeeks: 1 }, '2026-03-02', '2026-03-08').status).toBe('not_due');
    expect(dueStatus({ ...every2, everyWeeks: 1 }, '2026-03-02', '2026-03-09').status).toBe('due');
    // Across a month end and a leap day: 2028-02-20 + 28 days = 2028-03-19.
    expect(
      dueStatus({ ...every2, everyWeeks: 4, startDate: '2028-01-01' }, '2028-02-20', '2028-03-19'),
    ).toMatchObject({ dueDate: '2028-03-19', status: 'due' });
  });
});
