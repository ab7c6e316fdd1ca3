/**
 * Questionnaires on a schedule: a clinic asks for PHQ-9, GAD-7 or WHO-5 every 1, 2 or 4 weeks.
 * The next one is due a whole interval after the last time it was filled in (any time, for the
 * clinic or not), or on the schedule's start date when it has not been filled in since. It shows as
 * "due" from that day for three days, then "overdue" (counted in days from the due date): the
 * questionnaires ask about the last two weeks, so a few days' leeway changes nothing they measure.
 *
 * @example dueStatus({ instrument: 'phq9', everyWeeks: 2, startDate: '2026-03-01' }, '2026-03-02', '2026-03-20')
 *   // { dueDate: '2026-03-16', status: 'overdue', daysOverdue: 4 }
 */
import { addDays, daysBetween } from '../dates.ts';
import type { InstrumentId } from '../screeners/instruments.ts';

export const SCHEDULE_WEEKS = [1, 2, 4] as const;
export type ScheduleWeeks = (typeof SCHEDULE_WEEKS)[number];
/** Days after the due date during which a questionnaire is "due" rather than "overdue". */
export const DUE_LEEWAY_DAYS = 3;

export interface Schedule {
  instrument: InstrumentId;
  everyWeeks: ScheduleWeeks;
  startDate: string;
}

export interface DueStatus {
  instrument: InstrumentId;
  everyWeeks: ScheduleWeeks;
  lastDate: string | null;
  dueDate: string;
  status: 'not_due' | 'due' | 'overdue';
  daysOverdue: number;
}

/** Where one schedule stands on `today`, given the last date the questionnaire was filled in. */
export function dueStatus(schedule: Schedule, lastDate: string | null, today: string): DueStatus {
  const dueDate =
    lastDate !== null && lastDate >= schedule.startDate
      ? addDays(lastDate, schedule.everyWeeks * 7)
      : schedule.startDate;
  const late = today >= dueDate ? daysBetween(dueDate, today) : -1;
  const status = late < 0 ? 'not_due' : late <= DUE_LEEWAY_DAYS ? 'due' : 'overdue';
  return {
    instrument: schedule.instrument,
    everyWeeks: schedule.everyWeeks,
    lastDate,
    dueDate,
    status,
    daysOverdue: status === 'overdue' ? late : 0,
  };
}
