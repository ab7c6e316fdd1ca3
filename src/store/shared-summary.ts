/**
 * Reads what a shared summary needs — and only the kinds granted — from the person's tables.
 */
import type { Kysely } from 'kysely';
import { addDays } from '../core/dates.ts';
import {
  type Enrolment,
  type Program,
  programById,
  programDays,
  weeklyCompletion,
} from '../core/programs/index.ts';
import type { ShareKind } from '../core/sharing/access.ts';
import type { SummaryInput } from '../core/sharing/summary.ts';
import { listSamples } from './microbiome.ts';
import { dayMeasureMatrix } from './observations.ts';
import { getMarks, listEnrolments } from './programs.ts';
import { moodDays } from './safety.ts';
import type { Database } from './schema.ts';
import { listScreenerResponses } from './screeners.ts';

/** Completion per week so far, computed the way the Programs page does. */
async function weeksOf(
  db: Kysely<Database>,
  personId: string,
  program: Program,
  e: Enrolment,
  today: string,
) {
  const days = programDays(program, e, program.openEnded ? today : addDays(e.startDate, 550)).filter(
    (d) => d.date <= today,
  );
  if (days.length === 0) return [];
  const matrix = await dayMeasureMatrix(db, personId, addDays(e.startDate, -14), today);
  const marks = await getMarks(db, personId, e.id);
  return weeklyCompletion(program, days, today, matrix, marks).map((w) => ({
    week: w.week,
    percent: w.percent,
  }));
}

export async function readSummaryInput(
  db: Kysely<Database>,
  personId: string,
  displayName: string,
  kinds: readonly ShareKind[],
  period: { from: string; to: string },
): Promise<SummaryInput> {
  const has = (k: ShareKind) => kinds.includes(k);
  const observations = has('diary')
    ? await db
        .selectFrom('observation')
        .select(['date', 'measure', 'value'])
        .where('person_id', '=', personId)
        .where('date', '>=', period.from)
        .where('date', '<=', period.to)
        .execute()
    : [];
  const screeners = has('questionnaires')
    ? await db
        .selectFrom('screener_response')
        .select(['instrument', 'date', 'score', 'band'])
        .where('person_id', '=', personId)
        .where('date', '>=', period.from)
        .where('date', '<=', period.to)
        .execute()
    : [];
  const safetyResults = has('questionnaires')
    ? (await listScreenerResponses(db, personId, { to: period.to })).map((r) => ({
        id: r.id,
        instrument: r.instrument,
        date: r.date,
        createdAt: r.createdAt,
        score: r.score,
        answers: r.answers,
        supportReadAt: r.supportReadAt,
      }))
    : [];
  // The diary rule looks back 14 days, so read from two weeks before the period.
  const moods = has('diary') ? await moodDays(db, personId, addDays(period.from, -14), period.to) : [];
  const programs = [];
  if (has('programs')) {
    for (const e of await listEnrolments(db, personId)) {
      const program = programById(e.programId);
      programs.push({
        programId: e.programId,
        title: program?.title ?? e.programId,
        startDate: e.startDate,
        status: e.status,
        weeks: program ? await weeksOf(db, personId, program, e, period.to) : [],
      });
    }
  }
  const microbiome = has('microbiome')
    ? (await listSamples(db, personId)).map((s) => ({
        date: s.date,
        label: s.label,
        shannonNats: s.analysis?.diversity?.shannonNats ?? null,
        observed: s.analysis?.diversity?.observed ?? null,
      }))
    : [];
  return {
    person: { displayName },
    kinds,
    from: period.from,
    to: period.to,
    observations: observations.map((o) => ({ ...o, value: o.value === null ? null : Number(o.value) })),
    screeners: screeners.map((s) => ({ ...s, score: s.score === null ? null : Number(s.score) })),
    safetyResults,
    moods,
    programs,
    microbiome,
  };
}
