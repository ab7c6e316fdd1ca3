/**
 * Reads what a shared summary needs — and only the kinds granted — from the person's tables.
 */
import type { Kysely } from 'kysely';
import { programById } from '../core/programs/index.ts';
import type { ShareKind } from '../core/sharing/access.ts';
import type { SummaryInput } from '../core/sharing/summary.ts';
import { listSamples } from './microbiome.ts';
import { listEnrolments } from './programs.ts';
import type { Database } from './schema.ts';

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
  const programs = has('programs')
    ? (await listEnrolments(db, personId)).map((e) => ({
        programId: e.programId,
        title: programById(e.programId)?.title ?? e.programId,
        startDate: e.startDate,
        status: e.status,
      }))
    : [];
  const microbiome = has('microbiome')
    ? (await listSamples(db, personId)).map((s) => ({
        date: s.date,
        label: s.label,
        shannonNats: s.analysis?.diversity.shannonNats ?? null,
        observed: s.analysis?.diversity.observed ?? null,
      }))
    : [];
  return {
    person: { displayName },
    kinds,
    from: period.from,
    to: period.to,
    observations: observations.map((o) => ({ ...o, value: o.value === null ? null : Number(o.value) })),
    screeners: screeners.map((s) => ({ ...s, score: s.score === null ? null : Number(s.score) })),
    programs,
    microbiome,
  };
}
