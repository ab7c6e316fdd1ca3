/**
 * Quiz attempts: a finished quiz is saved with its answers in one transaction; history is read
 * per person, newest first. Every function takes the acting person's id.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export interface QuizAnswerRow {
  questionId: string;
  optionId: string;
  correct: boolean;
}

export interface QuizAttemptSummary {
  id: string;
  takenAt: string;
  score: number;
  total: number;
}

export interface QuizAttemptDetail extends QuizAttemptSummary {
  answers: QuizAnswerRow[];
}

export async function saveQuizAttempt(
  db: Kysely<Database>,
  personId: string,
  answers: readonly QuizAnswerRow[],
  now: Date,
): Promise<QuizAttemptDetail> {
  const attempt = {
    id: randomUUID(),
    person_id: personId,
    taken_at: now.toISOString(),
    score: answers.filter((a) => a.correct).length,
    total: answers.length,
  };
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('quiz_attempt').values(attempt).execute();
    await trx
      .insertInto('quiz_answer')
      .values(
        answers.map((a, position) => ({
          attempt_id: attempt.id,
          person_id: personId,
          position,
          question_id: a.questionId,
          option_id: a.optionId,
          correct: a.correct ? 1 : 0,
        })),
      )
      .execute();
  });
  return {
    id: attempt.id,
    takenAt: attempt.taken_at,
    score: attempt.score,
    total: attempt.total,
    answers: [...answers],
  };
}

export async function listQuizAttempts(
  db: Kysely<Database>,
  personId: string,
  limit = 50,
): Promise<QuizAttemptSummary[]> {
  const rows = await db
    .selectFrom('quiz_attempt')
    .select(['id', 'taken_at', 'score', 'total'])
    .where('person_id', '=', personId)
    .orderBy('taken_at', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ id: r.id, takenAt: r.taken_at, score: Number(r.score), total: Number(r.total) }));
}

/** One attempt with its answers, or undefined when it does not exist or belongs to someone else. */
export async function getQuizAttempt(
  db: Kysely<Database>,
  personId: string,
  attemptId: string,
): Promise<QuizAttemptDetail | undefined> {
  const row = await db
    .selectFrom('quiz_attempt')
    .select(['id', 'taken_at', 'score', 'total'])
    .where('person_id', '=', personId)
    .where('id', '=', attemptId)
    .executeTakeFirst();
  if (!row) return undefined;
  const answers = await db
    .selectFrom('quiz_answer')
    .select(['question_id', 'option_id', 'correct'])
    .where('person_id', '=', personId)
    .where('attempt_id', '=', attemptId)
    .orderBy('position')
    .execute();
  return {
    id: row.id,
    takenAt: row.taken_at,
    score: Number(row.score),
    total: Number(row.total),
    answers: answers.map((a) => ({
      questionId: a.question_id,
      optionId: a.option_id,
      correct: Number(a.correct) === 1,
    })),
  };
}
