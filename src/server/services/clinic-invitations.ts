/**
 * Invitations by link, the clinic's side (invite, withdraw) and the person's (the consent screen,
 * accepting). A token is 32 random bytes (base64url), shown once; only its SHA-256 is stored. It
 * expires after 7 days, works once, and only for the account whose email it was made for.
 */
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import type { createInvitation } from '../../contract/clinics.ts';
import type { OutputOf } from '../../contract/endpoint.ts';
import { BASELINE_LOOKBACK_DAYS } from '../../core/clinics/outcomes.ts';
import { addDays, localDateAt } from '../../core/dates.ts';
import { ConflictError, NotFoundError } from '../../core/errors.ts';
import {
  insertInvitation,
  invitationByTokenHash,
  useInvitation,
  withdrawOpenInvitation,
} from '../../store/clinic-invitations.ts';
import {
  type InvitationKind,
  insertMembership,
  insertStaff,
  membershipsOfPerson,
  staffOf,
} from '../../store/clinics.ts';
import { getPerson } from '../../store/people.ts';
import { HttpError } from '../plugins/errors.ts';
import { CLINIC_SHARED_KINDS, requireClinicianAccount, shareLines, staffAccess } from './clinic-access.ts';
import type { Actor, AppContext } from './context.ts';

export const INVITATION_DAYS = 7;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** A stored invitation as the clinic sees it (never its token). */
export const pendingInvitation = (r: {
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
  return { invitation: pendingInvitation(row), token, linkPath: `/clinic-invitation#${token}` };
}

export async function withdrawInvitation(ctx: AppContext, actor: Actor, clinicId: string, id: string) {
  await staffAccess(ctx, actor, clinicId);
  if (!(await withdrawOpenInvitation(ctx.store.db, clinicId, id, ctx.now())))
    throw new NotFoundError('invitation');
}

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
      baseline_from: addDays(localDateAt(now, me.time_zone), -BASELINE_LOOKBACK_DAYS),
      left_at: null,
    });
    return { kind: inv.kind, clinic, membershipId: id };
  });
}
