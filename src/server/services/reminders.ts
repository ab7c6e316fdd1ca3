/**
 * Reminders: settings, what is due now (the push job asks the same `remindersDueFor`), and
 * dismissing one for the person's own today.
 */
import type { OutputOf } from '../../contract/endpoint.ts';
import type { getDueReminders } from '../../contract/reminders.ts';
import type { ReminderKind, ReminderSettings } from '../../core/reminders/reminders.ts';
import { dismissReminder, getReminders, saveReminderSettings } from '../../store/reminders.ts';
import { remindersDueFor } from '../reminders-due.ts';
import { type Actor, type AppContext, personToday } from './context.ts';

export async function reminderSettings(ctx: AppContext, actor: Actor): Promise<ReminderSettings> {
  return (await getReminders(ctx.store.db, actor.personId)).settings;
}

export async function saveReminders(
  ctx: AppContext,
  actor: Actor,
  settings: ReminderSettings,
): Promise<ReminderSettings> {
  await saveReminderSettings(ctx.store.db, actor.personId, settings, ctx.now());
  return reminderSettings(ctx, actor);
}

export async function dueNow(ctx: AppContext, actor: Actor): Promise<OutputOf<typeof getDueReminders>> {
  const { today, due } = await remindersDueFor(ctx.store.db, actor.personId, ctx.now());
  return { today, due };
}

export async function dismissForToday(ctx: AppContext, actor: Actor, kind: ReminderKind): Promise<void> {
  const { today } = await personToday(ctx, actor.personId);
  await dismissReminder(ctx.store.db, actor.personId, kind, today, ctx.now());
}
