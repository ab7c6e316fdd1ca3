/**
 * Loads the seeded sample data (src/core/demo) into one person's records: check-ins, habits,
 * foods and fortnightly questionnaires, in one transaction. Meant for a fresh, clearly labelled demo
 * person ("Try it with sample data", `gutbrain demo`), so it refuses a person who already has data.
 *
 * @example await loadDemoData(db, personId, { endDate: '2026-03-31' });
 */
import { randomUUID } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { type DemoDataset, type DemoOptions, generateDemoData } from '../core/demo/generate.ts';
import { type DemoQuestionnaire, demoQuestionnaires } from '../core/demo/questionnaires.ts';
import { ConflictError } from '../core/errors.ts';
import { escalate, screenTriggers } from '../core/safety/escalation.ts';
import { scoreInstrument } from '../core/screeners/scoring.ts';
import type { Database } from './schema.ts';
import { insertScreenerResponse } from './screeners.ts';

export interface LoadedDemo extends DemoDataset {
  questionnaires: DemoQuestionnaire[];
}

export async function loadDemoData(
  db: Kysely<Database>,
  personId: string,
  options: DemoOptions,
  now = new Date(),
): Promise<LoadedDemo> {
  return db.transaction().execute((trx) => writeDemoData(trx, personId, options, now));
}

/**
 * The writes of `loadDemoData` on a transaction the caller already holds (a service that labels
 * the account in the same transaction); refuses (409) a person who already has observations.
 */
export async function writeDemoData(
  trx: Transaction<Database>,
  personId: string,
  options: DemoOptions,
  now = new Date(),
): Promise<LoadedDemo> {
  const data = generateDemoData(options);
  const questionnaires = demoQuestionnaires(data, options.seed ?? 1);
  const at = now.toISOString();
  const existing = await trx
    .selectFrom('observation')
    .select('id')
    .where('person_id', '=', personId)
    .limit(1)
    .executeTakeFirst();
  if (existing) throw new ConflictError('Sample data goes into a new, empty demo account.');
  const rows = data.observations.map((o) => ({
    id: randomUUID(),
    person_id: personId,
    date: o.date,
    measure: o.measure,
    value: o.value,
    text: o.text,
    source: o.source,
    created_at: at,
    updated_at: at,
  }));
  // Chunks keep each statement under SQLite's bound-parameter limit.
  for (let i = 0; i < rows.length; i += 500) {
    await trx
      .insertInto('observation')
      .values(rows.slice(i, i + 500))
      .execute();
  }
  let previousPhq9: number | null = null;
  for (const q of questionnaires) {
    const s = scoreInstrument(q.instrument, q.answers);
    const raised = screenTriggers(escalate(s, q.instrument === 'phq9' ? previousPhq9 : null).triggers);
    if (q.instrument === 'phq9') previousPhq9 = s.score;
    await insertScreenerResponse(
      trx,
      personId,
      {
        instrument: q.instrument,
        date: q.date,
        answers: s.answers,
        raw: s.raw,
        score: s.score,
        band: s.band.key,
        difficulty: s.difficulty,
        triggers: raised.map((t) => t.code),
      },
      now,
    );
  }
  return { ...data, questionnaires };
}
