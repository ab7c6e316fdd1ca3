/**
 * Turns a person's state into at most three cited suggestions for today, or — when the safety
 * pathway has support to show — into the support prompt instead. Every health sentence comes from
 * the knowledge graph (the rule's edge: note, grade, references); the rule only adds what it saw
 * in the person's own data.
 *
 * @example
 * const out = recommend(graph, state, { feedback: [], safetyTriggers: [] });
 * out.recommendations[0].basis.references[0].doi // → '10.1016/j.cell.2021.06.019'
 */
import {
  type EdgeView,
  EVIDENCE_GRADES,
  edgeById,
  edgeView,
  type KnowledgeGraph,
} from '../knowledge/index.ts';
import type { SafetyTrigger } from '../safety/escalation.ts';
import { RULES, type Rule } from './rules.ts';
import type { PersonState } from './state.ts';

/** The limit: a few good suggestions beat a list nobody reads. */
export const MAX_RECOMMENDATIONS = 3;

export interface Feedback {
  ruleId: string;
  kind: 'dismissed' | 'snoozed';
  /** For a snooze: the last local date it stays hidden. */
  until: string | null;
}

export interface RecommendOptions {
  feedback: readonly Feedback[];
  /** Triggers from the safety pathway; any one replaces every recommendation. */
  safetyTriggers: readonly SafetyTrigger[];
  /** Rule ids with an experiment running now: no need to suggest what the person is already trying. */
  runningExperiments?: readonly string[];
}

export interface Recommendation {
  id: string;
  action: string;
  /** What in the person's own data set the rule off. */
  trigger: string;
  /** The graph node the action is about (name and one-sentence summary, from the graph). */
  about: { id: string; name: string; summary: string };
  /** The edge behind it, with grade and references (DOIs). */
  basis: EdgeView;
  experiment: { title: string; action: string; measure: string | null; recommendationId: string };
}

export type RecommendOutcome =
  | { kind: 'support'; triggers: SafetyTrigger[]; recommendations: [] }
  | { kind: 'recommendations'; recommendations: Recommendation[] };

/** Whether feedback hides the rule today: a dismissal always, a snooze through its `until` date. */
export function isHidden(ruleId: string, feedback: readonly Feedback[], today: string): boolean {
  return feedback.some(
    (f) => f.ruleId === ruleId && (f.kind === 'dismissed' || (f.until !== null && today <= f.until)),
  );
}

function gradeRank(graph: KnowledgeGraph, rule: Rule): number {
  const edge = edgeById(graph, rule.edgeId);
  return edge ? EVIDENCE_GRADES[edge.grade].rank : 0;
}

function toRecommendation(graph: KnowledgeGraph, rule: Rule, trigger: string): Recommendation {
  const edge = edgeById(graph, rule.edgeId);
  if (!edge) throw new Error(`recommendation rule ${rule.id} names a missing edge ${rule.edgeId}`);
  const basis = edgeView(graph, edge);
  return {
    id: rule.id,
    action: rule.action,
    trigger,
    about: { id: basis.from.id, name: basis.from.name, summary: basis.from.summary },
    basis,
    experiment: {
      title: rule.experiment.title,
      action: rule.action,
      measure: rule.experiment.measure,
      recommendationId: rule.id,
    },
  };
}

/**
 * Fired rules, minus dismissed/snoozed ones and those already being tried, strongest evidence first
 * (then the rules' own order), cut to three. Safety triggers replace the lot.
 */
export function recommend(
  graph: KnowledgeGraph,
  state: PersonState,
  options: RecommendOptions,
  rules: readonly Rule[] = RULES,
): RecommendOutcome {
  if (options.safetyTriggers.length > 0) {
    return { kind: 'support', triggers: [...options.safetyTriggers], recommendations: [] };
  }
  const running = new Set(options.runningExperiments ?? []);
  const fired = rules
    .map((rule, order) => ({ rule, order }))
    .filter(({ rule }) => !isHidden(rule.id, options.feedback, state.today) && !running.has(rule.id))
    .flatMap(({ rule, order }) => {
      const trigger = rule.check(state);
      return trigger === null ? [] : [{ rule, order, trigger, rank: gradeRank(graph, rule) }];
    })
    .sort((a, b) => b.rank - a.rank || a.order - b.order)
    .slice(0, MAX_RECOMMENDATIONS);
  return {
    kind: 'recommendations',
    recommendations: fired.map((f) => toRecommendation(graph, f.rule, f.trigger)),
  };
}
