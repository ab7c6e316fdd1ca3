/** The reminders API from the browser, typed by the contract (src/contract/reminders.ts). */
import { queryOptions } from '@tanstack/react-query';
import type { OutputOf } from '../../contract/endpoint.ts';
import type {
  dismissDueReminder,
  getDueReminders,
  getReminderSettings,
  putReminderSettings,
} from '../../contract/reminders.ts';
import type { ReminderKind, ReminderSettings } from '../../core/reminders/reminders.ts';
import { callApi } from '../api.ts';

export type DueReminder = OutputOf<typeof getDueReminders>['due'][number];

export const reminderSettingsQuery = () =>
  queryOptions({
    queryKey: ['reminders', 'settings'],
    queryFn: () => callApi<typeof getReminderSettings>('GET /api/reminders', {}),
  });

/** What is due now: the banner checks every five minutes, in the background too. */
export const dueRemindersQuery = () =>
  queryOptions({
    queryKey: ['reminders', 'due'],
    queryFn: () => callApi<typeof getDueReminders>('GET /api/reminders/due', {}),
  });

export const saveReminderSettings = (settings: ReminderSettings) =>
  callApi<typeof putReminderSettings>('PUT /api/reminders', { body: settings });

export const dismissReminder = (kind: ReminderKind) =>
  callApi<typeof dismissDueReminder>('POST /api/reminders/dismissals', { body: { kind } });
