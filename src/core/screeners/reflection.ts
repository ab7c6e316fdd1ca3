/**
 * The signals check's reflection, read from the knowledge graph: for each system the person's
 * answers touch, how well the graph supports the signal → system link itself, and which everyday
 * practices and foods the graph says support that system, each with its evidence grade and
 * references. Supplements, probiotic strains and medicines are left out on purpose: this is an
 * educational reflection, never a recommendation to take something.
 *
 * @example signalsReflection(graph, ['signal_excessive_worry']).systems[0].supports[0].grade // 'human_trials'
 */
import {
  EVIDENCE_GRADES,
  type EvidenceGrade,
  edgesFrom,
  type KnowledgeGraph,
  nodeById,
  RELATIONS,
  referencesFor,
  supportingEdgesFor,
} from '../knowledge/index.ts';
import { reflectOnSignals, SIGNALS_CAUTION, type SystemTouched } from './signals.ts';

/** Node kinds a reflection may mention as support: everyday things, nothing to buy or prescribe. */
export const REFLECTION_SUPPORT_KINDS: readonly string[] = ['practice', 'food_category', 'food'];
export const SUPPORTS_PER_SYSTEM = 5;

export interface GradedStatement {
  /** The node the statement is about (a practice, a food category, or the signal). */
  nodeId: string;
  name: string;
  /** The relation as words: "supports", "is a building block of", … */
  relation: string;
  grade: EvidenceGrade;
  gradeLabel: string;
  note: string;
  references: { citation: string; doi: string }[];
}

export interface SystemReflection extends SystemTouched {
  /** The neurotransmitter node's one-line summary, when the graph has it. */
  summary: string | null;
  /** What the graph says about each answered signal's link to this system. */
  links: GradedStatement[];
  /** Everyday practices and foods that support the system, strongest evidence first. */
  supports: GradedStatement[];
}

function statement(graph: KnowledgeGraph, edge: ReturnType<typeof edgesFrom>[number], nodeId: string) {
  return {
    nodeId,
    name: nodeById(graph, nodeId)?.name ?? nodeId,
    relation: RELATIONS[edge.relation].label,
    grade: edge.grade,
    gradeLabel: EVIDENCE_GRADES[edge.grade].label,
    note: edge.note,
    references: referencesFor(graph, edge).map((r) => ({ citation: r.citation, doi: r.doi })),
  };
}

export function signalsReflection(
  graph: KnowledgeGraph,
  signalIds: readonly string[],
): { systems: SystemReflection[]; caution: string } {
  const { systems } = reflectOnSignals(signalIds);
  return {
    caution: SIGNALS_CAUTION,
    systems: systems.map((s) => {
      const links = s.signals.flatMap((sig) =>
        edgesFrom(graph, sig.id)
          .filter((e) => e.to === s.neurotransmitter)
          .map((e) => statement(graph, e, sig.id)),
      );
      const supports = supportingEdgesFor(graph, s.neurotransmitter)
        .filter((e) => REFLECTION_SUPPORT_KINDS.includes(nodeById(graph, e.from)?.kind ?? ''))
        .slice(0, SUPPORTS_PER_SYSTEM)
        .map((e) => statement(graph, e, e.from));
      return { ...s, summary: nodeById(graph, s.neurotransmitter)?.summary ?? null, links, supports };
    }),
  };
}
