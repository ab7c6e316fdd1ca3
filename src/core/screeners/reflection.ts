/**
 * The signals check's reflection, read from the knowledge graph: for each messenger the person's
 * answers touch, how weak the article's signal → messenger link is (every such edge is
 * speculative), and — separately, naming no messenger — everyday practices and foods that trials
 * in people have tested for low mood, anxiety and stress, each with its grade and references. The
 * reflection never suggests "boosting" a messenger with food or habits: the graph itself finds no
 * evidence for that framing. Supplements, probiotic strains and medicines are left out on purpose:
 * this is an educational reflection, never a recommendation to take something.
 *
 * @example signalsReflection(graph, ['signal_excessive_worry']).tested[0].sentence // 'Movement and exercise reduce depression.'
 */
import {
  byStrength,
  EVIDENCE_GRADES,
  type EvidenceGrade,
  edgeSentence,
  edgesFrom,
  type KnowledgeEdge,
  type KnowledgeGraph,
  nodeById,
  RELATIONS,
  type Relation,
  referencesFor,
} from '../knowledge/index.ts';
import { reflectOnSignals, SIGNALS_CAUTION, type SystemTouched } from './signals.ts';

/** How people feel, as the graph names it — what "tested in people" statements must be about. */
export const REFLECTION_FEELINGS: readonly string[] = ['depression', 'anxiety', 'stress_response'];
// Practices and whole diets only: food-category trials (theanine, omega-3) tested supplements.
const TESTED_KINDS: readonly string[] = ['practice', 'food'];
const HELPING_RELATIONS: readonly Relation[] = ['reduces', 'treats', 'helps_with'];
const TESTED_GRADES: readonly EvidenceGrade[] = ['established', 'human_trials'];
export const TESTED_STATEMENTS = 6;

export interface GradedStatement {
  /** The node the statement is about (a practice, a food category, or the signal). */
  nodeId: string;
  name: string;
  /** The relation as words: "reduces", "is linked by the articles to", … */
  relation: string;
  /** The edge as a sentence: "Movement and exercise reduce depression." */
  sentence: string;
  /** The edge behind the sentence, `from--relation--to`. */
  edgeId: string;
  grade: EvidenceGrade;
  gradeLabel: string;
  note: string;
  references: { citation: string; doi: string }[];
}

export interface SystemReflection extends SystemTouched {
  /** The neurotransmitter node's one-line summary, when the graph has it. */
  summary: string | null;
  /** What the graph says about each answered signal's link to this messenger. */
  links: GradedStatement[];
}

export interface SignalsReflection {
  systems: SystemReflection[];
  /** Everyday practices and foods tested in people for mood, worry or stress, strongest evidence first. */
  tested: GradedStatement[];
  caution: string;
}

function statement(graph: KnowledgeGraph, edge: KnowledgeEdge, nodeId: string): GradedStatement {
  return {
    nodeId,
    name: nodeById(graph, nodeId)?.name ?? nodeId,
    relation: RELATIONS[edge.relation].label,
    sentence: edgeSentence(graph, edge),
    edgeId: edge.id,
    grade: edge.grade,
    gradeLabel: EVIDENCE_GRADES[edge.grade].label,
    note: edge.note,
    references: referencesFor(graph, edge).map((r) => ({ citation: r.citation, doi: r.doi })),
  };
}

/** Everyday things trials in people found to ease low mood, anxiety or stress — one line per thing. */
function testedInPeople(graph: KnowledgeGraph): GradedStatement[] {
  const seen = new Set<string>();
  return graph.edges
    .filter(
      (e) =>
        REFLECTION_FEELINGS.includes(e.to) &&
        HELPING_RELATIONS.includes(e.relation) &&
        TESTED_GRADES.includes(e.grade) &&
        TESTED_KINDS.includes(nodeById(graph, e.from)?.kind ?? ''),
    )
    .sort(byStrength)
    .filter((e) => !seen.has(e.from) && seen.add(e.from))
    .slice(0, TESTED_STATEMENTS)
    .map((e) => statement(graph, e, e.from));
}

export function signalsReflection(graph: KnowledgeGraph, signalIds: readonly string[]): SignalsReflection {
  const { systems } = reflectOnSignals(signalIds);
  return {
    caution: SIGNALS_CAUTION,
    systems: systems.map((s) => ({
      ...s,
      summary: nodeById(graph, s.neurotransmitter)?.summary ?? null,
      links: s.signals.flatMap((sig) =>
        edgesFrom(graph, sig.id)
          .filter((e) => e.to === s.neurotransmitter)
          .map((e) => statement(graph, e, sig.id)),
      ),
    })),
    tested: systems.length > 0 ? testedInPeople(graph) : [],
  };
}
