/**
 * Program enrolments with their pauses, hand ticks and choices about optional goals. Leaving,
 * pausing and restarting only change these rows: observations and food entries are never touched.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { NotFoundError } from '../core/errors.ts';
import type { Enrolment, EnrolmentStatus, Marks } from '../core/programs/index.ts';
import type { Database } from './schema.ts';

export async function listEnrolments(db: Kysely<Database>, personId: string): Promise<Enrolment[]> {
  const rows = await db
    .selectFrom('program_enrolment')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .orderBy('id')
    .execute();
  if (rows.length === 0) return [];
  const pauses = await db
    .selectFrom('program_pause')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('from_date')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    programId: r.program_id,
    startDate: r.start_date,
    status: r.status as EnrolmentStatus,
    endedOn: r.ended_on,
    pauses: pauses.filter((p) => p.enrolment_id === r.id).map((p) => ({ from: p.from_date, to: p.to_date })),
  }));
}

export async function getEnrolment(db: Kysely<Database>, personId: string, id: string): Promise<Enrolment> {
  const e = (await listEnrolments(db, personId)).find((x) => x.id === id);
  if (!e) throw new NotFoundError('enrolment');
  return e;
}

export async function createEnrolment(
  db: Kysely<Database>,
  personId: string,
  programId: string,
  startDate: string,
  now: Date,
): Promise<Enrolment> {
  const id = randomUUID();
  await db
    .insertInto('program_enrolment')
    .values({
      id,
      person_id: personId,
      program_id: programId,
      start_date: startDate,
      status: 'active',
      ended_on: null,
      created_at: now.toISOString(),
      updated_at: now.toISOString(),
    })
    .execute();
  return { id, programId, startDate, status: 'active', pauses: [], endedOn: null };
}

/** Saves an enrolment's status, end date and pauses in one transaction. */
export async function saveEnrolment(
  db: Kysely<Database>,
  personId: string,
  e: Enrolment,
  now: Date,
): Promise<void> {
  // Part of a larger write when handed a transaction (a restart leaves and enrols in one).
  const write = async (trx: Kysely<Database>) => {
    const res = await trx
      .updateTable('program_enrolment')
      .set({ status: e.status, ended_on: e.endedOn, updated_at: now.toISOString() })
      .where('person_id', '=', personId)
      .where('id', '=', e.id)
      .executeTakeFirst();
    if (Number(res.numUpdatedRows) === 0) throw new NotFoundError('enrolment');
    await trx
      .deleteFrom('program_pause')
      .where('person_id', '=', personId)
      .where('enrolment_id', '=', e.id)
      .execute();
    if (e.pauses.length) {
      await trx
        .insertInto('program_pause')
        .values(
          e.pauses.map((p) => ({
            id: randomUUID(),
            person_id: personId,
            enrolment_id: e.id,
            from_date: p.from,
            to_date: p.to,
          })),
        )
        .execute();
    }
  };
  if (db.isTransaction) await write(db);
  else await db.transaction().execute(write);
}

export async function getMarks(db: Kysely<Database>, personId: string, enrolmentId: string): Promise<Marks> {
  const ticks = await db
    .selectFrom('program_goal_tick')
    .select(['date', 'goal_id'])
    .where('person_id', '=', personId)
    .where('enrolment_id', '=', enrolmentId)
    .execute();
  const choices = await db
    .selectFrom('program_goal_choice')
    .select(['goal_id', 'choice'])
    .where('person_id', '=', personId)
    .where('enrolment_id', '=', enrolmentId)
    .execute();
  return {
    ticks: ticks.map((t) => ({ date: t.date, goalId: t.goal_id })),
    choices: new Map(choices.map((c) => [c.goal_id, c.choice as 'accepted' | 'skipped'])),
  };
}

export async function setTick(
  db: Kysely<Database>,
  personId: string,
  enrolmentId: string,
  date: string,
  goalId: string,
  ticked: boolean,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('program_goal_tick')
      .where('person_id', '=', personId)
      .where('enrolment_id', '=', enrolmentId)
      .where('date', '=', date)
      .where('goal_id', '=', goalId)
      .execute();
    if (ticked) {
      await trx
        .insertInto('program_goal_tick')
        .values({
          person_id: personId,
          enrolment_id: enrolmentId,
          date,
          goal_id: goalId,
          created_at: now.toISOString(),
        })
        .execute();
    }
  });
}

export async function setChoice(
  db: Kysely<Database>,
  personId: string,
  enrolmentId: string,
  goalId: string,
  choice: 'accepted' | 'skipped',
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('program_goal_choice')
      .where('person_id', '=', personId)
      .where('enrolment_id', '=', enrolmentId)
      .where('goal_id', '=', goalId)
      .execute();
    await trx
      .insertInto('program_goal_choice')
      .values({
        person_id: personId,
        enrolment_id: enrolmentId,
        goal_id: goalId,
        choice,
        created_at: now.toISOString(),
      })
      .execute();
  });
}
