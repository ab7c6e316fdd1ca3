/**
 * What a clinic writes about a person who shares with it (migration 0018): schedules, treatment
 * markers and clinic-only notes; and the lines its reads add to the person's access log.
 */
import type { Kysely } from 'kysely';
import type { AccessLogTable, Database } from './schema.ts';
import type { ClinicMarkerTable, ClinicNoteTable, ClinicScheduleTable } from './schema-clinics.ts';

export function schedulesOf(db: Kysely<Database>, membershipIds: readonly string[]) {
  if (membershipIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('clinic_schedule')
    .selectAll()
    .where('membership_id', 'in', membershipIds)
    .orderBy('instrument')
    .execute();
}

/** Replaces the membership's schedule for one instrument (one transaction, owned by the caller). */
export async function replaceSchedule(db: Kysely<Database>, row: ClinicScheduleTable) {
  await db
    .deleteFrom('clinic_schedule')
    .where('membership_id', '=', row.membership_id)
    .where('instrument', '=', row.instrument)
    .execute();
  await db.insertInto('clinic_schedule').values(row).execute();
}

export async function removeSchedule(db: Kysely<Database>, membershipId: string, instrument: string) {
  const res = await db
    .deleteFrom('clinic_schedule')
    .where('membership_id', '=', membershipId)
    .where('instrument', '=', instrument)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

// ——— markers and notes (the clinic's record) ———

export async function insertMarker(db: Kysely<Database>, row: ClinicMarkerTable) {
  await db.insertInto('clinic_marker').values(row).execute();
}

export async function insertNote(db: Kysely<Database>, row: ClinicNoteTable) {
  await db.insertInto('clinic_note').values(row).execute();
}

export function markersOf(db: Kysely<Database>, clinicId: string, personId: string) {
  return db
    .selectFrom('clinic_marker')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('subject_id', '=', personId)
    .orderBy('date')
    .orderBy('created_at')
    .execute();
}

export function notesOf(db: Kysely<Database>, clinicId: string, personId: string) {
  return db
    .selectFrom('clinic_note')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('subject_id', '=', personId)
    .orderBy('created_at', 'desc')
    .execute();
}

export async function deleteMarkerOf(db: Kysely<Database>, clinicId: string, personId: string, id: string) {
  const res = await db
    .deleteFrom('clinic_marker')
    .where('id', '=', id)
    .where('clinic_id', '=', clinicId)
    .where('subject_id', '=', personId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** Adds entries to people's access logs (the sharing log), in chunks: both engines cap a statement's parameters. */
export async function insertAccessLogs(db: Kysely<Database>, rows: readonly AccessLogTable[]) {
  const log = db as unknown as Kysely<{ access_log: AccessLogTable }>;
  for (let i = 0; i < rows.length; i += 500) {
    await log
      .insertInto('access_log')
      .values(rows.slice(i, i + 500))
      .execute();
  }
}
