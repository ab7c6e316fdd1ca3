/**
 * The reads a caseload needs for many people at once — a handful of queries for the whole clinic,
 * never one per person: questionnaire scores, the answers of recent results (for item 9 and red
 * flags), daily moods and the date of each person's last diary entry.
 *
 * @example const scores = await caseloadScores(db, personIds);
 */
import { type Kysely, sql } from 'kysely';
import { daysBetween, utcMidnight } from '../core/dates.ts';
import type { MoodsByDay } from '../core/safety/diary.ts';
import type { SafetyInputResult } from '../core/sharing/safety-summary.ts';
import { CHECKIN_SOURCE } from './observations.ts';
import type { Database } from './schema.ts';

export interface ScoreRow {
  id: string;
  personId: string;
  instrument: string;
  date: string;
  createdAt: string;
  score: number | null;
  supportReadAt: string | null;
}

const groupBy = <T extends { personId: string }>(rows: readonly T[]) => {
  const out = new Map<string, T[]>();
  for (const r of rows) {
    const list = out.get(r.personId);
    if (list) list.push(r);
    else out.set(r.personId, [r]);
  }
  return out;
};

/**
 * Every questionnaire and signals result of these people (without answers), each person's oldest
 * first. Migration 0018's covering index (person_id, date, created_at, …) serves it in its order.
 */
export async function caseloadScores(db: Kysely<Database>, personIds: readonly string[]) {
  if (personIds.length === 0) return new Map<string, ScoreRow[]>();
  const rows = await db
    .selectFrom('screener_response')
    .select(['id', 'person_id', 'instrument', 'date', 'created_at', 'score', 'support_read_at'])
    .where('person_id', 'in', personIds)
    .orderBy('person_id')
    .orderBy('date')
    .orderBy('created_at')
    .execute();
  return groupBy(
    rows.map((r) => ({
      id: r.id,
      personId: r.person_id,
      instrument: r.instrument,
      date: r.date,
      createdAt: r.created_at,
      score: r.score === null ? null : Number(r.score),
      supportReadAt: r.support_read_at,
    })),
  );
}

/**
 * One questionnaire result as a string, `date created_at instrument score support_read_at id`: no
 * field can hold a space or a comma (ISO dates and times, instrument ids, numbers, UUIDs), and the
 * string sorts by the result's time.
 */
const packedResult = sql<string>`s.date || ' ' || s.created_at || ' ' || s.instrument || ' ' || coalesce(cast(s.score as text), '') || ' ' || coalesce(s.support_read_at, '') || ' ' || s.id`;

/** One result packed by `packedResult`. */
function scoreRowOf(personId: string, entry: string): ScoreRow {
  const [date = '', createdAt = '', instrument = '', score = '', supportReadAt = '', id = ''] =
    entry.split(' ');
  return {
    id,
    personId,
    instrument,
    date,
    createdAt,
    score: score === '' ? null : Number(score),
    supportReadAt: supportReadAt === '' ? null : supportReadAt,
  };
}

/**
 * What a whole clinic's caseload needs of its people's results, without reading years of them:
 * every result dated `from` on, and per person and questionnaire two more found by one index seek
 * each — the baseline (the first from the membership's `baseline_from`) and the last one before
 * `from` (the latest score when nothing is recent, and the PHQ-9 a recent rise is counted from).
 */
export async function caseloadRecentScores(db: Kysely<Database>, clinicId: string, from: string) {
  const seeks = await sql<{ person_id: string; baseline: string | null; before: string | null }>`
    select m.person_id,
      (select ${packedResult} from screener_response s
        where s.person_id = m.person_id and s.instrument = i.instrument and s.date >= m.baseline_from
        order by s.date, s.created_at limit 1) as baseline,
      (select ${packedResult} from screener_response s
        where s.person_id = m.person_id and s.instrument = i.instrument and s.date < ${from}
        order by s.date desc, s.created_at desc limit 1) as before
    from clinic_membership m
    cross join (select 'phq9' as instrument union all select 'gad7' union all select 'who5') i
    where m.clinic_id = ${clinicId} and m.left_at is null`.execute(db);
  // The baseline may be the result before the window, and a baseline inside the window comes again
  // with the window's results: each result once.
  const older = new Map<string, Set<string>>();
  for (const r of seeks.rows) {
    const set = older.get(r.person_id) ?? new Set<string>();
    older.set(r.person_id, set);
    for (const entry of [r.baseline, r.before]) if (entry && entry.slice(0, 10) < from) set.add(entry);
  }
  const out = new Map<string, ScoreRow[]>();
  for (const [personId, entries] of older)
    out.set(
      personId,
      [...entries].sort().map((e) => scoreRowOf(personId, e)),
    );
  // The window's thousands of results as one string per person (as caseloadMoods does, and for the
  // same reason: row objects cost more than the rest), each one packed; all are later than the older ones.
  const recent = await db
    .selectFrom('screener_response as s')
    .innerJoin('clinic_membership as m', 'm.person_id', 's.person_id')
    .select(['s.person_id', sql<string>`string_agg(${packedResult}, ',')`.as('results')])
    .where('m.clinic_id', '=', clinicId)
    .where('m.left_at', 'is', null)
    .where('s.date', '>=', from)
    .groupBy('s.person_id')
    .execute();
  for (const r of recent) {
    const list = out.get(r.person_id) ?? [];
    out.set(r.person_id, list);
    for (const entry of r.results.split(',').sort()) list.push(scoreRowOf(r.person_id, entry));
  }
  return out;
}

