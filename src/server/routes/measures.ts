/** Measures: everything trackable (for pickers), and the person's own custom measures and values. */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { localDate } from '../../core/date-schemas.ts';
import { localDateAt } from '../../core/dates.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import {
  CUSTOM_SOURCE,
  customMeasureInputSchema,
  customMeasureKey,
  customMeasureToMeasure,
  customValueSchema,
} from '../../core/habits/custom-measures.ts';
import { allMeasures } from '../../core/tracking/measures.ts';
import {
  addCustomMeasure,
  archiveCustomMeasure,
  getCustomMeasure,
  listCustomMeasures,
  listValues,
  setDayValue,
} from '../../store/custom-measures.ts';
import { getPerson } from '../../store/people.ts';
import type { AppContext } from '../context.ts';
import { requirePerson } from '../plugins/auth.ts';
import { parseInput } from '../plugins/errors.ts';

const idParams = z.strictObject({ id: z.uuid({ error: 'must be an id' }) });
const valueParams = z.strictObject({ id: z.uuid({ error: 'must be an id' }), date: localDate });
const rangeQuery = z.strictObject({ from: localDate.optional(), to: localDate.optional() });

export function registerMeasureRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;

  const view = (m: Awaited<ReturnType<typeof listCustomMeasures>>[number]) => ({
    ...m,
    measure: customMeasureToMeasure(m),
  });

  app.get('/api/measures', async (req) => {
    const personId = requirePerson(req);
    const custom = await listCustomMeasures(db, personId);
    return { measures: [...allMeasures(), ...custom.map(customMeasureToMeasure)] };
  });

  app.get('/api/measures/custom', async (req) => {
    const personId = requirePerson(req);
    return { measures: (await listCustomMeasures(db, personId)).map(view) };
  });

  app.post('/api/measures/custom', async (req, reply) => {
    const personId = requirePerson(req);
    const input = parseInput(customMeasureInputSchema, req.body, 'body');
    return reply.code(201).send({ measure: view(await addCustomMeasure(db, personId, input, ctx.now())) });
  });

  app.delete('/api/measures/custom/:id', async (req, reply) => {
    const personId = requirePerson(req);
    const { id } = parseInput(idParams, req.params, 'params');
    await archiveCustomMeasure(db, personId, id, ctx.now());
    return reply.code(204).send();
  });

  app.get('/api/measures/custom/:id/values', async (req) => {
    const personId = requirePerson(req);
    const { id } = parseInput(idParams, req.params, 'params');
    const q = parseInput(rangeQuery, req.query, 'query');
    await getCustomMeasure(db, personId, id);
    const values = await listValues(
      db,
      personId,
      customMeasureKey(id),
      CUSTOM_SOURCE,
      q.from ?? '1900-01-01',
      q.to ?? '2999-12-31',
    );
    return { values };
  });

  app.put('/api/measures/custom/:id/values/:date', async (req) => {
    const personId = requirePerson(req);
    const { id, date } = parseInput(valueParams, req.params, 'params');
    const m = await getCustomMeasure(db, personId, id);
    const { value } = parseInput(z.strictObject({ value: customValueSchema(m.kind) }), req.body, 'body');
    const person = await getPerson(db, personId);
    if (date > localDateAt(ctx.now(), person.time_zone))
      throw new ValidationError('date', 'date is in the future');
    await setDayValue(db, personId, date, customMeasureKey(id), CUSTOM_SOURCE, value, ctx.now());
    return { date, value };
  });

  app.delete('/api/measures/custom/:id/values/:date', async (req, reply) => {
    const personId = requirePerson(req);
    const { id, date } = parseInput(valueParams, req.params, 'params');
    await getCustomMeasure(db, personId, id);
    const removed = await setDayValue(
      db,
      personId,
      date,
      customMeasureKey(id),
      CUSTOM_SOURCE,
      null,
      ctx.now(),
    );
    if (!removed) throw new NotFoundError('value');
    return reply.code(204).send();
  });
}
