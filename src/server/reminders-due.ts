/**
 * Which of a person's reminders are due at an instant: gathers the person's state from the store
 * (local date and time, today's check-in, last questionnaires, open program days, dismissals) and
 * asks core's `dueReminders`. The one implementation behind GET /api/reminders/due and the push job.
 *
 * @example const { today, localTime, due } = await remindersDueFor(db, personId, new Date());
 */
import type { Kysely } from 'kysely';
import { addDays, localDateAt } from '../core/dates.ts';
import { dayProgress, programById, programDays } from '../core/programs/index.ts';
import {
  type DueReminder,
  dueReminders,
  localTimeAt,
  type ReminderState,
} from '../core/reminders/reminders.ts';
import { INSTRUMENTS, isInstrumentId } from '../core/screeners/instruments.ts';
import { repeatReminders } from '../core/screeners/reminders.ts';
import { CHECKIN_SOURCE, dayMeasureMatrix, getDayObservations } from '../store/observations.ts';
import { getPerson } from '../store/people.ts';
import { getMarks, listEnrolments } from '../store/programs.ts';
import { getReminders } from '../store/reminders.ts';
import type { Database } from '../store/schema.ts';
import { lastResponseDates } from '../store/screeners.ts';
import { scheduledQuestionnaires } from './services/clinics.ts';

export interface RemindersDue {
  /** The person's local date and time (HH:MM) at the instant asked about. */
  today: string;
  localTime: string;
  due: DueReminder[];
}

/** Titles of the person's active programs whose goals for `today` are not all met. */
async function programsUnfinished(db: Kysely<Database>, personId: string, today: string): Promise<string[]> {
  const titles: string[] = [];
  for (const e of await listEnrolments(db, personId)) {
    const program = programById(e.programId);
    if (!program || e.status !== 'active' || e.startDate > today) continue;
    const days = programDays(program, e, today);
    if (!days.some((d) => d.date === today)) continue;
    const matrix = await dayMeasureMatrix(db, personId, addDays(e.startDate, -14), today);
    const progress = dayProgress(program, days, today, matrix, await getMarks(db, personId, e.id));
    if (progress && !progress.complete) titles.push(program.title);
  }
  return titles;
}

export async function remindersDueFor(
  db: Kysely<Database>,
  personId: string,
  now: Date,
): Promise<RemindersDue> {
  const person = await getPerson(db, personId);
  const today = localDateAt(now, person.time_zone);
  const localTime = localTimeAt(now, person.time_zone);
  const { settings, dismissedOn } = await getReminders(db, personId);
  const last = await lastResponseDates(db, personId);
  const state: ReminderState = {
    today,
    localTime,
    checkedInToday: (await getDayObservations(db, personId, today, CHECKIN_SOURCE)).length > 0,
    questionnairesDue: repeatReminders(last, today).map((r) => INSTRUMENTS[r.instrument].shortName),
    noQuestionnaireYet: !Object.keys(last).some(isInstrumentId),
    clinicDue: (await scheduledQuestionnaires(db, personId, today))
      .filter((q) => q.status !== 'not_due')
      .map((q) => q.name),
    programsUnfinished: await programsUnfinished(db, personId, today),
    dismissedOn,
  };
  return { today, localTime, due: dueReminders(settings, state) };
}
