/**
 * The clinician's side of sharing. Every read of a person goes through core/sharing/access.ts
 * (`mayRead`) and lands in the person's access log; no live grant is a 404, exactly like a person
 * who does not exist, so a clinician cannot even learn that someone has an account.
 */
import type { getSharedPeople, getSharedSummary, postSuggestedProgram } from '../../contract/clinician.ts';
import type { OutputOf, ParsedInput } from '../../contract/endpoint.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import { programById } from '../../core/programs/index.ts';
import { grantedKinds, isLive, mayRead } from '../../core/sharing/access.ts';
import { buildSummary } from '../../core/sharing/summary.ts';
import { getPerson } from '../../store/people.ts';
import { readSummaryInput } from '../../store/shared-summary.ts';
import { createAssignment, grantsToClinician, logAccess } from '../../store/sharing.ts';
import { HttpError } from '../plugins/errors.ts';
import { renderSummaryPdf } from '../reports/summary-pdf.ts';
import { type Actor, type AppContext, personToday } from './context.ts';
import { reportPeriod } from './sharing.ts';

type Period = { from?: string | undefined; to?: string | undefined };

/** The acting account, when it is a clinician account; 403 otherwise. */
async function requireClinician(ctx: AppContext, actor: Actor) {
  const clinician = await getPerson(ctx.store.db, actor.personId);
  if (clinician.role !== 'clinician') {
    throw new HttpError(403, 'not_a_clinician', 'Only clinician accounts have a clinician dashboard.');
  }
  return clinician;
}

/** The person, their local today and the grant that lets this clinician read them — or 404. */
async function sharedPerson(ctx: AppContext, actor: Actor, personId: string) {
  const clinician = await requireClinician(ctx, actor);
  const mine = (await grantsToClinician(ctx.store.db, clinician.id)).filter((g) => g.personId === personId);
  if (mine.length === 0) throw new NotFoundError('person');
  const { today } = await personToday(ctx, personId);
  const grant = mayRead(mine, { clinicianId: clinician.id, personId, today });
  if (!grant) throw new NotFoundError('person');
  const person = await getPerson(ctx.store.db, personId);
  return { clinician, person, today, grant };
}

export async function sharedPeople(ctx: AppContext, actor: Actor): Promise<OutputOf<typeof getSharedPeople>> {
  const { db } = ctx.store;
  const clinician = await requireClinician(ctx, actor);
  const people: OutputOf<typeof getSharedPeople>['people'] = [];
  for (const g of await grantsToClinician(db, clinician.id)) {
    if (!isLive(g, (await personToday(ctx, g.personId)).today)) continue;
    const person = await getPerson(db, g.personId);
    people.push({
      personId: person.id,
      displayName: person.display_name,
      kinds: grantedKinds(g),
      untilDate: g.untilDate,
    });
  }
  return { people };
}

/** Builds the summary of the granted kinds and logs the read under `what`. */
async function readShared(ctx: AppContext, actor: Actor, personId: string, query: Period, what: string) {
  const { clinician, person, today, grant } = await sharedPerson(ctx, actor, personId);
  const kinds = grantedKinds(grant);
  const input = await readSummaryInput(
    ctx.store.db,
    person.id,
    person.display_name,
    kinds,
    reportPeriod(query, today),
  );
  await logAccess(
    ctx.store.db,
    {
      personId: person.id,
      clinicianId: clinician.id,
      clinicianName: clinician.display_name,
      what: `${what} (${kinds.join(', ')})`,
    },
    ctx.now(),
  );
  return buildSummary(input);
}

export async function sharedSummary(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  query: Period,
): Promise<OutputOf<typeof getSharedSummary>> {
  return { summary: await readShared(ctx, actor, personId, query, 'summary') };
}

export async function sharedReportPdf(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  query: Period,
): Promise<Buffer> {
  return renderSummaryPdf(await readShared(ctx, actor, personId, query, 'PDF report'), ctx.now());
}

export async function suggestProgramTo(
  ctx: AppContext,
  actor: Actor,
  personId: string,
  body: ParsedInput<typeof postSuggestedProgram>['body'],
): Promise<OutputOf<typeof postSuggestedProgram>> {
  const { clinician, person } = await sharedPerson(ctx, actor, personId);
  if (!programById(body.programId))
    throw new ValidationError('programId', 'programId is not a program Gutbrain knows');
  const row = await createAssignment(
    ctx.store.db,
    {
      personId: person.id,
      clinicianId: clinician.id,
      clinicianName: clinician.display_name,
      programId: body.programId,
      note: body.note ?? null,
    },
    ctx.now(),
  );
  return {
    assignment: { id: row.id, programId: row.program_id, status: row.status, createdAt: row.created_at },
  };
}
