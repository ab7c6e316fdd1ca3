/**
 * The clinician's side of sharing: the people who granted access, each one's summary and PDF, and
 * assigning a program. Every read goes through core/sharing/access.ts and lands in the person's
 * access log; no live grant answers 404, exactly like a person who does not exist.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { localDate } from '../../core/date-schemas.ts';
import { addDays, localDateAt } from '../../core/dates.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import { programById } from '../../core/programs/index.ts';
import { grantedKinds, isLive, mayRead } from '../../core/sharing/access.ts';
import { buildSummary } from '../../core/sharing/summary.ts';
import { getPerson } from '../../store/people.ts';
import { readSummaryInput } from '../../store/shared-summary.ts';
import { createAssignment, grantsToClinician, logAccess } from '../../store/sharing.ts';
import type { AppContext } from '../context.ts';
import { requirePerson } from '../plugins/auth.ts';
import { HttpError, parseInput } from '../plugins/errors.ts';
import { renderSummaryPdf } from '../reports/summary-pdf.ts';

const personParams = z.strictObject({ personId: z.uuid({ error: 'must be an id' }) });
const periodQuery = z.strictObject({ from: localDate.optional(), to: localDate.optional() });
const assignBody = z.strictObject({
  programId: z.string().min(1).max(100),
  note: z.string().trim().max(1000).optional(),
});

export function registerClinicianRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;

  async function requireClinician(req: FastifyRequest) {
    const clinician = await getPerson(db, requirePerson(req));
    if (clinician.role !== 'clinician') {
      throw new HttpError(403, 'not_a_clinician', 'Only clinician accounts have a clinician dashboard.');
    }
    return clinician;
  }

  /** The person, their local today and the grant that lets this clinician read them — or 404. */
  async function sharedPerson(req: FastifyRequest) {
    const clinician = await requireClinician(req);
    const { personId } = parseInput(personParams, req.params, 'params');
    const grants = await grantsToClinician(db, clinician.id);
    const mine = grants.filter((g) => g.personId === personId);
    if (mine.length === 0) throw new NotFoundError('person');
    const person = await getPerson(db, personId);
    const today = localDateAt(ctx.now(), person.time_zone);
    const grant = mayRead(mine, { clinicianId: clinician.id, personId, today });
    if (!grant) throw new NotFoundError('person');
    return { clinician, person, today, grant };
  }

  function period(req: FastifyRequest, today: string) {
    const q = parseInput(periodQuery, req.query, 'query');
    const to = q.to ?? today;
    const from = q.from ?? addDays(to, -89);
    if (from > to) throw new ValidationError('from', 'from must be on or before to');
    return { from, to };
  }

  app.get('/api/clinician/people', async (req) => {
    const clinician = await requireClinician(req);
    const grants = await grantsToClinician(db, clinician.id);
    const people = [];
    for (const g of grants) {
      const person = await getPerson(db, g.personId);
      if (!isLive(g, localDateAt(ctx.now(), person.time_zone))) continue;
      people.push({
        personId: person.id,
        displayName: person.display_name,
        kinds: grantedKinds(g),
        untilDate: g.untilDate,
      });
    }
    return { people };
  });

  app.get('/api/clinician/people/:personId/summary', async (req) => {
    const { clinician, person, today, grant } = await sharedPerson(req);
    const kinds = grantedKinds(grant);
    const input = await readSummaryInput(db, person.id, person.display_name, kinds, period(req, today));
    await logAccess(
      db,
      {
        personId: person.id,
        clinicianId: clinician.id,
        clinicianName: clinician.display_name,
        what: `summary (${kinds.join(', ')})`,
      },
      ctx.now(),
    );
    return { summary: buildSummary(input) };
  });

  app.get('/api/clinician/people/:personId/report.pdf', async (req, reply) => {
    const { clinician, person, today, grant } = await sharedPerson(req);
    const kinds = grantedKinds(grant);
    const summary = buildSummary(
      await readSummaryInput(db, person.id, person.display_name, kinds, period(req, today)),
    );
    await logAccess(
      db,
      {
        personId: person.id,
        clinicianId: clinician.id,
        clinicianName: clinician.display_name,
        what: `PDF report (${kinds.join(', ')})`,
      },
      ctx.now(),
    );
    const pdf = await renderSummaryPdf(summary, ctx.now());
    return reply
      .header('content-type', 'application/pdf')
      .header('content-disposition', 'attachment; filename="gutbrain-summary.pdf"')
      .header('cache-control', 'no-store')
      .send(pdf);
  });

  app.post('/api/clinician/people/:personId/assignments', async (req, reply) => {
    const { clinician, person } = await sharedPerson(req);
    const body = parseInput(assignBody, req.body, 'body');
    if (!programById(body.programId))
      throw new ValidationError('programId', 'programId is not a program Gutbrain knows');
    const row = await createAssignment(
      db,
      {
        personId: person.id,
        clinicianId: clinician.id,
        clinicianName: clinician.display_name,
        programId: body.programId,
        note: body.note ?? null,
      },
      ctx.now(),
    );
    return reply.code(201).send({
      assignment: { id: row.id, programId: row.program_id, status: row.status, createdAt: row.created_at },
    });
  });
}
