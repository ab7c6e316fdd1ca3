/** Reminders: the route table for src/contract/reminders.ts. */
import {
  dismissDueReminder,
  getDueReminders,
  getReminderSettings,
  putReminderSettings,
} from '../../contract/reminders.ts';
import { type Route, route } from '../route-table.ts';
import { dismissForToday, dueNow, reminderSettings, saveReminders } from '../services/reminders.ts';

export const reminderRoutes: Route[] = [
  route(getReminderSettings, async ({ ctx, actor }) => ({ settings: await reminderSettings(ctx, actor) })),
  route(putReminderSettings, async ({ ctx, actor, input }) => ({
    settings: await saveReminders(ctx, actor, input.body),
  })),
  route(getDueReminders, async ({ ctx, actor }) => dueNow(ctx, actor)),
  route(dismissDueReminder, async ({ ctx, actor, input }) => {
    await dismissForToday(ctx, actor, input.body.kind);
    return undefined;
  }),
];
