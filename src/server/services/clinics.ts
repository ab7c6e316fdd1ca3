/**
 * Clinics: creating one, its staff, and the person's side — their clinics, leaving (which ends
 * every clinician's access at once) and the questionnaires a clinic asked for. Invitations live in
 * clinic-invitations.ts.
 */
import type { Kysely } from 'kysely';
import type { getClinic, getDueQuestionnaires, listMemberships } from '../../contract/clinics.ts';
import type { OutputOf } from '../../contract/endpoint.ts';
import { dueStatus, type ScheduleWeeks } from '../../core/clinics/schedule.ts';
import { localDateAt } from '../../core/dates.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import { INSTRUMENTS, type InstrumentId, isInstrumentId } from '../../core/screeners/instruments.ts';
import { lastQuestionnaireDates } from '../../store/clinic-caseload.ts';
import { pendingInvitations } from '../../store/clinic-invitations.ts';
import { schedulesOf } from '../../store/clinic-records.ts';
import {
  type ClinicRole,
  clinicsOfClinician,
  countMembers,
  endMembership,
  insertClinic,
  markStaffRemoved,
  membershipsOfPerson,
  staffOf,
} from '../../store/clinics.ts';
import { getPerson } from '../../store/people.ts';
import type { Database } from '../../store/schema.ts';
import { HttpError } from '../plugins/errors.ts';
import { parseKinds, requireClinicianAccount, shareLines, staffAccess } from './clinic-access.ts';
import { pendingInvitation } from './clinic-invitations.ts';
import type { Actor, AppContext } from './context.ts';

const summaryOf = (c: { id: string; name: string; created_at: string; role: ClinicRole }) => ({
  id: c.id,
  name: c.name,
  role: c.role,
  createdAt: c.created_at,
});

export async function listClinics(ctx: AppContext, actor: Actor) {
  const me = await requireClinicianAccount(ctx, actor);
  return { clinics: (await clinicsOfClinician(ctx.store.db, me.id)).map(summaryOf) };
}

export async function createClinic(ctx: AppContext, actor: Actor, name: string) {
  const me = await requireClinicianAccount(ctx, actor);
  const clinic = await ctx.store.db.transaction().execute((trx) => insertClinic(trx, name, me.id, ctx.now()));
  return { clinic: summaryOf({ ...clinic, role: 'admin' }) };
}

export async function clinicDetail(
  ctx: AppContext,
  actor: Actor,
  clinicId: string,
): Promise<OutputOf<typeof getClinic>> {
  const { clinic } = await staffAccess(ctx, actor, clinicId);
  const { db } = ctx.store;
  const staff = await staffOf(db, clinicId);
  return {
    clinic: { id: clinic.id, name: clinic.name, role: clinic.role, createdAt: clinic.createdAt },
    staff: staff.map((s) => ({
      id: s.id,
      clinicianId: s.clinician_id,
      name: s.display_name,
      email: s.email,
      role: s.role,
      since: s.added_at,
    })),
    invitations: (await pendingInvitations(db, clinicId, ctx.now())).map(pendingInvitation),
    peopleCount: await countMembers(db, clinicId),
  };
}

/** Admins remove anyone; anyone may remove themselves; the last admin stays (a clinic needs one). */
export async function removeStaffMember(ctx: AppContext, actor: Actor, clinicId: string, staffId: string) {
  const me = await staffAccess(ctx, actor, clinicId);
  await ctx.store.db.transaction().execute(async (trx) => {
    const staff = await staffOf(trx, clinicId);
    const target = staff.find((s) => s.id === staffId);
    if (!target) throw new NotFoundError('clinician');
    if (target.id !== me.staffId && me.clinic.role !== 'admin') {
      throw new HttpError(403, 'not_an_admin', 'Only the clinic’s admins can remove a colleague.');
    }
    if (target.role === 'admin' && staff.filter((s) => s.role === 'admin').length === 1) {
      throw new ValidationError(
        'staffId',
        'This is the clinic’s only admin. Make someone else an admin first (invite them as admin).',
      );
    }
    await markStaffRemoved(trx, clinicId, staffId, ctx.now());
  });
}

// ——— the person's side ———

export async function listMyMemberships(
  ctx: AppContext,
  actor: Actor,
): Promise<OutputOf<typeof listMemberships>> {
  const { db } = ctx.store;
  const rows = await membershipsOfPerson(db, actor.personId);
  const schedules = await schedulesOf(
    db,
    rows.map((r) => r.id),
  );
  const memberships = [];
  for (const r of rows) {
    const staff = await staffOf(db, r.clinic_id);
    memberships.push({
      id: r.id,
      clinic: { name: r.clinic_name },
      joinedAt: r.joined_at,
      shares: shareLines(parseKinds(r.kinds)),
      clinicians: staff.map((s) => ({ name: s.display_name, role: s.role })),
      schedule: schedules
        .filter((s) => s.membership_id === r.id && isInstrumentId(s.instrument))
        .map((s) => ({
          instrument: s.instrument as InstrumentId,
          everyWeeks: s.every_weeks as ScheduleWeeks,
          startDate: s.start_date,
        })),
    });
  }
  return { memberships };
}

export async function leaveClinic(ctx: AppContext, actor: Actor, membershipId: string) {
  if (!(await endMembership(ctx.store.db, actor.personId, membershipId, ctx.now())))
    throw new NotFoundError('clinic membership');
}

/** The person's scheduled questionnaires and where each stands today, most overdue first. */
export async function dueQuestionnaires(
  ctx: AppContext,
  actor: Actor,
): Promise<OutputOf<typeof getDueQuestionnaires>> {
  const person = await getPerson(ctx.store.db, actor.personId);
  const today = localDateAt(ctx.now(), person.time_zone);
  return { today, questionnaires: await scheduledQuestionnaires(ctx.store.db, actor.personId, today) };
}

/** What the person's clinics scheduled, each with where it stands on `today` (reminders use it too). */
export async function scheduledQuestionnaires(db: Kysely<Database>, personId: string, today: string) {
  const memberships = await membershipsOfPerson(db, personId);
  const schedules = await schedulesOf(
    db,
    memberships.map((m) => m.id),
  );
  const lastDate = await lastQuestionnaireDates(db, personId);
  return schedules
    .filter((s) => isInstrumentId(s.instrument))
    .map((s) => {
      const instrument = s.instrument as InstrumentId;
      const status = dueStatus(
        { instrument, everyWeeks: s.every_weeks as ScheduleWeeks, startDate: s.start_date },
        lastDate.get(instrument) ?? null,
        today,
      );
      const clinicName = memberships.find((m) => m.id === s.membership_id)?.clinic_name ?? '';
      return { ...status, name: INSTRUMENTS[instrument].shortName, clinicName };
    })
    .sort((a, b) => b.daysOverdue - a.daysOverdue || a.dueDate.localeCompare(b.dueDate));
}
