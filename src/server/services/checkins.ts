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
  type DayObservations,
  deleteDayObservations,
  getDayObservations,
  IMPORTED_SOURCES,
  type ImportedDayObservations,
  listImportedDays,
  listSourcedValues,
  replaceDayObservations,
} from '../../store/observations.ts';
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

const HISTORY_SOURCES = [CHECKIN_SOURCE, ...TRACKER_SOURCES, ...WEARABLE_SOURCES];
const WEARABLE_SOURCE_SET = new Set<string>(WEARABLE_SOURCES);
const CHECKIN_MEASURE_SET = new Set<string>(CHECKIN_MEASURES);

/**
 * History's days: every date with a check-in, imported tracker values or device values (a day a
 * watch recorded and the person did not check in is still a day), newest first, at most `limit`.
 */
export async function checkinDays(
  ctx: AppContext,
  actor: Actor,
  q: { from?: string; to?: string; limit?: number },
): Promise<OutputOf<typeof listCheckins>> {
  const span = { from: q.from, to: q.to };
  const rows = await listSourcedValues(ctx.store.db, actor.personId, HISTORY_SOURCES, span);
  const own = new Map<string, DayObservations['values']>();
  const imported = new Map<string, Map<string, ImportedDayObservations>>();
  const deviceDates = new Set<string>();
  for (const r of rows) {
    const value = { measure: r.measure, value: r.value, text: r.text };
    if (r.source === CHECKIN_SOURCE) {
      const values = own.get(r.date);
      if (values) values.push(value);
      else own.set(r.date, [value]);
    } else if (WEARABLE_SOURCE_SET.has(r.source)) deviceDates.add(r.date);
    else if (CHECKIN_MEASURE_SET.has(r.measure)) {
      const bySource = imported.get(r.date) ?? new Map<string, ImportedDayObservations>();
      imported.set(r.date, bySource);
      const day = bySource.get(r.source);
      if (day) day.values.push(value);
      else bySource.set(r.source, { date: r.date, source: r.source, values: [value] });
    }
  }
  const dates = [...new Set([...own.keys(), ...imported.keys(), ...deviceDates])]
    .sort()
    .reverse()
    .slice(0, q.limit);
  // Device values only when some kept date has them, and only for the span of the dates kept.
  const devices = dates.some((d) => deviceDates.has(d))
    ? await deviceValuesByDate(ctx, actor.personId, { from: dates[dates.length - 1], to: dates[0] })
    : new Map<string, DeviceValue[]>();
  return {
    days: dates.map((date) => {
      const trackers = [...(imported.get(date)?.values() ?? [])].sort((a, b) =>
        a.source < b.source ? -1 : a.source > b.source ? 1 : 0,
      );
      const values = devices.get(date);
      return {
        ...dayAnswer(date, observationsToCheckin(own.get(date) ?? []), trackers),
        ...(values ? { devices: values } : {}),
      };
    }),
  };
}

export async function checkinDay(ctx: AppContext, actor: Actor, date: string): Promise<CheckinDay> {
  const { db } = ctx.store;
  const values = await getDayObservations(db, actor.personId, date, CHECKIN_SOURCE);
  // Device exports are not repeated here: Today reads them whole from GET /api/wearables/days/:date.
  const imported = await listImportedDays(
    db,
    actor.personId,
    CHECKIN_MEASURES,
    { from: date, to: date },
    TRACKER_SOURCES,
  );
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
