/**
 * Reminders: the person's settings (all off by default), which reminders are due now (the in-app
 * banner and the service worker read this), and dismissing one. A due reminder holds reminder
 * texts only, never health data, because a notification may show on a lock screen.
 */
import { z } from 'zod';
import { REMINDER_KINDS, reminderSettingsSchema } from '../core/reminders/reminders.ts';
import { noContent } from './common.ts';
import { endpoint } from './endpoint.ts';

const settingsAnswer = z.strictObject({ settings: reminderSettingsSchema });

export const dueReminder = z.strictObject({
  kind: z.enum(REMINDER_KINDS),
  title: z.string(),
  /** Neutral words, fit for a lock screen. */
  body: z.string(),
  /** The fuller text shown inside the app. */
  detail: z.string(),
  /** The page the reminder opens. */
  url: z.string(),
});

export const getReminderSettings = endpoint({
  method: 'GET',
  path: '/api/reminders',
  summary: 'The person’s reminder settings (all off until they turn one on).',
  output: settingsAnswer,
});

export const putReminderSettings = endpoint({
  method: 'PUT',
  path: '/api/reminders',
  summary: 'Replaces the reminder settings.',
  body: reminderSettingsSchema,
  output: settingsAnswer,
});

export const getDueReminders = endpoint({
  method: 'GET',
  path: '/api/reminders/due',
  summary: 'The reminders due now, in the person’s own day.',
  output: z.strictObject({ today: z.string(), due: z.array(dueReminder) }),
});

export const dismissDueReminder = endpoint({
  method: 'POST',
  path: '/api/reminders/dismissals',
  summary: 'Hides a reminder for the rest of the day (the questionnaire one for two weeks).',
  body: z.strictObject({
    kind: z.enum(REMINDER_KINDS, { error: `must be one of ${REMINDER_KINDS.join(', ')}` }),
  }),
  output: noContent,
  status: 204,
});
