/** The quiz: questions generated from the knowledge graph, checked one by one, attempts kept per person. */
import { z } from 'zod';
import { endpoint } from './endpoint.ts';

const answer = z.strictObject({
  questionId: z.string({ error: 'must be text' }).min(1).max(200),
  optionId: z.string({ error: 'must be text' }).min(1).max(200),
});

export const quizAttempt = z.strictObject({
  id: z.string(),
  takenAt: z.string(),
  score: z.number(),
  total: z.number(),
  /** Each answer with the question's prompt and the right answer, for reviewing an attempt. */
  answers: z.array(
    z.strictObject({
      questionId: z.string(),
      optionId: z.string(),
      correct: z.boolean(),
      prompt: z.string().nullable(),
      chosenLabel: z.string().nullable(),
      answerId: z.string().nullable(),
      answerLabel: z.string().nullable(),
    }),
  ),
});

export const getQuizQuestions = endpoint({
  method: 'GET',
  path: '/api/quiz/questions',
  summary: 'A random set of questions as the person sees them before answering (no answers in it).',
  query: z.strictObject({ count: z.coerce.number().int().min(1).max(50).optional() }),
  output: z.strictObject({
    questions: z.array(
      z.strictObject({
        id: z.string(),
        prompt: z.string(),
        options: z.array(z.strictObject({ id: z.string(), label: z.string() })),
        nodeId: z.string(),
      }),
    ),
    bankSize: z.number(),
  }),
});

export const checkQuizAnswer = endpoint({
  method: 'POST',
  path: '/api/quiz/check',
  summary: 'Checks one answer: right or not, the right answer, what the evidence says, and its references.',
  body: answer,
  output: z.strictObject({
    questionId: z.string(),
    optionId: z.string(),
    correct: z.boolean(),
    answerId: z.string(),
    explanation: z.string(),
    references: z.array(z.strictObject({ citation: z.string(), doi: z.string(), url: z.string() })),
    nodeId: z.string(),
  }),
});

export const finishQuiz = endpoint({
  method: 'POST',
  path: '/api/quiz/attempts',
  summary: 'Scores and keeps a finished quiz.',
  body: z.strictObject({ answers: z.array(answer).min(1).max(50) }),
  output: z.strictObject({ attempt: quizAttempt }),
  status: 201,
});

export const listQuizAttempts = endpoint({
  method: 'GET',
  path: '/api/quiz/attempts',
  summary: "The person's finished quizzes, newest first.",
  output: z.strictObject({
    attempts: z.array(
      z.strictObject({ id: z.string(), takenAt: z.string(), score: z.number(), total: z.number() }),
    ),
  }),
});

export const getQuizAttempt = endpoint({
  method: 'GET',
  path: '/api/quiz/attempts/:id',
  summary: 'One finished quiz, with each question and the right answer.',
  params: z.strictObject({ id: z.uuid({ error: 'must be an attempt id' }) }),
  output: z.strictObject({ attempt: quizAttempt }),
});
