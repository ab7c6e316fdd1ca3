/** The daily check-in: read, save (create or update the day), delete; list a range for History. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  CHECKIN_FIELD_MEASURE,
  type Checkin,
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
  type ImportedDayObservations,
  listDays,
  listImportedDays,
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

const CHECKIN_MEASURES = Object.values(CHECKIN_FIELD_MEASURE);

/**
 * A day as History and Today show it: the person's own check-in (editable) and, beside it, what
 * was imported from another tracker for that date (read-only, marked with its app).
 */
function dayAnswer(date: string, own: Checkin, imported: readonly ImportedDayObservations[]) {
  return {
    date,
    checkin: own,
    derived: deriveCheckin(own),
    ...(imported.length > 0
      ? {
          imported: imported.map((i) => {
            const checkin = observationsToCheckin(i.values);
            return { source: i.source, checkin, derived: deriveCheckin(checkin) };
          }),
        }
      : {}),
  };
}

export function registerCheckinRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;

  app.get('/api/checkins', async (req) => {
    const personId = requirePerson(req);
    const q = parseInput(rangeQuery, req.query, 'query');
    const own = await listDays(db, personId, CHECKIN_SOURCE, { from: q.from, to: q.to });
    const imported = await listImportedDays(db, personId, CHECKIN_MEASURES, q);
    const byDate = new Map<string, { own: Checkin; imported: ImportedDayObservations[] }>();
    for (const d of own) byDate.set(d.date, { own: observationsToCheckin(d.values), imported: [] });
    for (const i of imported) {
      const day = byDate.get(i.date) ?? { own: {}, imported: [] };
      day.imported.push(i);
      byDate.set(i.date, day);
    }
    const dates = [...byDate.keys()].sort().reverse().slice(0, q.limit);
    return {
      days: dates.map((date) => {
        const day = byDate.get(date) as { own: Checkin; imported: ImportedDayObservations[] };
        return dayAnswer(date, day.own, day.imported);
      }),
    };
  });

  app.get('/api/checkins/:date', async (req) => {
    const personId = requirePerson(req);
    const { date } = parseInput(dateParams, req.params, 'params');
    const values = await getDayObservations(db, personId, date, CHECKIN_SOURCE);
    const imported = await listImportedDays(db, personId, CHECKIN_MEASURES, { from: date, to: date });
    if (values.length === 0 && imported.length === 0) throw new NotFoundError('check-in');
    return dayAnswer(date, observationsToCheckin(values), imported);
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
