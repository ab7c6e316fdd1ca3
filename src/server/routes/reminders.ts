/**
 * Reminders: the person's settings (all off by default), which reminders are due now (the in-app
 * banner and the service worker's notifications read this), and dismissing one. The due answer
 * holds reminder texts only, never health data, because a notification may show on a lock screen.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addDays, localDateAt } from '../../core/dates.ts';
import { dayProgress, programById, programDays } from '../../core/programs/index.ts';
import {
  dueReminders,
  localTimeAt,
  REMINDER_KINDS,
  type ReminderState,
  reminderSettingsSchema,
} from '../../core/reminders/reminders.ts';
import { INSTRUMENTS, isInstrumentId } from '../../core/screeners/instruments.ts';
import { repeatReminders } from '../../core/screeners/reminders.ts';
import { CHECKIN_SOURCE, dayMeasureMatrix, getDayObservations } from '../../store/observations.ts';
import { getPerson } from '../../store/people.ts';
import { getMarks, listEnrolments } from '../../store/programs.ts';
import { dismissReminder, getReminders, saveReminderSettings } from '../../store/reminders.ts';
import { lastResponseDates } from '../../store/screeners.ts';
import type { AppContext } from '../context.ts';
import { requirePerson } from '../plugins/auth.ts';
import { parseInput } from '../plugins/errors.ts';

const dismissBody = z.strictObject({
  kind: z.enum(REMINDER_KINDS, { error: `must be one of ${REMINDER_KINDS.join(', ')}` }),
});

export function registerReminderRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;

  /** Titles of the person's active programs whose goals for `today` are not all met. */
  async function programsUnfinished(personId: string, today: string): Promise<string[]> {
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

  async function stateOf(personId: string): Promise<{ state: ReminderState; today: string }> {
    const person = await getPerson(db, personId);
    const now = ctx.now();
    const today = localDateAt(now, person.time_zone);
    const { dismissedOn } = await getReminders(db, personId);
    const last = await lastResponseDates(db, personId);
    const state: ReminderState = {
      today,
      localTime: localTimeAt(now, person.time_zone),
      checkedInToday: (await getDayObservations(db, personId, today, CHECKIN_SOURCE)).length > 0,
      questionnairesDue: repeatReminders(last, today).map((r) => INSTRUMENTS[r.instrument].shortName),
      noQuestionnaireYet: !Object.keys(last).some(isInstrumentId),
      programsUnfinished: await programsUnfinished(personId, today),
      dismissedOn,
    };
    return { state, today };
  }

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
    const personId = requirePerson(req);
    const { settings } = await getReminders(db, personId);
    const { state, today } = await stateOf(personId);
    return { today, due: dueReminders(settings, state) };
  });

  app.post('/api/reminders/dismissals', async (req, reply) => {
    const personId = requirePerson(req);
    const { kind } = parseInput(dismissBody, req.body, 'body');
    const person = await getPerson(db, personId);
    await dismissReminder(db, personId, kind, localDateAt(ctx.now(), person.time_zone), ctx.now());
    return reply.code(204).send();
  });
}
