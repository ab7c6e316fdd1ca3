/**
 * Clinic invitations by link (migration 0018): only a token's SHA-256 is stored; using one is a
 * single conditional update, so two requests with the same link cannot both succeed.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';
import type { ClinicInvitationTable } from './schema-clinics.ts';

export async function insertInvitation(db: Kysely<Database>, row: ClinicInvitationTable) {
  await db.insertInto('clinic_invitation').values(row).execute();
}

/** Invitations not used, withdrawn or expired, newest first. */
export function pendingInvitations(db: Kysely<Database>, clinicId: string, now: Date) {
  return db
    .selectFrom('clinic_invitation')
    .selectAll()
    .where('clinic_id', '=', clinicId)
    .where('used_at', 'is', null)
    .where('withdrawn_at', 'is', null)
    .where('expires', '>', now.toISOString())
    .orderBy('created_at', 'desc')
    .execute();
}

export function invitationByTokenHash(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('clinic_invitation')
    .innerJoin('clinic', 'clinic.id', 'clinic_invitation.clinic_id')
    .selectAll('clinic_invitation')
    .select('clinic.name as clinic_name')
    .where('clinic_invitation.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Uses the invitation once: true only for the one request that turned it from open to used. */
export async function useInvitation(db: Kysely<Database>, id: string, now: Date): Promise<boolean> {
  const res = await db
    .updateTable('clinic_invitation')
    .set({ used_at: now.toISOString() })
    .where('id', '=', id)
    .where('used_at', 'is', null)
    .where('withdrawn_at', 'is', null)
    .where('expires', '>', now.toISOString())
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}

/** Withdraws an open invitation of the clinic; false when there is none by that id. */
export async function withdrawOpenInvitation(
  db: Kysely<Database>,
  clinicId: string,
  id: string,
  now: Date,
): Promise<boolean> {
  const res = await db
    .updateTable('clinic_invitation')
    .set({ withdrawn_at: now.toISOString() })
    .where('id', '=', id)
    .where('clinic_id', '=', clinicId)
    .where('used_at', 'is', null)
    .where('withdrawn_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) === 1;
}
