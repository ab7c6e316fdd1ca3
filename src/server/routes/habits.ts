/** Habits: one form per day (like the check-in), stored as observations with source 'habit'. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { localDate } from '../../core/date-schemas.ts';
import { localDateAt } from '../../core/dates.ts';
import { ValidationError } from '../../core/errors.ts';
import {
  HABIT_SOURCE,
  habitsSchema,
  habitsToObservations,
  observationsToHabits,
  sunlightWithinWindow,
} from '../../core/habits/habits.ts';
import { CHECKIN_SOURCE, getDayObservations, replaceDayObservations } from '../../store/observations.ts';
import { getPerson } from '../../store/people.ts';
import type { AppContext } from '../context.ts';
import { requirePerson } from '../plugins/auth.ts';
import { parseInput } from '../plugins/errors.ts';

const dateParams = z.strictObject({ date: localDate });

export function registerHabitRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;

  /** The day's habits, and whether the sunlight was within 2 h of the check-in's wake time. */
  async function habitDay(personId: string, date: string) {
    const values = await getDayObservations(db, personId, date, HABIT_SOURCE);
    const habits = observationsToHabits(values);
    const wake = (await getDayObservations(db, personId, date, CHECKIN_SOURCE)).find(
      (o) => o.measure === 'wake_time',
    );
    const start = values.find((o) => o.measure === 'morning_sunlight_time');
    const within = sunlightWithinWindow(wake?.value ?? undefined, start?.value ?? undefined);
    return {
      date,
      habits,
      wakeTimeLogged: wake?.value != null,
      sunlightWithinTwoHoursOfWaking: within ?? null,
    };
  }

  app.get('/api/habits/:date', async (req) => {
    const personId = requirePerson(req);
    const { date } = parseInput(dateParams, req.params, 'params');
    return habitDay(personId, date);
  });

  app.put('/api/habits/:date', async (req) => {
    const personId = requirePerson(req);
    const { date } = parseInput(dateParams, req.params, 'params');
    const habits = parseInput(habitsSchema, req.body, 'body');
    const person = await getPerson(db, personId);
    if (date > localDateAt(ctx.now(), person.time_zone)) {
      throw new ValidationError('date', 'date is in the future: log habits for today or an earlier day');
    }
    await replaceDayObservations(db, personId, date, HABIT_SOURCE, habitsToObservations(habits), ctx.now());
    return habitDay(personId, date);
  });

  app.delete('/api/habits/:date', async (req, reply) => {
    const personId = requirePerson(req);
    const { date } = parseInput(dateParams, req.params, 'params');
    await replaceDayObservations(db, personId, date, HABIT_SOURCE, [], ctx.now());
    return reply.code(204).send();
  });
}
