/**
 * Sharing with a clinician: grants, the access log and assigned programs. Every function takes the
 * acting person's id; what a clinician may read is decided in core/sharing/access.ts from the
 * grants read here.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { NotFoundError } from '../core/errors.ts';
import type { Grant, ShareKind } from '../core/sharing/access.ts';
import { createEnrolment } from './programs.ts';
import type { AccessGrantTable, Database, ProgramAssignmentTable } from './schema.ts';

const toGrant = (r: AccessGrantTable): Grant => ({
  id: r.id,
  personId: r.person_id,
  clinicianId: r.clinician_id,
  kinds: r.kinds === null ? null : (JSON.parse(r.kinds) as ShareKind[]),
  untilDate: r.until_date,
  revokedAt: r.revoked_at,
});

export async function setRole(
  db: Kysely<Database>,
  personId: string,
  role: 'person' | 'clinician',
  now: Date,
) {
  await db
    .updateTable('person')
    .set({ role, updated_at: now.toISOString() })
    .where('id', '=', personId)
    .execute();
}

export function findClinicianByEmail(db: Kysely<Database>, email: string) {
  return db
    .selectFrom('person')
    .select(['id', 'display_name', 'email'])
    .where('email', '=', email.trim().toLowerCase())
    .where('role', '=', 'clinician')
    .executeTakeFirst();
}

export async function createGrant(
  db: Kysely<Database>,
  personId: string,
  grant: { clinicianId: string; kinds: ShareKind[] | null; untilDate: string | null },
  now: Date,
): Promise<Grant> {
  const row: AccessGrantTable = {
    id: randomUUID(),
    person_id: personId,
    clinician_id: grant.clinicianId,
    kinds: grant.kinds === null ? null : JSON.stringify(grant.kinds),
    until_date: grant.untilDate,
    created_at: now.toISOString(),
    revoked_at: null,
  };
  await db.insertInto('access_grant').values(row).execute();
  return toGrant(row);
}

/** The person's grants, newest first, with each clinician's name. */
export async function listGrantsOf(db: Kysely<Database>, personId: string) {
  const rows = await db
    .selectFrom('access_grant')
    .innerJoin('person', 'person.id', 'access_grant.clinician_id')
    .selectAll('access_grant')
    .select(['person.display_name as clinician_name', 'person.email as clinician_email'])
    .where('access_grant.person_id', '=', personId)
    .orderBy('access_grant.created_at', 'desc')
    .execute();
  return rows.map((r) => ({
    ...toGrant(r),
    createdAt: r.created_at,
    clinician: { id: r.clinician_id, name: r.clinician_name, email: r.clinician_email },
  }));
}

/** Ends a grant at once. 404 when it is not the person's; revoking twice changes nothing. */
export async function revokeGrant(db: Kysely<Database>, personId: string, grantId: string, now: Date) {
  const row = await db
    .selectFrom('access_grant')
    .select(['id', 'revoked_at'])
    .where('id', '=', grantId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!row) throw new NotFoundError('grant');
  if (row.revoked_at) return;
  await db
    .updateTable('access_grant')
    .set({ revoked_at: now.toISOString() })
    .where('id', '=', grantId)
    .where('person_id', '=', personId)
    .execute();
}

/** Every grant naming the clinician (live or not: core decides). */
export async function grantsToClinician(db: Kysely<Database>, clinicianId: string): Promise<Grant[]> {
  const rows = await db
    .selectFrom('access_grant')
    .selectAll()
    .where('clinician_id', '=', clinicianId)
    .execute();
  return rows.map(toGrant);
}

export async function logAccess(
  db: Kysely<Database>,
  entry: { personId: string; clinicianId: string; clinicianName: string; what: string },
  now: Date,
) {
  await db
    .insertInto('access_log')
    .values({
      id: randomUUID(),
      person_id: entry.personId,
      clinician_id: entry.clinicianId,
      clinician_name: entry.clinicianName,
      what: entry.what,
      read_at: now.toISOString(),
    })
    .execute();
}

export async function listAccessLog(db: Kysely<Database>, personId: string, limit = 500) {
  const rows = await db
    .selectFrom('access_log')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('read_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, clinicianName: r.clinician_name, what: r.what, readAt: r.read_at }));
}

export async function createAssignment(
  db: Kysely<Database>,
  a: { personId: string; clinicianId: string; clinicianName: string; programId: string; note: string | null },
  now: Date,
) {
  const row: ProgramAssignmentTable = {
    id: randomUUID(),
    person_id: a.personId,
    clinician_id: a.clinicianId,
    clinician_name: a.clinicianName,
    program_id: a.programId,
    note: a.note,
    status: 'pending',
    created_at: now.toISOString(),
    responded_at: null,
  };
  await db.insertInto('program_assignment').values(row).execute();
  return row;
}

export async function listAssignmentsOf(db: Kysely<Database>, personId: string) {
  return db
    .selectFrom('program_assignment')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('created_at', 'desc')
    .execute();
}

/**
 * Accepting enrols the person in the program from `startDate`. Several writes: call it inside the
 * caller's transaction (services/sharing.ts does).
 */
export async function respondToAssignment(
  db: Kysely<Database>,
  personId: string,
  id: string,
  accept: boolean,
  startDate: string,
  now: Date,
) {
  const row = await db
    .selectFrom('program_assignment')
    .selectAll()
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  if (!row) throw new NotFoundError('pending assignment');
  await db
    .updateTable('program_assignment')
    .set({ status: accept ? 'accepted' : 'declined', responded_at: now.toISOString() })
    .where('id', '=', id)
    .execute();
  const enrolment = accept ? await createEnrolment(db, personId, row.program_id, startDate, now) : null;
  return {
    status: accept ? ('accepted' as const) : ('declined' as const),
    enrolmentId: enrolment?.id ?? null,
  };
}
