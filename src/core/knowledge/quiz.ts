/**
 * Quiz questions generated from the graph. Each option carries the statement it stands for (an edge,
 * an edge's grade, a claim's verdict), so a test can check that the answer holds in the graph and
 * every distractor does not. The question families live in quiz-questions.ts.
 *
 * @example
 * const bank = generateQuiz(graph);          // every question, stable order and ids
 * const q = quizQuestionById(bank, 'claim:claim_sleep_8_to_10_hours');
 * scoreQuizAnswer(q, q.answerId).correct     // → true
 */
import {
  claimQuestions,
  gradeQuestions,
  precursorQuestions,
  producerQuestions,
  rhythmQuestions,
  shuffle,
  signalQuestions,
  targetQuestions,
} from './quiz-questions.ts';
import type { Claim, EvidenceGrade, KnowledgeGraph, Relation } from './types.ts';

/** What an option claims, in terms the graph can check. */
export type QuizAssertion =
  | { type: 'edge'; from: string; relation: Relation; to: string }
  | { type: 'grade'; edgeId: string; grade: EvidenceGrade }
  | { type: 'verdict'; claimId: string; verdict: Claim['verdict'] };

export interface QuizOption {
  id: string;
  label: string;
  assertion: QuizAssertion;
}

export interface QuizCitation {
  citation: string;
  doi: string;
  url: string;
}

export interface QuizQuestion {
  id: string;
  family: 'grade' | 'claim' | 'precursor' | 'producer' | 'rhythm' | 'signal' | 'target';
  prompt: string;
  options: QuizOption[];
  answerId: string;
  /** Shown after answering: what the evidence says, in plain words. */
  explanation: string;
  /** The node the question is about, for a "learn more" link. */
  nodeId: string;
  references: QuizCitation[];
}

/** Every question the graph supports, in a stable order. */
export function generateQuiz(graph: KnowledgeGraph): QuizQuestion[] {
  return [
    ...claimQuestions(graph),
    ...signalQuestions(graph),
    ...precursorQuestions(graph),
    ...producerQuestions(graph),
    ...targetQuestions(graph),
    ...rhythmQuestions(graph),
    ...gradeQuestions(graph),
  ];
}

export function quizQuestionById(bank: readonly QuizQuestion[], id: string): QuizQuestion | undefined {
  return bank.find((q) => q.id === id);
}

/** Whether `optionId` answers the question correctly; unknown option ids count as wrong. */
export function scoreQuizAnswer(question: QuizQuestion, optionId: string): { correct: boolean } {
  return { correct: question.answerId === optionId };
}

/**
 * `count` questions chosen by `random` (0 ≤ x < 1), no repeats, mixing families: the bank holds many
 * grade questions, so each family is drawn from in turn.
 */
export function pickQuizQuestions(
  bank: readonly QuizQuestion[],
  count: number,
  random: () => number,
): QuizQuestion[] {
  const byFamily = new Map<string, QuizQuestion[]>();
  for (const q of bank) byFamily.set(q.family, [...(byFamily.get(q.family) ?? []), q]);
  const pools = [...byFamily.values()].map((qs) => shuffle(qs, random));
  const picked: QuizQuestion[] = [];
  for (let round = 0; picked.length < count && pools.some((p) => p.length > round); round++) {
    for (const pool of shuffle(pools, random)) {
      const q = pool[round];
      if (q && picked.length < count) picked.push(q);
    }
  }
  return picked;
}
