/**
 * "Try it with sample data": fills the acting person's still-empty account with 180 days of the
 * seeded sample data and labels the account as a demo, so nobody mistakes it for real records.
 */
import type { FastifyInstance } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { addDays, localDateAt } from '../../core/dates.ts';
import { ConflictError } from '../../core/errors.ts';
import { loadDemoData } from '../../store/demo.ts';
import { getPerson, updatePerson } from '../../store/people.ts';
import { createEnrolment } from '../../store/programs.ts';
import type { Database } from '../../store/schema.ts';
import type { AppContext } from '../context.ts';
import { requirePerson } from '../plugins/auth.ts';
import { parseInput } from '../plugins/errors.ts';

/** Days of sample data: about six months, enough for every chart and the minimum-data rules. */
export const DEMO_DAYS = 180;

/** The sample person is three weeks into the 30-day challenge, so program charts have weeks to show. */
export const DEMO_PROGRAM = { programId: 'gut_brain_30_day', daysIn: 20 } as const;

export async function enrolDemoProgram(db: Kysely<Database>, personId: string, endDate: string, now: Date) {
  return createEnrolment(db, personId, DEMO_PROGRAM.programId, addDays(endDate, -DEMO_PROGRAM.daysIn), now);
}

/** The display name with a clear "(Demo)" label, added once. */
export function demoDisplayName(name: string): string {
  return /\bdemo\b/i.test(name) ? name : `${name} (Demo)`.slice(0, 100);
}

export function registerDemoRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;

  app.post('/api/demo', async (req, reply) => {
    const personId = requirePerson(req);
    parseInput(z.strictObject({}), req.body ?? {}, 'body');
    const person = await getPerson(db, personId);
    const hasScreeners = await db
      .selectFrom('screener_response')
      .select('id')
      .where('person_id', '=', personId)
      .limit(1)
      .executeTakeFirst();
    if (hasScreeners) throw new ConflictError('Sample data goes into a new, empty demo account.');
    const now = ctx.now();
    // loadDemoData refuses (409) a person who already has observations, inside its transaction.
    const data = await loadDemoData(
      db,
      personId,
      { endDate: localDateAt(now, person.time_zone), days: DEMO_DAYS },
      now,
    );
    await enrolDemoProgram(db, personId, data.to, now);
    const displayName = demoDisplayName(person.display_name);
    await updatePerson(db, personId, { display_name: displayName }, now);
    return reply.code(201).send({
      from: data.from,
      to: data.to,
      days: DEMO_DAYS,
      observations: data.observations.length,
      questionnaires: data.questionnaires.length,
      displayName,
    });
  });
}
