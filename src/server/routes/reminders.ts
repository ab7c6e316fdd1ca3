/**
 * Reminders: the person's settings (all off by default), which reminders are due now (the in-app
 * banner and the service worker's notifications read this; the push job asks the same
 * `remindersDueFor`), and dismissing one. The due answer holds reminder texts only, never health
 * data, because a notification may show on a lock screen.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { localDateAt } from '../../core/dates.ts';
import { REMINDER_KINDS, reminderSettingsSchema } from '../../core/reminders/reminders.ts';
import { getPerson } from '../../store/people.ts';
import { dismissReminder, getReminders, saveReminderSettings } from '../../store/reminders.ts';
import type { AppContext } from '../context.ts';
import { requirePerson } from '../plugins/auth.ts';
import { parseInput } from '../plugins/errors.ts';
import { remindersDueFor } from '../reminders-due.ts';

const dismissBody = z.strictObject({
  kind: z.enum(REMINDER_KINDS, { error: `must be one of ${REMINDER_KINDS.join(', ')}` }),
});

export function registerReminderRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;

  app.get('/api/reminders', async (req) => {
    const personId = requirePerson(req);
    return { settings: (await getReminders(db, personId)).settings };
  });

  app.put('/api/reminders', async (req) => {
    const personId = requirePerson(req);
    const settings = parseInput(reminderSettingsSchema, req.body, 'body');
    await saveReminderSettings(db, personId, settings, ctx.now());
    return { settings: (await getReminders(db, personId)).settings };
  });

  app.get('/api/reminders/due', async (req) => {
    const { today, due } = await remindersDueFor(db, requirePerson(req), ctx.now());
    return { today, due };
  });

  app.post('/api/reminders/dismissals', async (req, reply) => {
    const personId = requirePerson(req);
    const { kind } = parseInput(dismissBody, req.body, 'body');
    const person = await getPerson(db, personId);
    await dismissReminder(db, personId, kind, localDateAt(ctx.now(), person.time_zone), ctx.now());
    return reply.code(204).send();
  });
}
