/** The quiz: questions generated once per knowledge graph, answers checked, attempts kept per person. */
import type { z } from 'zod';
import type { OutputOf } from '../../contract/endpoint.ts';
import type { checkQuizAnswer, getQuizQuestions, quizAttempt } from '../../contract/quiz.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import {
  generateQuiz,
  type KnowledgeGraph,
  pickQuizQuestions,
  type QuizQuestion,
  quizQuestionById,
} from '../../core/knowledge/index.ts';
import { getQuizAttempt, listQuizAttempts, saveQuizAttempt } from '../../store/quiz.ts';
import type { Actor, AppContext } from './context.ts';

type Attempt = z.output<typeof quizAttempt>;

const banks = new WeakMap<KnowledgeGraph, QuizQuestion[]>();
/** Every question the app's graph supports, generated once per graph. */
function bankOf(ctx: AppContext): QuizQuestion[] {
  let bank = banks.get(ctx.knowledge);
  if (!bank) {
    bank = generateQuiz(ctx.knowledge);
    banks.set(ctx.knowledge, bank);
  }
  return bank;
}

/** A question as the person sees it before answering: no answer, no assertions. */
function publicQuestion(q: QuizQuestion) {
  return {
    id: q.id,
    prompt: q.prompt,
    options: q.options.map((o) => ({ id: o.id, label: o.label })),
    nodeId: q.nodeId,
  };
}

export function quizQuestions(ctx: AppContext, count = 10): OutputOf<typeof getQuizQuestions> {
  const bank = bankOf(ctx);
  return {
    questions: pickQuizQuestions(bank, count, Math.random).map(publicQuestion),
    bankSize: bank.length,
  };
}

export function checkAnswer(
  ctx: AppContext,
  answer: { questionId: string; optionId: string },
): OutputOf<typeof checkQuizAnswer> {
  const q = quizQuestionById(bankOf(ctx), answer.questionId);
  if (!q) throw new ValidationError('questionId', 'questionId is not a question we know');
  if (!q.options.some((o) => o.id === answer.optionId)) {
    throw new ValidationError('optionId', 'optionId is not one of the question’s options');
  }
  return {
    questionId: q.id,
    optionId: answer.optionId,
    correct: q.answerId === answer.optionId,
    answerId: q.answerId,
    explanation: q.explanation,
    references: q.references,
    nodeId: q.nodeId,
  };
}

/** Scores a finished quiz and keeps it; each answer must be to a known question, once, with one of its options. */
export async function finishAttempt(
  ctx: AppContext,
  actor: Actor,
  answers: readonly { questionId: string; optionId: string }[],
): Promise<Attempt> {
  const bank = bankOf(ctx);
  const seen = new Set<string>();
  const scored = answers.map((a, i) => {
    const q = quizQuestionById(bank, a.questionId);
    if (!q) throw new ValidationError(`answers.${i}.questionId`, 'is not a question we know');
    if (seen.has(a.questionId)) throw new ValidationError(`answers.${i}.questionId`, 'is answered twice');
    seen.add(a.questionId);
    if (!q.options.some((o) => o.id === a.optionId)) {
      throw new ValidationError(`answers.${i}.optionId`, 'is not one of the question’s options');
    }
    return { questionId: q.id, optionId: a.optionId, correct: q.answerId === a.optionId };
  });
  return withQuestions(bank, await saveQuizAttempt(ctx.store.db, actor.personId, scored, ctx.now()));
}

export async function attempts(ctx: AppContext, actor: Actor) {
  return listQuizAttempts(ctx.store.db, actor.personId);
}

export async function attempt(ctx: AppContext, actor: Actor, id: string): Promise<Attempt> {
  const found = await getQuizAttempt(ctx.store.db, actor.personId, id);
  if (!found) throw new NotFoundError('quiz attempt');
  return withQuestions(bankOf(ctx), found);
}

/** Adds each question's prompt and the right answer, for reviewing an attempt. */
function withQuestions<T extends { answers: { questionId: string; optionId: string; correct: boolean }[] }>(
  bank: readonly QuizQuestion[],
  found: T,
) {
  return {
    ...found,
    answers: found.answers.map((a) => {
      const q = quizQuestionById(bank, a.questionId);
      return {
        ...a,
        prompt: q?.prompt ?? null,
        chosenLabel: q?.options.find((o) => o.id === a.optionId)?.label ?? null,
        answerId: q?.answerId ?? null,
        answerLabel: q?.options.find((o) => o.id === q.answerId)?.label ?? null,
      };
    }),
  };
}
