/**
 * Dismissals and snoozes of recommendations, and what the rules read beside the diary: the
 * latest score of each questionnaire and the latest microbiome sample. Every function takes the
 * acting person's id and touches only that person's rows.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Feedback } from '../core/recommend/recommend.ts';
import type { Database } from './schema.ts';

export async function listFeedback(db: Kysely<Database>, personId: string): Promise<Feedback[]> {
  const rows = await db
    .selectFrom('recommendation_feedback')
    .select(['rule_id', 'kind', 'until'])
    .where('person_id', '=', personId)
    .execute();
  return rows.map((r) => ({
    ruleId: r.rule_id,
    kind: r.kind === 'snoozed' ? 'snoozed' : 'dismissed',
    until: r.until,
  }));
}

/** Records a dismissal or snooze, replacing any earlier choice for the same rule (one transaction). */
export async function saveFeedback(
  db: Kysely<Database>,
  personId: string,
  feedback: Feedback,
  now = new Date(),
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await trx
      .deleteFrom('recommendation_feedback')
      .where('person_id', '=', personId)
      .where('rule_id', '=', feedback.ruleId)
      .execute();
    await trx
      .insertInto('recommendation_feedback')
      .values({
        id: randomUUID(),
        person_id: personId,
        rule_id: feedback.ruleId,
        kind: feedback.kind,
        until: feedback.until,
        created_at: now.toISOString(),
      })
      .execute();
  });
}

/** Brings a dismissed or snoozed recommendation back; false when there was nothing to undo. */
export async function clearFeedback(
  db: Kysely<Database>,
  personId: string,
  ruleId: string,
): Promise<boolean> {
  const res = await db
    .deleteFrom('recommendation_feedback')
    .where('person_id', '=', personId)
    .where('rule_id', '=', ruleId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
