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
import { WEARABLE_SOURCES } from '../../core/wearables/samples.ts';
import {
  CHECKIN_SOURCE,
  deleteDayObservations,
  getDayObservations,
  IMPORTED_SOURCES,
  type ImportedDayObservations,
  listDays,
  listImportedDays,
  replaceDayObservations,
} from '../../store/observations.ts';
import { deviceDates } from '../../store/wearables.ts';
import { type Actor, type AppContext, personToday } from './context.ts';
import { type AcceptLanguage, diarySupport } from './safety.ts';
import { type DeviceValue, deviceValuesByDate } from './wearables.ts';

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

/** Imported sources other than device exports: those come whole, as device values, in History's `devices`. */
const TRACKER_SOURCES = IMPORTED_SOURCES.filter((s) => !(WEARABLE_SOURCES as readonly string[]).includes(s));

interface HistoryDayParts {
  own: Checkin;
  imported: ImportedDayObservations[];
}

/**
 * History's days: every date with a check-in, imported tracker values or device values (a day a
 * watch recorded and the person did not check in is still a day), newest first, at most `limit`.
 */
export async function checkinDays(
  ctx: AppContext,
  actor: Actor,
  q: { from?: string; to?: string; limit?: number },
): Promise<OutputOf<typeof listCheckins>> {
  const { db } = ctx.store;
  const span = { from: q.from, to: q.to };
  const own = await listDays(db, actor.personId, CHECKIN_SOURCE, span);
  const imported = await listImportedDays(db, actor.personId, CHECKIN_MEASURES, span, TRACKER_SOURCES);
  const byDate = new Map<string, HistoryDayParts>();
  const partsOf = (date: string) => {
    const day = byDate.get(date) ?? { own: {}, imported: [] };
    byDate.set(date, day);
    return day;
  };
  for (const d of own) partsOf(d.date).own = observationsToCheckin(d.values);
  for (const i of imported) partsOf(i.date).imported.push(i);
  for (const date of await deviceDates(db, actor.personId, span, WEARABLE_SOURCES)) partsOf(date);
  const dates = [...byDate.keys()].sort().reverse().slice(0, q.limit);
  // Device values only for the dates kept: the newest `limit` dates are every date between the two ends.
  const devices =
    dates.length > 0
      ? await deviceValuesByDate(ctx, actor.personId, { from: dates[dates.length - 1], to: dates[0] })
      : new Map<string, DeviceValue[]>();
  return {
    days: dates.map((date) => {
      const day = byDate.get(date) as HistoryDayParts;
      const values = devices.get(date);
      return { ...dayAnswer(date, day.own, day.imported), ...(values ? { devices: values } : {}) };
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
