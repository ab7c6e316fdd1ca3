/** What the Learn and Quiz pages read from the API, and their query keys. */
import type { ClaimView, NodePage, NodeSummary, ReferenceView } from '../../core/knowledge/views.ts';

export type { NodePage, NodeSummary, ReferenceView };

export interface ClaimWithNode extends ClaimView {
  aboutNode: NodeSummary | null;
}

export interface Topic {
  id: string;
  title: string;
  summary: string;
  order: number;
  nodeCount: number;
}

export interface KnowledgeOverview {
  topics: Topic[];
  counts: { nodes: number; edges: number; references: number };
}

export interface SearchAnswer {
  hits: { node: NodeSummary; excerpt: string }[];
}

export interface Neighbourhood {
  center: string;
  nodes: NodeSummary[];
  edges: { id: string; from: string; to: string; relation: string; label: string; grade: string }[];
}

export interface QuizQuestionView {
  id: string;
  prompt: string;
  options: { id: string; label: string }[];
  nodeId: string;
}

export interface QuizFeedback {
  questionId: string;
  optionId: string;
  correct: boolean;
  answerId: string;
  explanation: string;
  nodeId: string;
  references: { citation: string; doi: string; url: string }[];
}

export interface QuizAttemptSummary {
  id: string;
  takenAt: string;
  score: number;
  total: number;
}

export const KEYS = {
  overview: ['knowledge', 'overview'] as const,
  nodes: ['knowledge', 'nodes'] as const,
  node: (id: string) => ['knowledge', 'node', id] as const,
  neighbourhood: (id: string) => ['knowledge', 'neighbourhood', id] as const,
  search: (q: string) => ['knowledge', 'search', q] as const,
  claims: ['knowledge', 'claims'] as const,
  attempts: ['quiz', 'attempts'] as const,
};
