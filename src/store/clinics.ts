/**
 * Clinics: the clinic, its staff, invitations, memberships, schedules, markers and notes (migration
 * 0018). Who may do what is decided in server/services/clinic-access.ts from the rows read here;
 * every read that could reach another clinic's rows is filtered by the clinic id.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export type ClinicRole = 'clinician' | 'admin';
export type InvitationKind = 'person' | ClinicRole;

export interface ClinicTable {
  id: string;
  name: string;
  created_at: string;
}
export interface ClinicStaffTable {
  id: string;
  clinic_id: string;
  clinician_id: string;
  role: ClinicRole;
  added_at: string;
  removed_at: string | null;
}
export interface ClinicInvitationTable {
  id: string;
  clinic_id: string;
  kind: InvitationKind;
  email: string;
  token_hash: string;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
  expires: string;
  used_at: string | null;
  withdrawn_at: string | null;
}
export interface ClinicMembershipTable {
  id: string;
  clinic_id: string;
  person_id: string;
  kinds: string;
  invited_by: string | null;
  joined_at: string;
  baseline_from: string;
  left_at: string | null;
}
export interface ClinicScheduleTable {
  id: string;
  membership_id: string;
  person_id: string;
  instrument: string;
  every_weeks: number;
  start_date: string;
  set_by: string | null;
  created_at: string;
}
export interface ClinicMarkerTable {
  id: string;
  clinic_id: string;
  subject_id: string;
  label: string;
  date: string;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
}
export interface ClinicNoteTable {
  id: string;
  clinic_id: string;
  subject_id: string;
  text: string;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
}

export interface ClinicTables extends Database {
  clinic: ClinicTable;
  clinic_staff: ClinicStaffTable;
  clinic_invitation: ClinicInvitationTable;
  clinic_membership: ClinicMembershipTable;
  clinic_schedule: ClinicScheduleTable;
  clinic_marker: ClinicMarkerTable;
  clinic_note: ClinicNoteTable;
}
/** This module's tables as Kysely sees them (kept here so the shared schema file stays small). */
export const clinicDb = (db: Kysely<Database>) => db as unknown as Kysely<ClinicTables>;

// ——— clinics and staff ———

export async function insertClinic(db: Kysely<Database>, name: string, creatorId: string, now: Date) {
  const clinic: ClinicTable = { id: randomUUID(), name, created_at: now.toISOString() };
  await clinicDb(db).insertInto('clinic').values(clinic).execute();
  await insertStaff(db, clinic.id, creatorId, 'admin', now);
  return clinic;
}

export async function insertStaff(
  db: Kysely<Database>,
  clinicId: string,
  clinicianId: string,
  role: ClinicRole,
  now: Date,
) {
  await clinicDb(db)
    .insertInto('clinic_staff')
    .values({
      id: randomUUID(),
      clinic_id: clinicId,
      clinician_id: clinicianId,
      role,
      added_at: now.toISOString(),
      removed_at: null,
    })
    .execute();
}

/** The clinics the clinician works in now, with their role. */
export function clinicsOfClinician(db: Kysely<Database>, clinicianId: string) {
  return clinicDb(db)
    .selectFrom('clinic_staff')
    .innerJoin('clinic', 'clinic.id', 'clinic_staff.clinic_id')
    .select(['clinic.id', 'clinic.name', 'clinic.created_at', 'clinic_staff.role'])
    .where('clinic_staff.clinician_id', '=', clinicianId)
    .where('clinic_staff.removed_at', 'is', null)
    .orderBy('clinic.name')
    .execute();
}

/** The clinic and the clinician's role in it, when they work there now. */
export function staffPlace(db: Kysely<Database>, clinicId: string, clinicianId: string) {
  return clinicDb(db)
    .selectFrom('clinic_staff')
    .innerJoin('clinic', 'clinic.id', 'clinic_staff.clinic_id')
    .select([
      'clinic.id',
      'clinic.name',
      'clinic.created_at',
      'clinic_staff.role',
      'clinic_staff.id as staff_id',
    ])
    .where('clinic_staff.clinic_id', '=', clinicId)
    .where('clinic_staff.clinician_id', '=', clinicianId)
    .where('clinic_staff.removed_at', 'is', null)
    .executeTakeFirst();
}

/** The clinic's current staff with names and emails. */
export function staffOf(db: Kysely<Database>, clinicId: string) {
  return clinicDb(db)
    .selectFrom('clinic_staff')
    .innerJoin('person', 'person.id', 'clinic_staff.clinician_id')
    .select([
      'clinic_staff.id',
      'clinic_staff.clinician_id',
      'clinic_staff.role',
      'clinic_staff.added_at',
      'person.display_name',
      'person.email',
    ])
    .where('clinic_staff.clinic_id', '=', clinicId)
    .where('clinic_staff.removed_at', 'is', null)
    .orderBy('person.display_name')
    .execute();
}

export async function markStaffRemoved(db: Kysely<Database>, clinicId: string, staffId: string, now: Date) {
  await clinicDb(db)
    .updateTable('clinic_staff')
    .set({ removed_at: now.toISOString() })
    .where('id', '=', staffId)
    .where('clinic_id', '=', clinicId)
    .where('removed_at', 'is', null)
    .execute();
}

// ——— memberships ———

export function activeMembership(db: Kysely<Database>, clinicId: string, personId: string) {
  return clinicDb(db)
    .selectFrom('clinic_membership')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('person_id', '=', personId)
    .where('left_at', 'is', null)
    .executeTakeFirst();
}

export async function insertMembership(db: Kysely<Database>, row: ClinicMembershipTable) {
  await clinicDb(db).insertInto('clinic_membership').values(row).execute();
}

/** The person's current memberships with the clinic's name. */
export function membershipsOfPerson(db: Kysely<Database>, personId: string) {
  return clinicDb(db)
    .selectFrom('clinic_membership')
    .innerJoin('clinic', 'clinic.id', 'clinic_membership.clinic_id')
    .selectAll('clinic_membership')
    .select('clinic.name as clinic_name')
    .where('clinic_membership.person_id', '=', personId)
    .where('clinic_membership.left_at', 'is', null)
    .orderBy('clinic_membership.joined_at')
    .execute();
}

/** Everyone who shares with the clinic now, with what the caseload needs of their account. */
export function membersOfClinic(db: Kysely<Database>, clinicId: string) {
  return clinicDb(db)
    .selectFrom('clinic_membership')
    .innerJoin('person', 'person.id', 'clinic_membership.person_id')
    .select([
      'clinic_membership.id',
      'clinic_membership.person_id',
      'clinic_membership.joined_at',
      'clinic_membership.kinds',
      'person.display_name',
      'person.time_zone',
    ])
    .where('clinic_membership.clinic_id', '=', clinicId)
    .where('clinic_membership.left_at', 'is', null)
    .execute();
}

/** How many people share with the clinic now. */
export async function countMembers(db: Kysely<Database>, clinicId: string): Promise<number> {
  const row = await clinicDb(db)
    .selectFrom('clinic_membership')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('clinic_id', '=', clinicId)
    .where('left_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Ends the person's membership at once; false when it is not theirs or already ended. */
export async function endMembership(db: Kysely<Database>, personId: string, id: string, now: Date) {
  const res = await clinicDb(db)
    .updateTable('clinic_membership')
    .set({ left_at: now.toISOString() })
    .where('id', '=', id)
    .where('person_id', '=', personId)
    .where('left_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
