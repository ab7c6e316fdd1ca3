/**
 * What the Learn and Quiz pages read: TanStack Query options for the knowledge graph and the quiz,
 * typed by the contract (src/contract/knowledge.ts, quiz.ts). The graph changes only with a deploy,
 * so its answers never go stale in a session.
 */
import { queryOptions } from '@tanstack/react-query';
import type { OutputOf } from '../../contract/endpoint.ts';
import type {
  getKnowledge,
  getNeighbourhood,
  getNode,
  listClaims,
  listNodes,
  searchGraph,
} from '../../contract/knowledge.ts';
import type { checkQuizAnswer, getQuizQuestions, listQuizAttempts } from '../../contract/quiz.ts';
import { callApi } from '../api.ts';

export type NodePage = OutputOf<typeof getNode>;
export type NodeSummary = OutputOf<typeof listNodes>['nodes'][number];
export type ReferenceView = NodePage['references'][number];
export type ClaimWithNode = OutputOf<typeof listClaims>['claims'][number];
export type Neighbourhood = OutputOf<typeof getNeighbourhood>;
export type QuizQuestionView = OutputOf<typeof getQuizQuestions>['questions'][number];
export type QuizFeedback = OutputOf<typeof checkQuizAnswer>;

const forever = Number.POSITIVE_INFINITY;

export const knowledgeOverviewQuery = () =>
  queryOptions({
    queryKey: ['knowledge', 'overview'],
    queryFn: () => callApi<typeof getKnowledge>('GET /api/knowledge', {}),
    staleTime: forever,
  });

export const nodesQuery = () =>
  queryOptions({
    queryKey: ['knowledge', 'nodes'],
    queryFn: () => callApi<typeof listNodes>('GET /api/knowledge/nodes', { query: {} }),
    staleTime: forever,
  });

export const nodeQuery = (id: string) =>
  queryOptions({
    queryKey: ['knowledge', 'node', id],
    queryFn: () => callApi<typeof getNode>('GET /api/knowledge/nodes/:id', { params: { id } }),
    staleTime: forever,
  });

export const neighbourhoodQuery = (id: string) =>
  queryOptions({
    queryKey: ['knowledge', 'neighbourhood', id],
    queryFn: () =>
      callApi<typeof getNeighbourhood>('GET /api/knowledge/nodes/:id/neighbourhood', {
        params: { id },
        query: {},
      }),
    staleTime: forever,
  });

export const claimsQuery = () =>
  queryOptions({
    queryKey: ['knowledge', 'claims'],
    queryFn: () => callApi<typeof listClaims>('GET /api/knowledge/claims', {}),
    staleTime: forever,
  });

/** Search is a POST: what someone searches for never lands in a URL or a log. */
export const searchQuery = (q: string) =>
  queryOptions({
    queryKey: ['knowledge', 'search', q],
    queryFn: () => callApi<typeof searchGraph>('POST /api/knowledge/search', { body: { q } }),
    enabled: q.length > 0,
  });

export const quizQuestionsQuery = (count: number) =>
  queryOptions({
    queryKey: ['quiz', 'questions', count],
    queryFn: () => callApi<typeof getQuizQuestions>('GET /api/quiz/questions', { query: { count } }),
  });

export const quizAttemptsQuery = () =>
  queryOptions({
    queryKey: ['quiz', 'attempts'],
    queryFn: () => callApi<typeof listQuizAttempts>('GET /api/quiz/attempts', {}),
  });