/**
 * The answers of these instruments' results dated `from` on, by result id (the safety rules read
 * PHQ-9 item 9 and the red flags: core/safety `ANSWERS_READ_FOR`).
 */
export async function recentAnswers(
  db: Kysely<Database>,
  personIds: readonly string[],
  from: string,
  instruments: readonly string[],
) {
  const out = new Map<string, Record<string, number | boolean>>();
  if (personIds.length === 0 || instruments.length === 0) return out;
  const rows = await db
    .selectFrom('screener_response')
    .select(['id', 'answers'])
    .where('person_id', 'in', personIds)
    .where('date', '>=', from)
    .where('instrument', 'in', instruments)
    .execute();
  for (const r of rows) out.set(r.id, JSON.parse(r.answers) as Record<string, number | boolean>);
  return out;
}

/** A person's results as the safety rules read them: answers where known, else none. */
export function safetyInputs(
  scores: readonly ScoreRow[],
  answers: ReadonlyMap<string, Record<string, number | boolean>>,
): SafetyInputResult[] {
  return scores.map((s) => ({
    id: s.id,
    instrument: s.instrument,
    date: s.date,
    createdAt: s.createdAt,
    score: s.score,
    answers: answers.get(s.id) ?? {},
    supportReadAt: s.supportReadAt,
  }));
}

/**
 * One mood per logged day between two dates, per person, laid out by day from `from`: the
 * check-in's mood first, then an imported one (as store/safety.ts `moodDays` does for one person).
 *
 * A clinic's caseload reads about 50,000 of these; as rows, making each one a JavaScript object
 * cost more than the rest of the caseload put together. So each person's days come as one string
 * (`string_agg`, in SQLite from 3.44 and in PostgreSQL alike): `date` `=` (check-in) or `~`
 * (imported) `value`, comma-separated, in no promised order, read straight into the days.
 */
export async function caseloadMoods(
  db: Kysely<Database>,
  personIds: readonly string[],
  from: string,
  to: string,
): Promise<Map<string, MoodsByDay>> {
  const out = new Map<string, MoodsByDay>();
  if (personIds.length === 0) return out;
  const rows = await db
    .selectFrom('observation')
    .select([
      'person_id',
      // A whole mood is written as an integer ('7', not '7.0'): SQLite writes integers several times
      // faster than floating-point numbers, and this runs for every day of every diary in the window.
      sql<string>`string_agg(date || (case when source = ${sql.lit(CHECKIN_SOURCE)} then '=' else '~' end)
        || (case when value = cast(value as bigint) then cast(value as bigint) else value end), ',')`.as(
        'days',
      ),
    ])
    .where('person_id', 'in', personIds)
    // A literal, not a parameter: it is what lets the planner use the partial index of moods (0018).
    .where('measure', '=', sql.lit('mood'))
    .where('value', 'is not', null)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .groupBy('person_id')
    .execute();
  for (const r of rows) out.set(r.person_id, moodsByDayOf(r.days, from, to));
  return out;
}

/**
 * `'2026-03-01=7,2026-03-01~3,2026-03-02~5'` read into one mood a day from `from` to `to` (the
 * check-in's over an import's, else the first import's; days outside the span left out).
 */
export function moodsByDayOf(encoded: string, from: string, to: string): MoodsByDay {
  const n = Math.max(0, daysBetween(from, to) + 1);
  const moods: (number | undefined)[] = new Array(n);
  const fromCheckin = new Uint8Array(n);
  const fromMs = utcMidnight(from);
  let at = 0;
  while (at < encoded.length) {
    let end = encoded.indexOf(',', at);
    if (end < 0) end = encoded.length;
    // `YYYY-MM-DD`, then `=` or `~`, then the number.
    const i = Math.round((utcMidnight(encoded.slice(at, at + 10)) - fromMs) / 86_400_000);
    const checkin = encoded.charCodeAt(at + 10) === 61; // '='
    if (i >= 0 && i < n && (moods[i] === undefined || (checkin && !fromCheckin[i]))) {
      moods[i] = Number(encoded.slice(at + 11, end));
      if (checkin) fromCheckin[i] = 1;
    }
    at = end + 1;
  }
  return { from, moods };
}

/**
 * Each person's latest diary date (any observation). One index seek per person: a correlated
 * max() uses the (person_id, date, …) index, where a GROUP BY over everyone's rows would read them all.
 */
export async function lastEntryDates(db: Kysely<Database>, personIds: readonly string[]) {
  const out = new Map<string, string>();
  if (personIds.length === 0) return out;
  const rows = await db
    .selectFrom('person')
    .select((eb) => [
      'person.id',
      eb
        .selectFrom('observation')
        .select((o) => o.fn.max('observation.date').as('last'))
        .whereRef('observation.person_id', '=', 'person.id')
        .as('last'),
    ])
    .where('person.id', 'in', personIds)
    .execute();
  for (const r of rows) if (r.last) out.set(r.id, String(r.last));
  return out;
}

/** The last date each questionnaire was filled in by one person. */
export async function lastQuestionnaireDates(db: Kysely<Database>, personId: string) {
  const rows = await db
    .selectFrom('screener_response')
    .select((eb) => ['instrument', eb.fn.max('date').as('last')])
    .where('person_id', '=', personId)
    .groupBy('instrument')
    .execute();
  return new Map(rows.filter((r) => r.last).map((r) => [r.instrument, String(r.last)]));
}
