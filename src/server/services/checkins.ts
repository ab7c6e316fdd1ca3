/** The daily check-in: read, save (create or update the day), delete; list a range for History. */

import type { getCheckin, listCheckins, putCheckin } from '../../contract/checkins.ts';
import type { OutputOf } from '../../contract/endpoint.ts';
import {
  CHECKIN_FIELD_MEASURE,
  type Checkin,
  checkinToObservations,
  deriveCheckin,
  observationsToCheckin,
} from '../../core/checkin/checkin.ts';
import { notInFuture } from '../../core/dates.ts';
import { NotFoundError } from '../../core/errors.ts';
import {
  CHECKIN_SOURCE,
  deleteDayObservations,
  getDayObservations,
  type ImportedDayObservations,
  listDays,
  listImportedDays,
  replaceDayObservations,
} from '../../store/observations.ts';
import { type Actor, type AppContext, personToday } from './context.ts';
import { type AcceptLanguage, diarySupport } from './safety.ts';

type CheckinDay = OutputOf<typeof getCheckin>;

const CHECKIN_MEASURES = Object.values(CHECKIN_FIELD_MEASURE);

/**
 * A day as History and Today show it: the person's own check-in (editable) and, beside it, what
 * was imported from another tracker for that date (read-only, marked with its app).
 */
function dayAnswer(date: string, own: Checkin, imported: readonly ImportedDayObservations[]): CheckinDay {
  return {
    date,
    checkin: own,
    derived: deriveCheckin(own),
    ...(imported.length > 0
      ? {
          imported: imported.map((i) => {
            const checkin = observationsToCheckin(i.values);
            return { source: i.source, checkin, derived: deriveCheckin(checkin) };
          }),
        }
      : {}),
  };
}

export async function checkinDays(
  ctx: AppContext,
  actor: Actor,
  q: { from?: string; to?: string; limit?: number },
): Promise<OutputOf<typeof listCheckins>> {
  const { db } = ctx.store;
  const own = await listDays(db, actor.personId, CHECKIN_SOURCE, { from: q.from, to: q.to });
  const imported = await listImportedDays(db, actor.personId, CHECKIN_MEASURES, q);
  const byDate = new Map<string, { own: Checkin; imported: ImportedDayObservations[] }>();
  for (const d of own) byDate.set(d.date, { own: observationsToCheckin(d.values), imported: [] });
  for (const i of imported) {
    const day = byDate.get(i.date) ?? { own: {}, imported: [] };
    day.imported.push(i);
    byDate.set(i.date, day);
  }
  const dates = [...byDate.keys()].sort().reverse().slice(0, q.limit);
  return {
    days: dates.map((date) => {
      const day = byDate.get(date) as { own: Checkin; imported: ImportedDayObservations[] };
      return dayAnswer(date, day.own, day.imported);
    }),
  };
}

export async function checkinDay(ctx: AppContext, actor: Actor, date: string): Promise<CheckinDay> {
  const { db } = ctx.store;
  const values = await getDayObservations(db, actor.personId, date, CHECKIN_SOURCE);
  const imported = await listImportedDays(db, actor.personId, CHECKIN_MEASURES, { from: date, to: date });
  if (values.length === 0 && imported.length === 0) throw new NotFoundError('check-in');
  return dayAnswer(date, observationsToCheckin(values), imported);
}

/** Saves the day; the diary safety rule is re-checked at every save and `support` comes first when it fires. */
export async function saveCheckin(
  ctx: AppContext,
  actor: Actor,
  date: string,
  checkin: Checkin,
  acceptLanguage: AcceptLanguage,
): Promise<OutputOf<typeof putCheckin>> {
  const day = await personToday(ctx, actor.personId);
  notInFuture('date', date, day.today, 'check in for today or an earlier day');
  const rows = checkinToObservations(checkin);
  await replaceDayObservations(ctx.store.db, actor.personId, date, CHECKIN_SOURCE, rows, ctx.now());
  // The day's check-in rows are now exactly `rows`: answer from them instead of reading back.
  const saved = observationsToCheckin(rows);
  const support = await diarySupport(ctx, actor.personId, acceptLanguage, day);
  return { ...(support ? { support } : {}), date, checkin: saved, derived: deriveCheckin(saved) };
}

export async function deleteCheckinDay(ctx: AppContext, actor: Actor, date: string): Promise<void> {
  const removed = await deleteDayObservations(ctx.store.db, actor.personId, date, CHECKIN_SOURCE);
  if (removed === 0) throw new NotFoundError('check-in');
}
