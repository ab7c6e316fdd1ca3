/**
 * Sharing with a clinician or coach, the person's side: become a clinician account, grant and
 * revoke access, read the access log, answer assigned programs, download the printable summary.
 * The clinician's side lives in clinician.ts and is registered from here.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { localDate } from '../../core/date-schemas.ts';
import { addDays, localDateAt } from '../../core/dates.ts';
import { ValidationError } from '../../core/errors.ts';
import { programById } from '../../core/programs/index.ts';
import { isLive, SHARE_KIND_IDS, SHARE_KINDS, type ShareKind } from '../../core/sharing/access.ts';
import { buildSummary } from '../../core/sharing/summary.ts';
import { getPerson } from '../../store/people.ts';
import { readSummaryInput } from '../../store/shared-summary.ts';
import {
  createGrant,
  findClinicianByEmail,
  listAccessLog,
  listAssignmentsOf,
  listGrantsOf,
  respondToAssignment,
  revokeGrant,
  setRole,
} from '../../store/sharing.ts';
import type { AppContext } from '../context.ts';
import { requirePerson } from '../plugins/auth.ts';
import { parseInput } from '../plugins/errors.ts';
import { renderSummaryPdf } from '../reports/summary-pdf.ts';
import { registerClinicianRoutes } from './clinician.ts';

const grantBody = z.strictObject({
  clinicianEmail: z.string().trim().min(3).max(254),
  kinds: z
    .array(z.enum(SHARE_KIND_IDS as [ShareKind, ...ShareKind[]]))
    .min(1, { error: 'choose at least one kind, or leave kinds out to share everything' })
    .optional(),
  untilDate: localDate.optional(),
});
const roleBody = z.strictObject({ clinician: z.boolean() });
const idParams = z.strictObject({ id: z.uuid({ error: 'must be an id' }) });
const answerParams = z.strictObject({
  id: z.uuid({ error: 'must be an id' }),
  answer: z.enum(['accept', 'decline']),
});
const periodQuery = z.strictObject({ from: localDate.optional(), to: localDate.optional() });

export function registerSharingRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;
  const today = async (personId: string) => localDateAt(ctx.now(), (await getPerson(db, personId)).time_zone);

  app.get('/api/sharing/kinds', async (req) => {
    requirePerson(req);
    return { kinds: SHARE_KIND_IDS.map((id) => ({ id, label: SHARE_KINDS[id].label })) };
  });

  app.put('/api/sharing/role', async (req) => {
    const personId = requirePerson(req);
    const body = parseInput(roleBody, req.body, 'body');
    await setRole(db, personId, body.clinician ? 'clinician' : 'person', ctx.now());
    return { role: body.clinician ? 'clinician' : 'person' };
  });

  app.get('/api/sharing/grants', async (req) => {
    const personId = requirePerson(req);
    const day = await today(personId);
    const grants = await listGrantsOf(db, personId);
    return { grants: grants.map((g) => ({ ...g, live: isLive(g, day) })) };
  });

  app.post('/api/sharing/grants', async (req, reply) => {
    const personId = requirePerson(req);
    const body = parseInput(grantBody, req.body, 'body');
    const clinician = await findClinicianByEmail(db, body.clinicianEmail);
    if (!clinician)
      throw new ValidationError(
        'clinicianEmail',
        'No clinician account on this Gutbrain has that email. Check the address, or ask them to sign up and choose “Make this a clinician account” under Data & sharing.',
      );
    if (clinician.id === personId)
      throw new ValidationError('clinicianEmail', 'That is your own account: enter your clinician’s email.');
    if (body.untilDate && body.untilDate < (await today(personId))) {
      throw new ValidationError('untilDate', 'The end date is in the past: choose today or a later day.');
    }
    const kinds = body.kinds ? [...new Set(body.kinds)] : null;
    const grant = await createGrant(
      db,
      personId,
      { clinicianId: clinician.id, kinds, untilDate: body.untilDate ?? null },
      ctx.now(),
    );
    return reply.code(201).send({
      grant: {
        ...grant,
        clinician: { id: clinician.id, name: clinician.display_name, email: clinician.email },
      },
    });
  });

  app.delete('/api/sharing/grants/:id', async (req, reply) => {
    const personId = requirePerson(req);
    const { id } = parseInput(idParams, req.params, 'params');
    await revokeGrant(db, personId, id, ctx.now());
    return reply.code(204).send();
  });

  app.get('/api/sharing/access-log', async (req) => {
    const personId = requirePerson(req);
    return { entries: await listAccessLog(db, personId) };
  });

  app.get('/api/sharing/assignments', async (req) => {
    const personId = requirePerson(req);
    const rows = await listAssignmentsOf(db, personId);
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
  });

  app.post('/api/sharing/assignments/:id/:answer', async (req) => {
    const personId = requirePerson(req);
    const { id, answer } = parseInput(answerParams, req.params, 'params');
    return respondToAssignment(db, personId, id, answer === 'accept', await today(personId), ctx.now());
  });

  app.get('/api/sharing/report.pdf', async (req, reply) => {
    const personId = requirePerson(req);
    const person = await getPerson(db, personId);
    const q = parseInput(periodQuery, req.query, 'query');
    const to = q.to ?? (await today(personId));
    const from = q.from ?? addDays(to, -89);
    if (from > to) throw new ValidationError('from', 'from must be on or before to');
    const summary = buildSummary(
      await readSummaryInput(db, personId, person.display_name, SHARE_KIND_IDS, { from, to }),
    );
    const pdf = await renderSummaryPdf(summary, ctx.now());
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', 'attachment; filename="gutbrain-summary.pdf"')
      .header('cache-control', 'no-store')
      .send(pdf);
  });

  registerClinicianRoutes(app, ctx);
}
