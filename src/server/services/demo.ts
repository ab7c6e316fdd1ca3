/**
 * Sample data: 180 days of the seeded sample data for a still-empty account, a program three weeks
 * in, and the "(Demo)" label on the account — all in ONE transaction, so a failure part-way leaves
 * nothing behind (never made-up data without the label). Used by POST /api/demo and `gutbrain demo`.
 */

import type { loadDemo } from '../../contract/demo.ts';
import type { OutputOf } from '../../contract/endpoint.ts';
import { addDays, localDateAt } from '../../core/dates.ts';
import { ConflictError } from '../../core/errors.ts';
import { writeDemoData } from '../../store/demo.ts';
import { getPerson, updatePerson } from '../../store/people.ts';
import { createEnrolment } from '../../store/programs.ts';
import type { Actor, AppContext } from './context.ts';

/** Days of sample data: about six months, enough for every chart and the minimum-data rules. */
export const DEMO_DAYS = 180;

/** The sample person is three weeks into the 30-day challenge, so program charts have weeks to show. */
export const DEMO_PROGRAM = { programId: 'gut_brain_30_day', daysIn: 20 } as const;

/** The display name with a clear "(Demo)" label, added once. */
export function demoDisplayName(name: string): string {
  return /\bdemo\b/i.test(name) ? name : `${name} (Demo)`.slice(0, 100);
}

/** The steps of loading sample data, in order (named for the test seam below). */
export type DemoStep = 'data' | 'program' | 'label';

export interface SampleDataOptions {
  /** The generator's seed (`gutbrain demo --seed`); 1 by default. */
  seed?: number;
  /** Test seam: runs after each step, inside the transaction (a throw here must undo everything). */
  afterStep?: (step: DemoStep) => void | Promise<void>;
}

/** Loads the sample data into the acting person's empty account; 409 when it already holds anything. */
export async function loadSampleData(
  ctx: Pick<AppContext, 'store' | 'now'>,
  actor: Actor,
  options: SampleDataOptions = {},
): Promise<OutputOf<typeof loadDemo>> {
  const { personId } = actor;
  const now = ctx.now();
  return ctx.store.db.transaction().execute(async (trx) => {
    const person = await getPerson(trx, personId);
    const hasScreeners = await trx
      .selectFrom('screener_response')
      .select('id')
      .where('person_id', '=', personId)
      .limit(1)
      .executeTakeFirst();
    if (hasScreeners) throw new ConflictError('Sample data goes into a new, empty demo account.');
    // writeDemoData refuses (409) a person who already has observations.
    const data = await writeDemoData(
      trx,
      personId,
      { endDate: localDateAt(now, person.time_zone), days: DEMO_DAYS, seed: options.seed },
      now,
    );
    await options.afterStep?.('data');
    const start = addDays(data.to, -DEMO_PROGRAM.daysIn);
    await createEnrolment(trx, personId, DEMO_PROGRAM.programId, start, now);
    await options.afterStep?.('program');
    const displayName = demoDisplayName(person.display_name);
    await updatePerson(trx, personId, { display_name: displayName }, now);
    await options.afterStep?.('label');
    return {
      from: data.from,
      to: data.to,
      days: DEMO_DAYS,
      observations: data.observations.length,
      questionnaires: data.questionnaires.length,
      displayName,
    };
  });
}
