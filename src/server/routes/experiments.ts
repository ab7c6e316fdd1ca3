/**
 * Personal experiments: create (by hand or from a recommendation), list, read, rename or end early,
 * delete, and the result: the primary outcome's change against the baseline (a verdict at the end),
 * the others exploratory.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { addDays, localDateAt } from '../../core/dates.ts';
import { ValidationError } from '../../core/errors.ts';
import {
  experimentEnd,
  experimentInputSchema,
  experimentResult,
  experimentStatus,
  experimentUpdateSchema,
} from '../../core/insights/experiments.ts';
import { dayTable } from '../../core/insights/table.ts';
import {
  createExperiment,
  deleteExperiment,
  type ExperimentRow,
  experimentPlan,
  getExperiment,
  listExperiments,
  updateExperiment,
} from '../../store/experiments.ts';
import { dayMeasureMatrix } from '../../store/observations.ts';
import { getPerson } from '../../store/people.ts';
import type { AppContext } from '../context.ts';
import { requirePerson } from '../plugins/auth.ts';
import { parseInput } from '../plugins/errors.ts';

const idParams = z.strictObject({ id: z.uuid({ error: 'must be an experiment id' }) });
/** How far ahead an experiment may be planned. */
const MAX_DAYS_AHEAD = 90;

function view(row: ExperimentRow, today: string) {
  const plan = experimentPlan(row);
  return {
    id: row.id,
    title: row.title,
    action: row.action,
    measure: row.measure,
    primaryOutcome: plan.primaryOutcome,
    startDate: row.start_date,
    durationDays: row.duration_days,
    baselineDays: row.baseline_days,
    endDate: experimentEnd(plan),
    endedOn: row.ended_on,
    status: experimentStatus(plan, today),
    origin: row.origin,
    recommendationId: row.recommendation_id,
    createdAt: row.created_at,
  };
}

export function registerExperimentRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;
  const today = async (personId: string) => localDateAt(ctx.now(), (await getPerson(db, personId)).time_zone);

  app.get('/api/experiments', async (req) => {
    const personId = requirePerson(req);
    const t = await today(personId);
    return { experiments: (await listExperiments(db, personId)).map((r) => view(r, t)) };
  });

  app.post('/api/experiments', async (req, reply) => {
    const personId = requirePerson(req);
    const input = parseInput(experimentInputSchema, req.body, 'body');
    const t = await today(personId);
    if (input.startDate > addDays(t, MAX_DAYS_AHEAD)) {
      throw new ValidationError('startDate', `startDate can be at most ${MAX_DAYS_AHEAD} days ahead`);
    }
    const row = await createExperiment(db, personId, input, ctx.now());
    return reply.code(201).send({ experiment: view(row, t) });
  });

  app.get('/api/experiments/:id', async (req) => {
    const personId = requirePerson(req);
    const { id } = parseInput(idParams, req.params, 'params');
    return { experiment: view(await getExperiment(db, personId, id), await today(personId)) };
  });

  app.patch('/api/experiments/:id', async (req) => {
    const personId = requirePerson(req);
    const { id } = parseInput(idParams, req.params, 'params');
    const changes = parseInput(experimentUpdateSchema, req.body, 'body');
    const row = await getExperiment(db, personId, id);
    const t = await today(personId);
    if (changes.endedOn !== undefined) {
      if (changes.endedOn < row.start_date)
        throw new ValidationError('endedOn', 'endedOn is before the start date');
      if (changes.endedOn > t) throw new ValidationError('endedOn', 'endedOn is in the future');
    }
    const updated = await updateExperiment(
      db,
      personId,
      id,
      {
        ...(changes.title !== undefined ? { title: changes.title } : {}),
        ...(changes.action !== undefined ? { action: changes.action || null } : {}),
        ...(changes.endedOn !== undefined ? { ended_on: changes.endedOn } : {}),
      },
      ctx.now(),
    );
    return { experiment: view(updated, t) };
  });

  app.delete('/api/experiments/:id', async (req, reply) => {
    const personId = requirePerson(req);
    const { id } = parseInput(idParams, req.params, 'params');
    await deleteExperiment(db, personId, id);
    return reply.code(204).send();
  });

  app.get('/api/experiments/:id/result', async (req) => {
    const personId = requirePerson(req);
    const { id } = parseInput(idParams, req.params, 'params');
    const row = await getExperiment(db, personId, id);
    const t = await today(personId);
    const plan = experimentPlan(row);
    const from = addDays(plan.startDate, -plan.baselineDays);
    const end = experimentEnd(plan);
    const lastDay = [end, t].sort()[0] as string;
    const matrix = await dayMeasureMatrix(db, personId, from, lastDay);
    return { experiment: view(row, t), result: experimentResult(dayTable(matrix), plan, t) };
  });
}
