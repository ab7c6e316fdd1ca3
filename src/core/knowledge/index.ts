/**
 * The knowledge graph's public API: import from here, not from the files behind it.
 *
 * @example
 * import { parseKnowledge, nodeById, supportingEdgesFor, referencesFor } from '../core/knowledge/index.ts';
 * const graph = parseKnowledge(files);          // files: { name, text }[] of knowledge/*.yaml
 * const gaba = nodeById(graph, 'gaba');          // → { id: 'gaba', kind: 'neurotransmitter', … }
 * for (const edge of supportingEdgesFor(graph, 'gaba')) {
 *   console.log(edge.from, edge.grade, referencesFor(graph, edge).map((r) => r.doi));
 * }
 */

export {
  type LintProblem,
  type LintRule,
  lintKnowledge,
  lintMessengerTexts,
  type MessengerText,
} from './lint.ts';
export {
  edgeId,
  KnowledgeError,
  type KnowledgeFile,
  type KnowledgeProblem,
  parseKnowledge,
} from './parse.ts';
export {
  byStrength,
  claimsAbout,
  dailyRhythm,
  edgeById,
  edgesFrom,
  edgesOf,
  edgesTo,
  neighbourhood,
  nodeById,
  nodesOfKind,
  nodesOfTopic,
  referencesFor,
  referencesForNode,
  supportingEdgesFor,
} from './queries.ts';
export {
  generateQuiz,
  pickQuizQuestions,
  type QuizAssertion,
  type QuizCitation,
  type QuizOption,
  type QuizQuestion,
  quizQuestionById,
  scoreQuizAnswer,
} from './quiz.ts';
export { normaliseForSearch, type SearchHit, searchKnowledge } from './search.ts';
export { edgeClause, edgeSentence, isPluralName, nounPhrase } from './sentences.ts';
export * from './types.ts';
export {
  type ClaimView,
  claimView,
  type EdgeView,
  edgeView,
  goesTooFar,
  type NodeEdgeView,
  type NodePage,
  type NodeSummary,
  nodePage,
  nodeSummary,
  type ReferenceView,
  referenceView,
} from './views.ts';
