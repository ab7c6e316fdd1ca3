/**
 * Sharing, the person's side: the clinician role, grants, the access log, suggested programs and
 * the person's own printable summary. Who may read what is decided in core/sharing/access.ts.
 */
import type { OutputOf, ParsedInput } from '../../contract/endpoint.ts';
import type {
  getAssignments,
  getGrants,
  getShareKinds,
  postAssignmentAnswer,
  postGrant,
} from '../../contract/sharing.ts';
import { addDays } from '../../core/dates.ts';
import { ValidationError } from '../../core/errors.ts';
import { programById } from '../../core/programs/index.ts';
import { isLive, SHARE_KIND_IDS, SHARE_KINDS } from '../../core/sharing/access.ts';
import { buildSummary } from '../../core/sharing/summary.ts';
import { getPerson } from '../../store/people.ts';
import { readSummaryInput } from '../../store/shared-summary.ts';
import * as store from '../../store/sharing.ts';
import { renderSummaryPdf } from '../reports/summary-pdf.ts';
import { type Actor, type AppContext, personToday } from './context.ts';

type Period = { from?: string | undefined; to?: string | undefined };

/** A report's period: up to `to` (default today), from 90 days before it unless given. */
export function reportPeriod(query: Period, today: string): { from: string; to: string } {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -89);
  if (from > to) throw new ValidationError('from', 'from must be on or before to');
  return { from, to };
}

export function shareKinds(): OutputOf<typeof getShareKinds> {
  return { kinds: SHARE_KIND_IDS.map((id) => ({ id, label: SHARE_KINDS[id].label })) };
}

export async function setClinicianRole(
  ctx: AppContext,
  actor: Actor,
  clinician: boolean,
): Promise<{ role: 'person' | 'clinician' }> {
  const role = clinician ? 'clinician' : 'person';
  await store.setRole(ctx.store.db, actor.personId, role, ctx.now());
  return { role };
}

export async function grantsOf(ctx: AppContext, actor: Actor): Promise<OutputOf<typeof getGrants>> {
  const { today } = await personToday(ctx, actor.personId);
  const grants = await store.listGrantsOf(ctx.store.db, actor.personId);
  return { grants: grants.map((g) => ({ ...g, live: isLive(g, today) })) };
}

export async function grantAccess(
  ctx: AppContext,
  actor: Actor,
  body: ParsedInput<typeof postGrant>['body'],
): Promise<OutputOf<typeof postGrant>> {
  const { db } = ctx.store;
  const clinician = await store.findClinicianByEmail(db, body.clinicianEmail);
  if (!clinician)
    throw new ValidationError(
      'clinicianEmail',
      'No clinician account on this Gutbrain has that email. Check the address, or ask them to sign up and choose “Make this a clinician account” under Data & sharing.',
    );
  if (clinician.id === actor.personId)
    throw new ValidationError('clinicianEmail', 'That is your own account: enter your clinician’s email.');
  if (body.untilDate && body.untilDate < (await personToday(ctx, actor.personId)).today) {
    throw new ValidationError('untilDate', 'The end date is in the past: choose today or a later day.');
  }
  const kinds = body.kinds ? [...new Set(body.kinds)] : null;
  const grant = await store.createGrant(
    db,
    actor.personId,
    { clinicianId: clinician.id, kinds, untilDate: body.untilDate ?? null },
    ctx.now(),
  );
  return {
    grant: {
      ...grant,
      clinician: { id: clinician.id, name: clinician.display_name, email: clinician.email },
    },
  };
}

export function revokeGrant(ctx: AppContext, actor: Actor, grantId: string): Promise<void> {
  return store.revokeGrant(ctx.store.db, actor.personId, grantId, ctx.now());
}

export async function accessLog(ctx: AppContext, actor: Actor) {
  return { entries: await store.listAccessLog(ctx.store.db, actor.personId) };
}

export async function assignmentsOf(ctx: AppContext, actor: Actor): Promise<OutputOf<typeof getAssignments>> {
  const rows = await store.listAssignmentsOf(ctx.store.db, actor.personId);
  return {
    assignments: rows.map((r) => ({
      id: r.id,
      programId: r.program_id,
      programTitle: programById(r.program_id)?.title ?? r.program_id,
      clinicianName: r.clinician_name,
      note: r.note,
      status: r.status,
      createdAt: r.created_at,
      respondedAt: r.responded_at,
    })),
  };
}

/** Accepting enrols the person from their today, in the same transaction as the answer. */
export async function answerSuggestedProgram(
  ctx: AppContext,
  actor: Actor,
  assignmentId: string,
  answer: 'accept' | 'decline',
): Promise<OutputOf<typeof postAssignmentAnswer>> {
  const { today } = await personToday(ctx, actor.personId);
  return ctx.store.db
    .transaction()
    .execute((trx) =>
      store.respondToAssignment(trx, actor.personId, assignmentId, answer === 'accept', today, ctx.now()),
    );
}

/** The person's own summary of every kind, as a PDF. */
export async function ownReportPdf(ctx: AppContext, actor: Actor, query: Period): Promise<Buffer> {
  const { db } = ctx.store;
  const person = await getPerson(db, actor.personId);
  const period = reportPeriod(query, (await personToday(ctx, actor.personId)).today);
  const summary = buildSummary(
    await readSummaryInput(db, actor.personId, person.display_name, SHARE_KIND_IDS, period),
  );
  return renderSummaryPdf(summary, ctx.now());
}
