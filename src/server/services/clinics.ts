/**
 * Clinics: creating one, its staff, invitations by link, and the person's side — the consent
 * screen, accepting, their clinics, leaving (which ends every clinician's access at once) and the
 * questionnaires a clinic asked for.
 *
 * An invitation token is 32 random bytes (base64url), shown once; only its SHA-256 is stored. It
 * expires after 7 days, works once, and only for the account whose email it was made for.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type {
  createInvitation,
  getClinic,
  getDueQuestionnaires,
  listMemberships,
} from '../../contract/clinics.ts';
import type { OutputOf } from '../../contract/endpoint.ts';
import { dueStatus, type ScheduleWeeks } from '../../core/clinics/schedule.ts';
import { localDateAt } from '../../core/dates.ts';
import { ConflictError, NotFoundError, ValidationError } from '../../core/errors.ts';
import { INSTRUMENTS, type InstrumentId, isInstrumentId } from '../../core/screeners/instruments.ts';
import { lastQuestionnaireDates } from '../../store/clinic-caseload.ts';
import {
  type ClinicRole,
  clinicsOfClinician,
  countMembers,
  endMembership,
  type InvitationKind,
  insertClinic,
  insertInvitation,
  insertMembership,
  insertStaff,
  invitationByTokenHash,
  markStaffRemoved,
  membershipsOfPerson,
  pendingInvitations,
  schedulesOf,
  staffOf,
  useInvitation,
  withdrawOpenInvitation,
} from '../../store/clinics.ts';
import { getPerson } from '../../store/people.ts';
import type { Database } from '../../store/schema.ts';
import { HttpError } from '../plugins/errors.ts';
import {
  CLINIC_SHARED_KINDS,
  parseKinds,
  requireClinicianAccount,
  shareLines,
  staffAccess,
} from './clinic-access.ts';
import type { Actor, AppContext } from './context.ts';

export const INVITATION_DAYS = 7;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

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

const pending = (r: {
  id: string;
  kind: InvitationKind;
  email: string;
  created_by_name: string;
  created_at: string;
  expires: string;
}) => ({
  id: r.id,
  kind: r.kind,
  email: r.email,
  createdBy: r.created_by_name,
  createdAt: r.created_at,
  expiresAt: r.expires,
});

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
    invitations: (await pendingInvitations(db, clinicId, ctx.now())).map(pending),
    peopleCount: await countMembers(db, clinicId),
  };
}

export async function inviteByLink(
  ctx: AppContext,
  actor: Actor,
  clinicId: string,
  body: { kind: InvitationKind; email: string },
): Promise<OutputOf<typeof createInvitation>> {
  const staff = await staffAccess(ctx, actor, clinicId, body.kind === 'person' ? 'staff' : 'admin');
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const row = {
    id: randomUUID(),
    clinic_id: clinicId,
    kind: body.kind,
    email: body.email,
    token_hash: hashToken(token),
    created_by: staff.clinician.id,
    created_by_name: staff.clinician.name,
    created_at: now.toISOString(),
    expires: new Date(now.getTime() + INVITATION_DAYS * 86_400_000).toISOString(),
    used_at: null,
    withdrawn_at: null,
  };
  await insertInvitation(ctx.store.db, row);
  return { invitation: pending(row), token, linkPath: `/clinic-invitation#${token}` };
}

export async function withdrawInvitation(ctx: AppContext, actor: Actor, clinicId: string, id: string) {
  await staffAccess(ctx, actor, clinicId);
  if (!(await withdrawOpenInvitation(ctx.store.db, clinicId, id, ctx.now())))
    throw new NotFoundError('invitation');
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

/** The open invitation for this token and this account, or the reason it cannot be used. */
async function openInvitation(ctx: AppContext, actor: Actor, token: string) {
  const inv = await invitationByTokenHash(ctx.store.db, hashToken(token));
  if (!inv || inv.withdrawn_at !== null) throw new NotFoundError('invitation');
  const me = await getPerson(ctx.store.db, actor.personId);
  if (me.email.toLowerCase() !== inv.email.toLowerCase()) {
    throw new HttpError(
      403,
      'invitation_for_someone_else',
      'This invitation was made for another email address. Sign in with that account, or ask the clinic for a new link.',
    );
  }
  if (inv.used_at !== null) {
    throw new HttpError(
      410,
      'invitation_used',
      'This invitation has already been used. Ask the clinic for a new link.',
    );
  }
  if (inv.expires <= ctx.now().toISOString()) {
    throw new HttpError(
      410,
      'invitation_expired',
      'This invitation has expired. Ask the clinic for a new link.',
    );
  }
  return { inv, me };
}

const TERMS_PERSON = [
  'The clinic’s clinicians will be able to read what is listed above, from your whole history, for as long as you stay.',
  'They can set questionnaires for you to fill in every 1, 2 or 4 weeks, mark changes in your treatment and keep their own notes. They cannot change or delete anything of yours.',
  'Every time they read your data it is written in your access log under Data & sharing.',
  'You can leave the clinic at any time under Data & sharing: every clinician’s access ends at once.',
];

export async function previewInvitation(ctx: AppContext, actor: Actor, token: string) {
  const { inv } = await openInvitation(ctx, actor, token);
  const person = inv.kind === 'person';
  const staff = person ? await staffOf(ctx.store.db, inv.clinic_id) : [];
  return {
    invitation: {
      kind: inv.kind,
      clinic: { name: inv.clinic_name },
      invitedBy: inv.created_by_name,
      email: inv.email,
      expiresAt: inv.expires,
      shares: person ? shareLines(CLINIC_SHARED_KINDS) : [],
      clinicians: staff.map((s) => ({ name: s.display_name, role: s.role })),
      terms: person
        ? TERMS_PERSON
        : [
            `You will join the clinic’s staff as ${inv.kind === 'admin' ? 'an admin' : 'a clinician'} and see the people who share with it.`,
            'Your account must be a clinician account (Data & sharing).',
          ],
    },
  };
}

export async function acceptInvitation(ctx: AppContext, actor: Actor, token: string) {
  const { inv, me } = await openInvitation(ctx, actor, token);
  if (inv.kind !== 'person') await requireClinicianAccount(ctx, actor);
  const now = ctx.now();
  return ctx.store.db.transaction().execute(async (trx) => {
    if (!(await useInvitation(trx, inv.id, now)))
      throw new HttpError(410, 'invitation_used', 'This invitation has already been used.');
    const clinic = { id: inv.clinic_id, name: inv.clinic_name };
    if (inv.kind !== 'person') {
      const staff = await staffOf(trx, inv.clinic_id);
      if (staff.some((s) => s.clinician_id === me.id))
        throw new ConflictError('You already work in this clinic.');
      await insertStaff(trx, inv.clinic_id, me.id, inv.kind, now);
      return { kind: inv.kind, clinic, membershipId: null };
    }
    const existing = (await membershipsOfPerson(trx, me.id)).find((m) => m.clinic_id === inv.clinic_id);
    if (existing) return { kind: inv.kind, clinic, membershipId: existing.id };
    const id = randomUUID();
    await insertMembership(trx, {
      id,
      clinic_id: inv.clinic_id,
      person_id: me.id,
      kinds: JSON.stringify(CLINIC_SHARED_KINDS),
      invited_by: inv.created_by,
      joined_at: now.toISOString(),
      left_at: null,
    });
    return { kind: inv.kind, clinic, membershipId: id };
  });
}

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
