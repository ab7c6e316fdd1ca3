/** The daily check-in: read, save (create or update the day), delete; list a range for History. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  checkinSchema,
  checkinToObservations,
  deriveCheckin,
  observationsToCheckin,
} from '../../core/checkin/checkin.ts';
import { localDate } from '../../core/date-schemas.ts';
import { localDateAt } from '../../core/dates.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import {
  CHECKIN_SOURCE,
  deleteDayObservations,
  getDayObservations,
  listDays,
  replaceDayObservations,
} from '../../store/observations.ts';
import { getPerson } from '../../store/people.ts';
import type { AppContext } from '../context.ts';
import { requirePerson } from '../plugins/auth.ts';
import { parseInput } from '../plugins/errors.ts';
import { diarySupport } from './safety.ts';

const dateParams = z.strictObject({ date: localDate });
const rangeQuery = z.strictObject({
  from: localDate.optional(),
  to: localDate.optional(),
  limit: z.coerce.number().int().min(1).max(1000).optional(),
});

export function registerCheckinRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;

  app.get('/api/checkins', async (req) => {
    const personId = requirePerson(req);
    const q = parseInput(rangeQuery, req.query, 'query');
    const days = await listDays(db, personId, CHECKIN_SOURCE, q);
    return {
      days: days.map((d) => {
        const checkin = observationsToCheckin(d.values);
        return { date: d.date, checkin, derived: deriveCheckin(checkin) };
      }),
    };
  });

  app.get('/api/checkins/:date', async (req) => {
    const personId = requirePerson(req);
    const { date } = parseInput(dateParams, req.params, 'params');
    const values = await getDayObservations(db, personId, date, CHECKIN_SOURCE);
    if (values.length === 0) throw new NotFoundError('check-in');
    const checkin = observationsToCheckin(values);
    return { date, checkin, derived: deriveCheckin(checkin) };
  });

  app.put('/api/checkins/:date', async (req) => {
    const personId = requirePerson(req);
    const { date } = parseInput(dateParams, req.params, 'params');
    const checkin = parseInput(checkinSchema, req.body, 'body');
    const person = await getPerson(db, personId);
    if (date > localDateAt(ctx.now(), person.time_zone)) {
      throw new ValidationError('date', 'date is in the future: check in for today or an earlier day');
    }
    const rows = checkinToObservations(checkin);
    await replaceDayObservations(db, personId, date, CHECKIN_SOURCE, rows, ctx.now());
    // The day's check-in rows are now exactly `rows`: answer from them instead of reading back.
    const saved = observationsToCheckin(rows);
    // The diary safety rule is re-checked at every save; `support` comes first when it fires.
    const support = await diarySupport(ctx, personId, req);
    return { ...(support ? { support } : {}), date, checkin: saved, derived: deriveCheckin(saved) };
  });

  app.delete('/api/checkins/:date', async (req, reply) => {
    const personId = requirePerson(req);
    const { date } = parseInput(dateParams, req.params, 'params');
    const removed = await deleteDayObservations(db, personId, date, CHECKIN_SOURCE);
    if (removed === 0) throw new NotFoundError('check-in');
    return reply.code(204).send();
  });
}
