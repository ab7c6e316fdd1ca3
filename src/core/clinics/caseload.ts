/**
 * One person's row of a clinic's caseload, from plain data: their scores, recent results with
 * answers (for item 9 and red flags), daily moods, schedules and the date of their last diary entry.
 * The caseload page, the CSV and one person's page all build from this.
 *
 * @example caseloadPerson({ personId, displayName, joinedAt, joinedDate, today, kinds, scores, … })
 */
import { addDays, daysBetween } from '../dates.ts';
import type { MoodsByDay } from '../safety/diary.ts';
import { INSTRUMENT_IDS, INSTRUMENTS } from '../screeners/instruments.ts';
import type { ShareKind } from '../sharing/access.ts';
import type { SafetyInputResult } from '../sharing/safety-summary.ts';
import { type Need, needOf } from './need.ts';
import { type ScaleSummary, scaleSummary } from './outcomes.ts';
import { type ClinicSafetyEvent, clinicSafetyEvents } from './safety-events.ts';
import { type DueStatus, dueStatus, type Schedule } from './schedule.ts';

/** Safety events and the mood sparkline cover the last 12 weeks. */
export const CASELOAD_WINDOW_DAYS = 84;
/** The diary rule looks back 14 days, so moods are read from this many days before the window. */
export const DIARY_RULE_LOOKBACK_DAYS = 14;

export interface CaseloadInput {
  personId: string;
  displayName: string;
  joinedAt: string;
  /** The person's local date of joining, and their today. */
  joinedDate: string;
  today: string;
  kinds: readonly ShareKind[];
  /** Every questionnaire and signals result (answers may be empty outside the window), any order. */
  results: readonly SafetyInputResult[];
  /** Moods by day, covering the window's start minus 14 days to today (days outside count as not logged). */
  moods: MoodsByDay;
  schedules: readonly Schedule[];
  lastEntryDate: string | null;
}

export interface CaseloadPerson {
  personId: string;
  displayName: string;
  joinedAt: string;
  need: Need;
  safetyEvents: ClinicSafetyEvent[];
  scales: ScaleSummary[];
  /** Daily mood over the window: one value per calendar day from `from` to today, null when not logged. */
  moodSeries: DailyMoods;
  lastEntryDate: string | null;
  schedule: (DueStatus & { name: string })[];
}

/**
 * One value per calendar day from `from`, null on days without one: a caseload of 500 people sends
 * 42,000 of these, so not as `{ date, mood }` pairs.
 */
export interface DailyMoods {
  from: string;
  moods: (number | null)[];
}

/**
 * The moods of the days from `from` to `to`, null where none was logged: `dailyMoods({ from:
 * '2026-02-28', moods: [5, undefined, 4] }, '2026-03-01', '2026-03-03')` → `{ from: '2026-03-01',
 * moods: [null, 4, null] }`.
 */
export function dailyMoods(series: MoodsByDay, from: string, to: string): DailyMoods {
  const moods: (number | null)[] = new Array(Math.max(0, daysBetween(from, to) + 1));
  const offset = daysBetween(series.from, from);
  for (let i = 0; i < moods.length; i++) moods[i] = series.moods[i + offset] ?? null;
  return { from, moods };
}

const NO_MOODS: MoodsByDay = { from: '1970-01-01', moods: [] };

/** The window's first day for `today`. */
export const windowStart = (today: string) => addDays(today, -(CASELOAD_WINDOW_DAYS - 1));

export function caseloadPerson(input: CaseloadInput): CaseloadPerson {
  const questionnaires = input.kinds.includes('questionnaires');
  const diary = input.kinds.includes('diary');
  const from = windowStart(input.today);
  const results = questionnaires ? input.results : [];
  const moods = diary ? input.moods : NO_MOODS;
  // One pass over the results: each instrument's scores, and the last date each was filled in.
  const scores = new Map<string, { date: string; score: number }[]>();
  const lastTaken = new Map<string, string>();
  for (const r of results) {
    if ((lastTaken.get(r.instrument) ?? '') < r.date) lastTaken.set(r.instrument, r.date);
    if (r.score === null) continue;
    const list = scores.get(r.instrument);
    if (list) list.push({ date: r.date, score: r.score });
    else scores.set(r.instrument, [{ date: r.date, score: r.score }]);
  }
  const scales = INSTRUMENT_IDS.map((id) => scaleSummary(id, scores.get(id) ?? [], input.joinedDate));
  const safetyEvents = clinicSafetyEvents({ results, moods, from, to: input.today });
  const schedule = questionnaires
    ? input.schedules.map((s) => ({
        ...dueStatus(s, lastTaken.get(s.instrument) ?? null, input.today),
        name: INSTRUMENTS[s.instrument].shortName,
      }))
    : [];
  const need = needOf({ displayName: input.displayName, safetyEvents, scales, schedule });
  return {
    personId: input.personId,
    displayName: input.displayName,
    joinedAt: input.joinedAt,
    need,
    safetyEvents,
    scales,
    moodSeries: dailyMoods(moods, from, input.today),
    lastEntryDate: diary ? input.lastEntryDate : null,
    schedule,
  };
}

const CSV_SCALE_COLUMNS = [
  'latest_date',
  'latest_score',
  'band',
  'baseline_date',
  'baseline_score',
  'change',
  'rci',
  'reliable_change',
] as const;

/** The caseload's CSV columns: one row per person, in the order of need. */
export const CASELOAD_CSV_COLUMNS = [
  'name',
  'joined',
  'need',
  'reasons',
  ...INSTRUMENT_IDS.flatMap((id) => CSV_SCALE_COLUMNS.map((c) => `${id}_${c}`)),
  'phq9_response',
  'phq9_remission',
  'last_entry',
  'overdue',
];

const yesNo = (v: boolean | null) => (v === null ? null : v ? 'yes' : 'no');

export function caseloadCsvRow(p: CaseloadPerson): Record<string, string | number | null> {
  const row: Record<string, string | number | null> = {
    name: p.displayName,
    joined: p.joinedAt.slice(0, 10),
    need: p.need.tier,
    reasons: p.need.reasons.join('; '),
    last_entry: p.lastEntryDate,
    overdue: p.schedule
      .filter((d) => d.status === 'overdue')
      .map((d) => `${d.name} ${d.daysOverdue} days`)
      .join('; '),
  };
  for (const s of p.scales) {
    row[`${s.instrument}_latest_date`] = s.latest?.date ?? null;
    row[`${s.instrument}_latest_score`] = s.latest?.score ?? null;
    row[`${s.instrument}_band`] = s.latest?.band.label ?? null;
    row[`${s.instrument}_baseline_date`] = s.baseline?.date ?? null;
    row[`${s.instrument}_baseline_score`] = s.baseline?.score ?? null;
    row[`${s.instrument}_change`] = s.changeSinceBaseline;
    row[`${s.instrument}_rci`] = s.reliableChange?.index ?? null;
    row[`${s.instrument}_reliable_change`] = s.reliableChange?.verdict ?? null;
    if (s.instrument === 'phq9') {
      row.phq9_response = yesNo(s.response);
      row.phq9_remission = yesNo(s.remission);
    }
  }
  return row;
}
