/** People (accounts). Every function takes the acting person's id where one exists. */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ConflictError, NotFoundError } from '../core/errors.ts';
import { prepared } from './prepared.ts';
import type { Database, PersonTable } from './schema.ts';
import { forgetSessionsOf } from './sessions.ts';

export type PersonRow = PersonTable;

export interface NewPerson {
  email: string;
  passwordHash: string;
  displayName: string;
  timeZone: string;
  role?: 'person' | 'clinician';
}

export async function createPerson(db: Kysely<Database>, p: NewPerson, now = new Date()): Promise<PersonRow> {
  const row: PersonRow = {
    id: randomUUID(),
    email: p.email.toLowerCase(),
    password_hash: p.passwordHash,
    display_name: p.displayName,
    time_zone: p.timeZone,
    role: p.role ?? 'person',
    region: null,
    created_at: now.toISOString(),
    updated_at: now.toISOString(),
  };
  const existing = await findPersonByEmail(db, row.email);
  if (existing) throw new ConflictError('An account with this email already exists.', 'email');
  try {
    await db.insertInto('person').values(row).execute();
  } catch (e) {
    // Two registrations racing past the check above: the unique index decides.
    if (/unique|duplicate/i.test(String(e))) {
      throw new ConflictError('An account with this email already exists.', 'email');
    }
    throw e;
  }
  return row;
}

export function findPersonByEmail(db: Kysely<Database>, email: string): Promise<PersonRow | undefined> {
  return db.selectFrom('person').selectAll().where('email', '=', email.toLowerCase()).executeTakeFirst();
}

// Read by nearly every request (the person's today): built once (store/prepared.ts).
const personById = prepared((db, a: { personId: string }) =>
  db.selectFrom('person').selectAll().where('id', '=', a.personId),
);

export async function getPerson(db: Kysely<Database>, personId: string): Promise<PersonRow> {
  const [row] = (await personById(db, { personId })).rows;
  if (!row) throw new NotFoundError('person');
  return row;
}

export async function updatePerson(
  db: Kysely<Database>,
  personId: string,
  changes: Partial<Pick<PersonRow, 'display_name' | 'time_zone' | 'region' | 'password_hash'>>,
  now = new Date(),
): Promise<void> {
  await db
    .updateTable('person')
    .set({ ...changes, updated_at: now.toISOString() })
    .where('id', '=', personId)
    .execute();
}

/**
 * Removes the person; every owned row goes with it through ON DELETE CASCADE, sessions included —
 * which this process's session caches are told at once (store/sessions.ts).
 */
export async function deletePerson(db: Kysely<Database>, personId: string): Promise<void> {
  forgetSessionsOf(personId);
  await db.deleteFrom('person').where('id', '=', personId).execute();
  forgetSessionsOf(personId);
}
