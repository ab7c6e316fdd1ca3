/**
 * What every service function is handed: the app's context, and who is acting. Services are plain
 * functions `(ctx, actor, input) → output`; they own transactions, ask `core` for rules and
 * `store` for data, and know nothing of HTTP.
 */
import { localDateAt } from '../../core/dates.ts';
import { getPerson } from '../../store/people.ts';
import type { AppContext } from '../context.ts';

export type { AppContext };

/** The person a request acts for (their session's person). */
export interface Actor {
  personId: string;
}

/** A person's today and the time zone it was read in. */
export interface PersonDay {
  today: string;
  timeZone: string;
}

/** The person's own calendar day now, from their time zone: the one "today" every service uses. */
export async function personToday(
  ctx: Pick<AppContext, 'store' | 'now'>,
  personId: string,
): Promise<PersonDay> {
  const person = await getPerson(ctx.store.db, personId);
  return { today: localDateAt(ctx.now(), person.time_zone), timeZone: person.time_zone };
}
