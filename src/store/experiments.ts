/** Personal experiments: every function takes the acting person's id and only touches their rows. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { NotFoundError } from '../core/errors.ts';
import {
  DEFAULT_PRIMARY_OUTCOME,
  type ExperimentInput,
  type ExperimentPlan,
  OUTCOME_KEYS,
  type OutcomeKey,
} from '../core/insights/experiments.ts';
import type { Database, ExperimentTable } from './schema.ts';

export type ExperimentRow = ExperimentTable;

export async function createExperiment(
  db: Kysely<Database>,
  personId: string,
  input: ExperimentInput,
  now = new Date(),
): Promise<ExperimentRow> {
  const row: ExperimentRow = {
    id: randomUUID(),
    person_id: personId,
    title: input.title,
    action: input.action ?? null,
    measure: input.measure ?? null,
    primary_outcome: input.primaryOutcome,
    start_date: input.startDate,
    duration_days: input.durationDays,
    baseline_days: input.baselineDays,
    ended_on: null,
    origin: input.recommendationId ? 'recommendation' : 'manual',
    recommendation_id: input.recommendationId ?? null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  await db.insertInto('experiment').values(row).execute();
  return row;
}

/** The person's experiments, latest start first. */
export function listExperiments(db: Kysely<Database>, personId: string): Promise<ExperimentRow[]> {
  return db
    .selectFrom('experiment')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('start_date', 'desc')
    .orderBy('created_at', 'desc')
    .execute();
}

/** One of the person's experiments; someone else's (or none) is NotFound. */
export async function getExperiment(
  db: Kysely<Database>,
  personId: string,
  id: string,
): Promise<ExperimentRow> {
  const row = await db
    .selectFrom('experiment')
    .selectAll()
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('experiment');
  return row;
}

export async function updateExperiment(
  db: Kysely<Database>,
  personId: string,
  id: string,
  changes: Partial<Pick<ExperimentRow, 'title' | 'action' | 'ended_on'>>,
  now = new Date(),
): Promise<ExperimentRow> {
  const res = await db
    .updateTable('experiment')
    .set({ ...changes, updated_at: now.toISOString() })
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(res.numUpdatedRows) === 0) throw new NotFoundError('experiment');
  return getExperiment(db, personId, id);
}

export async function deleteExperiment(db: Kysely<Database>, personId: string, id: string): Promise<void> {
  const res = await db
    .deleteFrom('experiment')
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (Number(res.numDeletedRows) === 0) throw new NotFoundError('experiment');
}

export function experimentPlan(row: ExperimentRow): ExperimentPlan {
  return {
    id: row.id,
    title: row.title,
    measure: row.measure,
    primaryOutcome: OUTCOME_KEYS.includes(row.primary_outcome as OutcomeKey)
      ? (row.primary_outcome as OutcomeKey)
      : DEFAULT_PRIMARY_OUTCOME,
    startDate: row.start_date,
    durationDays: row.duration_days,
    baselineDays: row.baseline_days,
    endedOn: row.ended_on,
  };
}
