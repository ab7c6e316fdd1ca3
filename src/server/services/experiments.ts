/** Personal experiments: plan, read, rename or end early, delete, and the result on the person's own days. */
import type { z } from 'zod';
import type { OutputOf } from '../../contract/endpoint.ts';
import type { experiment, getExperimentResult, getExperiments } from '../../contract/experiments.ts';
import { addDays, notInFuture } from '../../core/dates.ts';
import { ValidationError } from '../../core/errors.ts';
import {
  type ExperimentInput,
  experimentEnd,
  experimentResult,
  experimentStatus,
  type experimentUpdateSchema,
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
import { type Actor, type AppContext, personToday } from './context.ts';

type Experiment = z.infer<typeof experiment>;
/** How far ahead an experiment may be planned. */
const MAX_DAYS_AHEAD = 90;

function experimentView(row: ExperimentRow, today: string): Experiment {
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
    origin: row.origin === 'recommendation' ? 'recommendation' : 'manual',
    recommendationId: row.recommendation_id,
    createdAt: row.created_at,
  };
}

export async function experiments(ctx: AppContext, actor: Actor): Promise<OutputOf<typeof getExperiments>> {
  const { today } = await personToday(ctx, actor.personId);
  const rows = await listExperiments(ctx.store.db, actor.personId);
  return { experiments: rows.map((r) => experimentView(r, today)) };
}

export async function planExperiment(
  ctx: AppContext,
  actor: Actor,
  input: ExperimentInput,
): Promise<{ experiment: Experiment }> {
  const { today } = await personToday(ctx, actor.personId);
  if (input.startDate > addDays(today, MAX_DAYS_AHEAD)) {
    throw new ValidationError('startDate', `startDate can be at most ${MAX_DAYS_AHEAD} days ahead`);
  }
  const row = await createExperiment(ctx.store.db, actor.personId, input, ctx.now());
  return { experiment: experimentView(row, today) };
}

export async function oneExperiment(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<{ experiment: Experiment }> {
  const row = await getExperiment(ctx.store.db, actor.personId, id);
  return { experiment: experimentView(row, (await personToday(ctx, actor.personId)).today) };
}

export async function changeExperiment(
  ctx: AppContext,
  actor: Actor,
  id: string,
  changes: z.output<typeof experimentUpdateSchema>,
): Promise<{ experiment: Experiment }> {
  const { db } = ctx.store;
  const row = await getExperiment(db, actor.personId, id);
  const { today } = await personToday(ctx, actor.personId);
  if (changes.endedOn !== undefined) {
    if (changes.endedOn < row.start_date)
      throw new ValidationError('endedOn', 'endedOn is before the start date');
    notInFuture('endedOn', changes.endedOn, today);
  }
  const updated = await updateExperiment(
    db,
    actor.personId,
    id,
    {
      ...(changes.title !== undefined ? { title: changes.title } : {}),
      ...(changes.action !== undefined ? { action: changes.action || null } : {}),
      ...(changes.endedOn !== undefined ? { ended_on: changes.endedOn } : {}),
    },
    ctx.now(),
  );
  return { experiment: experimentView(updated, today) };
}

export async function removeExperiment(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  await deleteExperiment(ctx.store.db, actor.personId, id);
}

export async function experimentOutcome(
  ctx: AppContext,
  actor: Actor,
  id: string,
): Promise<OutputOf<typeof getExperimentResult>> {
  const row = await getExperiment(ctx.store.db, actor.personId, id);
  const { today } = await personToday(ctx, actor.personId);
  const plan = experimentPlan(row);
  const from = addDays(plan.startDate, -plan.baselineDays);
  const lastDay = [experimentEnd(plan), today].sort()[0] as string;
  const matrix = await dayMeasureMatrix(ctx.store.db, actor.personId, from, lastDay);
  return { experiment: experimentView(row, today), result: experimentResult(dayTable(matrix), plan, today) };
}
