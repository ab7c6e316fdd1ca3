/** Finding what a client-generated id already made, so a repeated write answers the same row. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/** The person's food entry made with `clientId`, if any (never another person's). */
export async function foodEntryByClientId(
  db: Kysely<Database>,
  personId: string,
  clientId: string,
): Promise<{ id: string; date: string } | undefined> {
  return db
    .selectFrom('food_entry')
    .select(['id', 'date'])
    .where('person_id', '=', personId)
    .where('client_id', '=', clientId)
    .executeTakeFirst();
}
