/**
 * The caseload: everyone who shares with the clinic, sorted by need (core/clinics/need.ts), in a
 * fixed number of queries whatever the size of the clinic; and its CSV. Every person shown gets a
 * line in their access log.
 */
import type { getCaseload } from '../../contract/clinics.ts';
import type { OutputOf } from '../../contract/endpoint.ts';
import {
  CASELOAD_CSV_COLUMNS,
  type CaseloadPerson,
  caseloadCsvRow,
  caseloadPerson,
  DIARY_RULE_LOOKBACK_DAYS,
  windowStart,
} from '../../core/clinics/caseload.ts';
import { sortByNeed } from '../../core/clinics/need.ts';
import { RELIABLE_CHANGE_BASIS } from '../../core/clinics/reliable-change.ts';
import type { Schedule, ScheduleWeeks } from '../../core/clinics/schedule.ts';
import { addDays, localDateAt } from '../../core/dates.ts';
import { toCsv } from '../../core/export/csv.ts';
import { ANSWERS_READ_FOR } from '../../core/safety/escalation.ts';
import { isInstrumentId, NOT_A_DIAGNOSIS } from '../../core/screeners/instruments.ts';
import {
  caseloadMoods,
  caseloadRecentScores,
  caseloadScores,
  lastEntryDates,
  recentAnswers,
  safetyInputs,
} from '../../store/clinic-caseload.ts';
import { schedulesOf } from '../../store/clinic-records.ts';
import { membersOfClinic } from '../../store/clinics.ts';
import { getPerson } from '../../store/people.ts';
import { logClinicReads, parseKinds, type StaffAccess, staffAccess } from './clinic-access.ts';
import type { Actor, AppContext } from './context.ts';

export const CASELOAD_NOTICE = `${NOT_A_DIAGNOSIS} Reliable change, response and remission describe changes in scores, not a person’s diagnosis.`;

type Member = Awaited<ReturnType<typeof membersOfClinic>>[number];

/** Schedules by membership id, keeping only instruments Gutbrain knows. */
export function schedulesByMembership(rows: Awaited<ReturnType<typeof schedulesOf>>) {
  const out = new Map<string, Schedule[]>();
  for (const s of rows) {
    if (!isInstrumentId(s.instrument)) continue;
    const list = out.get(s.membership_id) ?? [];
    list.push({
      instrument: s.instrument,
      everyWeeks: s.every_weeks as ScheduleWeeks,
      startDate: s.start_date,
    });
    out.set(s.membership_id, list);
  }
  return out;
}

/**
 * Builds the rows of these members of the clinic in a fixed number of queries for all of them. With
 * `history: 'recent'` (the caseload) each questionnaire's series is its baseline and the scores of
 * the window; with `'all'` (one person's page) every score from the baseline on.
 */
export async function caseloadRows(
  ctx: AppContext,
  clinicId: string,
  members: readonly Member[],
  history: 'recent' | 'all',
): Promise<CaseloadPerson[]> {
  const { db } = ctx.store;
  const now = ctx.now();
  const ids = members.map((m) => m.person_id);
  // Each member's today, worked out once per time zone (most of a clinic shares a few).
  const zoneToday = new Map<string, string>();
  const todayIn = (zone: string) => {
    let today = zoneToday.get(zone);
    if (today === undefined) {
      today = localDateAt(now, zone);
      zoneToday.set(zone, today);
    }
    return today;
  };
  const todayOf = new Map(members.map((m) => [m.person_id, todayIn(m.time_zone)]));
  const earliestToday = [...todayOf.values()].sort()[0] ?? localDateAt(now, 'UTC');
  const latestToday = [...todayOf.values()].sort().at(-1) ?? earliestToday;
  const windowFrom = windowStart(earliestToday);
  const scores =
    history === 'all' ? await caseloadScores(db, ids) : await caseloadRecentScores(db, clinicId, windowFrom);
  const answers = await recentAnswers(db, ids, windowFrom, ANSWERS_READ_FOR);
  const moodsFrom = addDays(windowFrom, -DIARY_RULE_LOOKBACK_DAYS);
  const moods = await caseloadMoods(db, ids, moodsFrom, latestToday);
  const noMoods = { from: moodsFrom, moods: [] };
  const lastEntries = await lastEntryDates(db, ids);
  const schedules = schedulesByMembership(
    await schedulesOf(
      db,
      members.map((m) => m.id),
    ),
  );
  return members.map((m) =>
    caseloadPerson({
      personId: m.person_id,
      displayName: m.display_name,
      joinedAt: m.joined_at,
      joinedDate: localDateAt(new Date(m.joined_at), m.time_zone),
      today: todayOf.get(m.person_id) ?? earliestToday,
      kinds: parseKinds(m.kinds),
      results: safetyInputs(scores.get(m.person_id) ?? [], answers),
      moods: moods.get(m.person_id) ?? noMoods,
      schedules: schedules.get(m.id) ?? [],
      lastEntryDate: lastEntries.get(m.person_id) ?? null,
    }),
  );
}

async function sortedCaseload(ctx: AppContext, staff: StaffAccess, what: string) {
  const members = await membersOfClinic(ctx.store.db, staff.clinic.id);
  const people = sortByNeed(await caseloadRows(ctx, staff.clinic.id, members, 'recent'));
  await logClinicReads(
    ctx,
    staff,
    people.map((p) => p.personId),
    what,
  );
  return people;
}

const basisList = () => Object.values(RELIABLE_CHANGE_BASIS).filter((b) => b !== undefined);

export async function caseload(
  ctx: AppContext,
  actor: Actor,
  clinicId: string,
): Promise<OutputOf<typeof getCaseload>> {
  const staff = await staffAccess(ctx, actor, clinicId);
  const people = await sortedCaseload(ctx, staff, 'clinic caseload: questionnaire scores and daily mood');
  const me = await getPerson(ctx.store.db, actor.personId);
  return {
    clinic: {
      id: staff.clinic.id,
      name: staff.clinic.name,
      role: staff.clinic.role,
      createdAt: staff.clinic.createdAt,
    },
    today: localDateAt(ctx.now(), me.time_zone),
    people,
    reliableChangeBasis: basisList(),
    notice: CASELOAD_NOTICE,
  };
}

export async function caseloadCsv(ctx: AppContext, actor: Actor, clinicId: string): Promise<string> {
  const staff = await staffAccess(ctx, actor, clinicId);
  const people = await sortedCaseload(ctx, staff, 'clinic caseload (CSV download)');
  return toCsv(CASELOAD_CSV_COLUMNS, people.map(caseloadCsvRow));
}
