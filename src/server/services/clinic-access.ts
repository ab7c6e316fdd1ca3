/**
 * Who may act in a clinic — the one place every clinic service asks:
 *
 * - a clinician account (403 otherwise, as the clinician dashboard does),
 * - working in that clinic now (a removed clinician, or another clinic's, gets 404: the clinic is
 *   simply not there for them),
 * - and for one person's data, that person shares with the clinic now (someone who never accepted,
 *   or who left, gets 404).
 *
 * Every read of a person's data lands in that person's access log (the one Data & sharing shows).
 */
import { randomUUID } from 'node:crypto';
import { localDateAt } from '../../core/dates.ts';
import { NotFoundError } from '../../core/errors.ts';
import { SHARE_KINDS, type ShareKind } from '../../core/sharing/access.ts';
import { insertAccessLogs } from '../../store/clinic-records.ts';
import { activeMembership, type ClinicRole, staffPlace } from '../../store/clinics.ts';
import { getPerson } from '../../store/people.ts';
import { HttpError } from '../plugins/errors.ts';
import type { Actor, AppContext } from './context.ts';

/** What a person shares by joining a clinic: the measurement-based-care view, never microbiome results. */
export const CLINIC_SHARED_KINDS: readonly ShareKind[] = ['questionnaires', 'diary', 'programs'];

export const shareLines = (kinds: readonly ShareKind[]) =>
  kinds.map((kind) => ({ kind, label: SHARE_KINDS[kind].label }));

export const parseKinds = (json: string): ShareKind[] =>
  (JSON.parse(json) as string[]).filter((k): k is ShareKind => k in SHARE_KINDS);

export interface StaffAccess {
  clinician: { id: string; name: string };
  clinic: { id: string; name: string; createdAt: string; role: ClinicRole };
  staffId: string;
}

export async function requireClinicianAccount(ctx: AppContext, actor: Actor) {
  const me = await getPerson(ctx.store.db, actor.personId);
  if (me.role !== 'clinician') {
    throw new HttpError(
      403,
      'not_a_clinician',
      'Only clinician accounts work in clinics. Turn on “Make this a clinician account” under Data & sharing first.',
    );
  }
  return me;
}

/** The caller's place in the clinic, or 404; `admin` also requires the admin role (403 otherwise). */
export async function staffAccess(
  ctx: AppContext,
  actor: Actor,
  clinicId: string,
  need: 'staff' | 'admin' = 'staff',
): Promise<StaffAccess> {
  const me = await requireClinicianAccount(ctx, actor);
  const place = await staffPlace(ctx.store.db, clinicId, me.id);
  if (!place) throw new NotFoundError('clinic');
  if (need === 'admin' && place.role !== 'admin') {
    throw new HttpError(403, 'not_an_admin', 'Only the clinic’s admins can do this.');
  }
  return {
    clinician: { id: me.id, name: me.display_name },
    clinic: { id: place.id, name: place.name, createdAt: place.created_at, role: place.role },
    staffId: place.staff_id,
  };
}

export interface MemberAccess extends StaffAccess {
  member: {
    membershipId: string;
    personId: string;
    displayName: string;
    timeZone: string;
    joinedAt: string;
    joinedDate: string;
    today: string;
    kinds: ShareKind[];
  };
}

/** The caller's place in the clinic and the person who shares with it now, or 404. */
export async function memberAccess(
  ctx: AppContext,
  actor: Actor,
  clinicId: string,
  personId: string,
): Promise<MemberAccess> {
  const staff = await staffAccess(ctx, actor, clinicId);
  const membership = await activeMembership(ctx.store.db, clinicId, personId);
  if (!membership) throw new NotFoundError('person');
  const person = await getPerson(ctx.store.db, personId);
  return {
    ...staff,
    member: {
      membershipId: membership.id,
      personId,
      displayName: person.display_name,
      timeZone: person.time_zone,
      joinedAt: membership.joined_at,
      joinedDate: localDateAt(new Date(membership.joined_at), person.time_zone),
      today: localDateAt(ctx.now(), person.time_zone),
      kinds: parseKinds(membership.kinds),
    },
  };
}

/** Notes reads in each person's access log: who (and at which clinic) read what, and when. */
export async function logClinicReads(
  ctx: AppContext,
  staff: StaffAccess,
  personIds: readonly string[],
  what: string,
): Promise<void> {
  const readAt = ctx.now().toISOString();
  const rows = personIds.map((personId) => ({
    id: randomUUID(),
    person_id: personId,
    clinician_id: staff.clinician.id,
    clinician_name: `${staff.clinician.name} (${staff.clinic.name})`,
    what,
    read_at: readAt,
  }));
  await insertAccessLogs(ctx.store.db, rows);
}
