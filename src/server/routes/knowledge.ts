/** The knowledge graph (public) and the quiz (per person): route tables for src/contract/knowledge.ts and quiz.ts. */
import {
  getEdge,
  getKnowledge,
  getNeighbourhood,
  getNode,
  getReference,
  getRhythm,
  listClaims,
  listEdges,
  listNodes,
  listReferences,
  searchGraph,
} from '../../contract/knowledge.ts';
import {
  checkQuizAnswer,
  finishQuiz,
  getQuizAttempt,
  getQuizQuestions,
  listQuizAttempts,
} from '../../contract/quiz.ts';
import { type Route, route } from '../route-table.ts';
import * as knowledge from '../services/knowledge.ts';
import * as quiz from '../services/quiz.ts';

export const knowledgeRoutes: Route[] = [
  route(getKnowledge, async ({ ctx }) => knowledge.vocabulary(ctx)),
  route(getRhythm, async ({ ctx }) => knowledge.rhythm(ctx)),
  route(listNodes, async ({ ctx, input }) => knowledge.nodes(ctx, input.query)),
  route(getNode, async ({ ctx, input }) => knowledge.node(ctx, input.params.id)),
  route(getNeighbourhood, async ({ ctx, input }) =>
    knowledge.nodeNeighbourhood(ctx, input.params.id, input.query.depth),
  ),
  route(listEdges, async ({ ctx, input }) => knowledge.edges(ctx, input.query)),
  route(getEdge, async ({ ctx, input }) => knowledge.edge(ctx, input.params.id)),
  route(listClaims, async ({ ctx }) => knowledge.claims(ctx)),
  route(listReferences, async ({ ctx }) => knowledge.references(ctx)),
  route(getReference, async ({ ctx, input }) => knowledge.reference(ctx, input.params.id)),
  route(searchGraph, async ({ ctx, input }) => knowledge.search(ctx, input.body.q, input.body.limit)),
];

export const quizRoutes: Route[] = [
  route(getQuizQuestions, async ({ ctx, input }) => quiz.quizQuestions(ctx, input.query.count)),
  route(checkQuizAnswer, async ({ ctx, input }) => quiz.checkAnswer(ctx, input.body)),
  route(finishQuiz, async ({ ctx, actor, input }) => ({
    attempt: await quiz.finishAttempt(ctx, actor, input.body.answers),
  })),
  route(listQuizAttempts, async ({ ctx, actor }) => ({ attempts: await quiz.attempts(ctx, actor) })),
  route(getQuizAttempt, async ({ ctx, actor, input }) => ({
    attempt: await quiz.attempt(ctx, actor, input.params.id),
  })),
];
