/**
 * Reminders: which of a person's reminders are due now. All are off until the person turns them on.
 * - check-in: at the chosen local time, on a day without a check-in yet;
 * - questionnaires: every two weeks, because PHQ-9, GAD-7 and WHO-5 ask about "the last 2 weeks"
 *   (the screeners' own REPEAT_EVERY_DAYS), and once for a person who has never taken one;
 * - program nudge: at the chosen local time, while an active program's day is not complete.
 * Dismissing hides a reminder for the rest of the day (the questionnaire one for two weeks).
 *
 * @example dueReminders(settings, { today: '2026-03-09', localTime: '20:05', checkedInToday: false, … })
 */
import { z } from 'zod';
import { addDays, isTimeOfDay, minutesFromTime } from '../dates.ts';

export const REMINDER_KINDS = ['checkin', 'questionnaire', 'program'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

/** Days a dismissed questionnaire reminder stays hidden: the questionnaires' own two-week window. */
export const QUESTIONNAIRE_SNOOZE_DAYS = 14;

const timeOfDay = z.string().refine(isTimeOfDay, { error: 'must be a time of day written HH:MM' });

export const reminderSettingsSchema = z.strictObject({
  checkin: z.strictObject({ enabled: z.boolean({ error: 'must be true or false' }), time: timeOfDay }),
  questionnaire: z.strictObject({ enabled: z.boolean({ error: 'must be true or false' }) }),
  program: z.strictObject({ enabled: z.boolean({ error: 'must be true or false' }), time: timeOfDay }),
});
export type ReminderSettings = z.infer<typeof reminderSettingsSchema>;

export const DEFAULT_REMINDER_SETTINGS: ReminderSettings = {
  checkin: { enabled: false, time: '20:00' },
  questionnaire: { enabled: false },
  program: { enabled: false, time: '12:00' },
};

export interface ReminderState {
  today: string;
  /** The person's local time now, HH:MM. */
  localTime: string;
  checkedInToday: boolean;
  /** Short names of questionnaires last taken 14 or more days ago. */
  questionnairesDue: string[];
  /** No questionnaire ever taken. */
  noQuestionnaireYet: boolean;
  /** Short names of questionnaires a clinic scheduled that are due or overdue today. */
  clinicDue?: string[];
  /** Titles of active programs whose day is not complete yet. */
  programsUnfinished: string[];
  dismissedOn: Partial<Record<ReminderKind, string | null>>;
}

export interface DueReminder {
  kind: ReminderKind;
  title: string;
  /** Neutral words, fit for a lock screen: no questionnaire or program named. */
  body: string;
  /** The fuller text shown inside the app. */
  detail: string;
  /** The page the reminder opens. */
  url: string;
}

const atOrAfter = (now: string, time: string) => minutesFromTime(now) >= minutesFromTime(time);

function hidden(kind: ReminderKind, dismissedOn: string | null | undefined, today: string): boolean {
  if (!dismissedOn) return false;
  const days = kind === 'questionnaire' ? QUESTIONNAIRE_SNOOZE_DAYS : 1;
  return today < addDays(dismissedOn, days);
}

function list(names: string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/** The reminders due at this moment, in a fixed order (check-in, questionnaires, program). */
export function dueReminders(settings: ReminderSettings, s: ReminderState): DueReminder[] {
  const due: DueReminder[] = [];
  const show = (kind: ReminderKind) => !hidden(kind, s.dismissedOn[kind], s.today);
  if (
    settings.checkin.enabled &&
    !s.checkedInToday &&
    atOrAfter(s.localTime, settings.checkin.time) &&
    show('checkin')
  ) {
    due.push({
      kind: 'checkin',
      title: 'Time for your check-in',
      body: 'A minute for today’s check-in.',
      detail: 'A minute to note your mood, energy, sleep and gut today.',
      url: '/today',
    });
  }
  const clinicDue = s.clinicDue ?? [];
  const names = [...new Set([...s.questionnairesDue, ...clinicDue])];
  if (settings.questionnaire.enabled && (names.length > 0 || s.noQuestionnaireYet) && show('questionnaire')) {
    due.push({
      kind: 'questionnaire',
      title: s.noQuestionnaireYet ? 'Take a first questionnaire' : 'Questionnaires due again',
      body: 'Your two-weekly self-check is ready.',
      detail:
        clinicDue.length > 0
          ? `${list(names)}: your clinic asked for ${names.length > 1 ? 'these' : 'this'} about now.`
          : s.noQuestionnaireYet
            ? 'The questionnaires ask about the last two weeks: a baseline to compare with later.'
            : `${list(s.questionnairesDue)}: two weeks have passed since you last took ${s.questionnairesDue.length > 1 ? 'them' : 'it'}.`,
      url: '/checks',
    });
  }
  if (
    settings.program.enabled &&
    s.programsUnfinished.length > 0 &&
    atOrAfter(s.localTime, settings.program.time) &&
    show('program')
  ) {
    due.push({
      kind: 'program',
      title: 'Today’s program goals',
      body: 'Some of today’s goals are still open.',
      detail: `${list(s.programsUnfinished)}: today’s goals are still open.`,
      url: '/programs',
    });
  }
  return due;
}

/** The local time HH:MM at `instant` in `timeZone` (24-hour clock). */
export function localTimeAt(instant: Date, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '00';
  return `${get('hour')}:${get('minute')}`;
}
