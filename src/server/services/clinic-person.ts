/**
 * One person's page for the clinic: the trajectories with their band lines, treatment markers,
 * clinic-only notes, the diary and program adherence beside them — read-only — and the person's
 * questionnaires as FHIR R4. Each read lands in the person's access log.
 */
import { randomUUID } from 'node:crypto';
import type { getClinicPerson } from '../../contract/clinics.ts';
import type { OutputOf } from '../../contract/endpoint.ts';
import { addDays, daysBetween } from '../../core/dates.ts';
import { ValidationError } from '../../core/errors.ts';
import { questionnaireBundle } from '../../core/export/fhir-questionnaire.ts';
import { INSTRUMENTS, isInstrumentId } from '../../core/screeners/instruments.ts';
import { buildSummary } from '../../core/sharing/summary.ts';
import { markersOf, notesOf } from '../../store/clinic-records.ts';
import { membersOfClinic } from '../../store/clinics.ts';
import { listScreenerResponses } from '../../store/screeners.ts';
import { readSummaryInput } from '../../store/shared-summary.ts';
import { logClinicReads, memberAccess, shareLines } from './clinic-access.ts';
import { CASELOAD_NOTICE, caseloadRows } from './clinic-caseload.ts';
import type { Actor, AppContext } from './context.ts';

type PersonPage = OutputOf<typeof getClinicPerson>;

/** The diary period: `to` defaults to the person's today, `from` to 180 days before it. */
function periodOf(query: { from?: string; to?: string }, today: string) {
  const to = query.to ?? today;
  const from = query.from ?? addDays(to, -179);
  if (from > to) throw new ValidationError('from', 'from must be on or before to');
  if (daysBetween(from, to) > 3 * 366)
    throw new ValidationError('from', 'choose a period of up to three years');
  return { from, to };
}

export async function clinicPersonPage(
  ctx: AppContext,
  actor: Actor,
  clinicId: string,
  personId: string,
  query: { from?: string; to?: string },
): Promise<PersonPage> {
  const access = await memberAccess(ctx, actor, clinicId, personId);
  const { member } = access;
  const { db } = ctx.store;
  const period = periodOf(query, member.today);
  const members = (await membersOfClinic(db, clinicId)).filter((m) => m.person_id === personId);
  const [row] = await caseloadRows(ctx, clinicId, members, 'all');
  if (!row) throw new Error('a member without a caseload row');
  const summary = buildSummary(
    await readSummaryInput(db, personId, member.displayName, member.kinds, period),
  );
  const days = summary.diary?.days ?? [];
  const markers = await markersOf(db, clinicId, personId);
  const notes = await notesOf(db, clinicId, personId);
  await logClinicReads(ctx, access, [personId], `clinic person page (${member.kinds.join(', ')})`);
  return {
    person: { personId, displayName: member.displayName, joinedAt: member.joinedAt },
    period,
    today: member.today,
    shares: shareLines(member.kinds),
    need: row.need,
    safetyEvents: row.safetyEvents,
    trajectories: row.scales.map((s) => ({
      ...s,
      bandLines: INSTRUMENTS[s.instrument].bands.map((b) => ({
        key: b.key,
        label: b.label,
        min: b.min,
        max: b.max,
      })),
      scoreRange: { ...INSTRUMENTS[s.instrument].scoreRange },
    })),
    markers: markers.map((m) => ({
      id: m.id,
      date: m.date,
      label: m.label,
      createdBy: m.created_by_name,
      createdAt: m.created_at,
    })),
    notes: notes.map((n) => ({
      id: n.id,
      text: n.text,
      createdBy: n.created_by_name,
      createdAt: n.created_at,
    })),
    schedule: row.schedule,
    diary: {
      days,
      moodSeries: days.flatMap((d) => (d.mood === null ? [] : [{ date: d.date, mood: d.mood }])),
      daysLogged: days.length,
      daysInPeriod: daysBetween(period.from, period.to) + 1,
      lastEntryDate: row.lastEntryDate,
    },
    programs: (summary.programs ?? []).map((p) => ({ ...p, weeks: [...p.weeks] })),
    notice: CASELOAD_NOTICE,
  };
}

/** The person's PHQ-9, GAD-7 and WHO-5 responses with the Questionnaires, as a FHIR R4 Bundle. */
export async function clinicPersonFhir(ctx: AppContext, actor: Actor, clinicId: string, personId: string) {
  const access = await memberAccess(ctx, actor, clinicId, personId);
  const shared = access.member.kinds.includes('questionnaires');
  const rows = shared ? await listScreenerResponses(ctx.store.db, personId) : [];
  await logClinicReads(ctx, access, [personId], 'questionnaires as FHIR');
  return questionnaireBundle({
    person: { id: personId, displayName: access.member.displayName },
    screeners: rows
      .filter((r) => isInstrumentId(r.instrument))
      .map((r) => ({
        id: r.id,
        instrument: r.instrument,
        date: r.date,
        answers: r.answers,
        raw: r.raw,
        score: r.score,
        createdAt: r.createdAt,
      })),
    exportedAt: ctx.now().toISOString(),
    newId: randomUUID,
  });
}
