/**
 * What a clinic writes about a person who shares with it — never into the person's own data:
 * questionnaire schedules, treatment-phase markers and clinic-only notes.
 */
import { randomUUID } from 'node:crypto';
import type { ScheduleWeeks } from '../../core/clinics/schedule.ts';
import { NotFoundError } from '../../core/errors.ts';
import type { InstrumentId } from '../../core/screeners/instruments.ts';
import {
  deleteMarkerOf,
  insertMarker,
  insertNote,
  removeSchedule,
  replaceSchedule,
} from '../../store/clinic-records.ts';
import { memberAccess } from './clinic-access.ts';
import type { Actor, AppContext } from './context.ts';

export async function setSchedule(
  ctx: AppContext,
  actor: Actor,
  ids: { clinicId: string; personId: string; instrument: InstrumentId },
  body: { everyWeeks: ScheduleWeeks; startDate?: string },
) {
  const { clinician, member } = await memberAccess(ctx, actor, ids.clinicId, ids.personId);
  const startDate = body.startDate ?? member.today;
  await ctx.store.db.transaction().execute((trx) =>
    replaceSchedule(trx, {
      id: randomUUID(),
      membership_id: member.membershipId,
      person_id: member.personId,
      instrument: ids.instrument,
      every_weeks: body.everyWeeks,
      start_date: startDate,
      set_by: clinician.id,
      created_at: ctx.now().toISOString(),
    }),
  );
  return { schedule: { instrument: ids.instrument, everyWeeks: body.everyWeeks, startDate } };
}

export async function stopSchedule(
  ctx: AppContext,
  actor: Actor,
  ids: { clinicId: string; personId: string; instrument: InstrumentId },
) {
  const { member } = await memberAccess(ctx, actor, ids.clinicId, ids.personId);
  if (!(await removeSchedule(ctx.store.db, member.membershipId, ids.instrument)))
    throw new NotFoundError('schedule');
}

export async function addMarker(
  ctx: AppContext,
  actor: Actor,
  ids: { clinicId: string; personId: string },
  body: { date: string; label: string },
) {
  const { clinician } = await memberAccess(ctx, actor, ids.clinicId, ids.personId);
  const row = {
    id: randomUUID(),
    clinic_id: ids.clinicId,
    subject_id: ids.personId,
    label: body.label,
    date: body.date,
    created_by: clinician.id,
    created_by_name: clinician.name,
    created_at: ctx.now().toISOString(),
  };
  await insertMarker(ctx.store.db, row);
  return {
    marker: {
      id: row.id,
      date: row.date,
      label: row.label,
      createdBy: row.created_by_name,
      createdAt: row.created_at,
    },
  };
}

export async function deleteMarker(
  ctx: AppContext,
  actor: Actor,
  ids: { clinicId: string; personId: string; markerId: string },
) {
  await memberAccess(ctx, actor, ids.clinicId, ids.personId);
  if (!(await deleteMarkerOf(ctx.store.db, ids.clinicId, ids.personId, ids.markerId)))
    throw new NotFoundError('marker');
}

export async function addNote(
  ctx: AppContext,
  actor: Actor,
  ids: { clinicId: string; personId: string },
  text: string,
) {
  const { clinician } = await memberAccess(ctx, actor, ids.clinicId, ids.personId);
  const row = {
    id: randomUUID(),
    clinic_id: ids.clinicId,
    subject_id: ids.personId,
    text,
    created_by: clinician.id,
    created_by_name: clinician.name,
    created_at: ctx.now().toISOString(),
  };
  await insertNote(ctx.store.db, row);
  return { note: { id: row.id, text: row.text, createdBy: row.created_by_name, createdAt: row.created_at } };
}
