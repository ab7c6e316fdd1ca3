/**
 * The graph's own rules, checked over the whole parsed graph: a grade may not claim more than the
 * cited studies can show, a causal verb needs experimental evidence, a claim card carries its
 * edge's grade, and every entry of a source article's reference list is accounted for. The parser
 * checks shape and links; this checks what the evidence allows. The server refuses to start on a
 * graph with a lint problem, and `knowledge/content.test.ts` keeps the shipped graph clean.
 *
 * @example
 * lintKnowledge(graph) // → [] for a sound graph
 * lintKnowledge(graph)[0] // → { rule: 'causal_verb_without_experiment', subject: 'nature--reduces--stress_response', message: '…' }
 */
import { referencesFor } from './queries.ts';
import {
  CAUSAL_RELATIONS,
  EVIDENCE_GRADES,
  type EvidenceGrade,
  type KnowledgeEdge,
  type KnowledgeGraph,
  type Reference,
  STUDY_DESIGNS,
} from './types.ts';

export type LintRule =
  | 'preclinical_only_graded_higher'
  | 'human_trials_without_trial'
  | 'causal_verb_without_experiment'
  | 'hypothesis_only_graded_higher'
  | 'claim_grade_differs_from_edge'
  | 'claim_edge_does_not_touch_subject'
  | 'article_reference_unaccounted'
  | 'article_reference_mismatch'
  | 'reference_never_cited'
  | 'messenger_text_without_edge'
  | 'messenger_text_grade_differs';

export interface LintProblem {
  rule: LintRule;
  /** The edge, claim, reference or article entry at fault. */
  subject: string;
  message: string;
}

const rank = (g: EvidenceGrade) => EVIDENCE_GRADES[g].rank;

/** Grades that rest on experiments (trials, or animal and lab experiments), so may carry a causal verb. */
const EXPERIMENTAL_GRADES: readonly EvidenceGrade[] = ['established', 'human_trials', 'preclinical'];

function evidenceProblems(subject: string, grade: EvidenceGrade, refs: Reference[]): LintProblem[] {
  const problems: LintProblem[] = [];
  const designs = refs.map((r) => r.design);
  if (
    designs.length > 0 &&
    designs.every((d) => STUDY_DESIGNS[d].preclinical) &&
    rank(grade) > rank('preclinical')
  ) {
    problems.push({
      rule: 'preclinical_only_graded_higher',
      subject,
      message: `graded ${grade} but every study cited is in animals or cells (${designs.join(', ')}); grade it preclinical or lower, or cite the evidence in people`,
    });
  }
  if (grade === 'human_trials' && !designs.some((d) => STUDY_DESIGNS[d].trialGrade)) {
    problems.push({
      rule: 'human_trials_without_trial',
      subject,
      message: `graded human_trials but cites no trial or meta-analysis of trials (${designs.join(', ')})`,
    });
  }
  if (designs.length > 0 && designs.every((d) => d === 'hypothesis') && grade !== 'speculative') {
    problems.push({
      rule: 'hypothesis_only_graded_higher',
      subject,
      message: 'a hypothesis paper shows no data, so an edge resting only on one stays speculative',
    });
  }
  return problems;
}

function edgeProblems(graph: KnowledgeGraph, e: KnowledgeEdge): LintProblem[] {
  const problems = evidenceProblems(e.id, e.grade, referencesFor(graph, e));
  if (CAUSAL_RELATIONS.includes(e.relation) && !EXPERIMENTAL_GRADES.includes(e.grade)) {
    problems.push({
      rule: 'causal_verb_without_experiment',
      subject: e.id,
      message: `"${e.relation}" says one thing changes another, but the edge is graded ${e.grade}; use an associational relation (associated_with, goes_with_more, goes_with_less, linked_to, proposed_for)`,
    });
  }
  return problems;
}

function claimProblems(graph: KnowledgeGraph): LintProblem[] {
  const edges = new Map(graph.edges.map((e) => [e.id, e]));
  return graph.claims.flatMap((c) => {
    const subject = `claim ${c.id}`;
    const problems = evidenceProblems(subject, c.grade, referencesFor(graph, c));
    const edge = c.edge ? edges.get(c.edge) : undefined;
    if (edge && edge.grade !== c.grade) {
      problems.push({
        rule: 'claim_grade_differs_from_edge',
        subject,
        message: `graded ${c.grade} but its edge ${edge.id} is graded ${edge.grade}; a claim card carries its edge's grade`,
      });
    }
    if (edge && edge.from !== c.about && edge.to !== c.about) {
      problems.push({
        rule: 'claim_edge_does_not_touch_subject',
        subject,
        message: `is about ${c.about} but its edge ${edge.id} does not touch that node`,
      });
    }
    return problems;
  });
}

function articleProblems(graph: KnowledgeGraph): LintProblem[] {
  const claims = new Map(graph.claims.map((c) => [c.id, c]));
  return graph.articles.flatMap((a) =>
    a.references.flatMap((r): LintProblem[] => {
      const subject = `article ${a.id}: ${r.doi}`;
      if (r.left_out && (r.reference || r.claims.length > 0)) {
        return [
          {
            rule: 'article_reference_unaccounted',
            subject,
            message: 'is both cited and left out; choose one',
          },
        ];
      }
      if (r.left_out) return [];
      if (!r.reference || r.claims.length === 0) {
        return [
          {
            rule: 'article_reference_unaccounted',
            subject,
            message:
              'is neither cited (reference + the article claims it is attached to) nor left out with a reason',
          },
        ];
      }
      const problems: LintProblem[] = [];
      const ref = graph.referenceIndex.get(r.reference);
      if (ref && ref.doi.toLowerCase() !== r.doi.toLowerCase()) {
        problems.push({
          rule: 'article_reference_mismatch',
          subject,
          message: `is cited as ${r.reference}, whose DOI is ${ref.doi}`,
        });
      }
      for (const id of r.claims) {
        const claim = claims.get(id);
        if (claim && (claim.article !== a.id || !claim.refs.includes(r.reference))) {
          problems.push({
            rule: 'article_reference_mismatch',
            subject,
            message: `is attached to claim ${id}, which must come from this article and cite ${r.reference}`,
          });
        }
      }
      return problems;
    }),
  );
}

function uncitedReferences(graph: KnowledgeGraph): LintProblem[] {
  const cited = new Set([...graph.edges, ...graph.claims].flatMap((x) => x.refs));
  return graph.references
    .filter((r) => !cited.has(r.id))
    .map((r) => ({
      rule: 'reference_never_cited' as const,
      subject: r.id,
      message: 'is listed but no edge or claim cites it',
    }));
}

/** Every rule broken by the graph, in a stable order; empty for a sound graph. */
export function lintKnowledge(graph: KnowledgeGraph): LintProblem[] {
  return [
    ...graph.edges.flatMap((e) => edgeProblems(graph, e)),
    ...claimProblems(graph),
    ...articleProblems(graph),
    ...uncitedReferences(graph),
  ];
}

/** Whether `text` contains `word` as a word; all-capital words (GABA, NE) must match their case. */
function namesWord(text: string, word: string): boolean {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const flags = word === word.toUpperCase() ? '' : 'i';
  return new RegExp(`(^|[^A-Za-z])${escaped}([^A-Za-z]|$)`, flags).test(text);
}

/** A sentence shown outside the graph (a program goal, the signals check) and the evidence it rests on. */
export interface MessengerText {
  /** Where the text lives: "program gut_brain_30_day goal gaba_food". */
  where: string;
  text: string;
  evidence?: { edge: string; grade: EvidenceGrade };
}

/**
 * Texts that name a brain messenger (a neurotransmitter node's name or alias) must link to an edge
 * touching that messenger and carry its grade, so no goal or check can present "boost serotonin"
 * as more certain than the graph says.
 */
export function lintMessengerTexts(graph: KnowledgeGraph, texts: readonly MessengerText[]): LintProblem[] {
  const messengers = graph.nodes
    .filter((n) => n.kind === 'neurotransmitter')
    .map((n) => ({ id: n.id, words: [n.name, ...n.aliases].map((w) => w.replace(/\s*\(.*\)$/, '')) }));
  const edges = new Map(graph.edges.map((e) => [e.id, e]));
  return texts.flatMap((t): LintProblem[] => {
    const named = messengers.filter((m) => m.words.some((w) => namesWord(t.text, w)));
    if (named.length === 0) return [];
    const edge = t.evidence ? edges.get(t.evidence.edge) : undefined;
    if (!t.evidence || !edge) {
      return [
        {
          rule: 'messenger_text_without_edge',
          subject: t.where,
          message: `names ${named.map((m) => m.id).join(', ')} but links to no edge of the graph${t.evidence ? ` (${t.evidence.edge} does not exist)` : ''}`,
        },
      ];
    }
    const problems: LintProblem[] = [];
    for (const m of named) {
      if (edge.from !== m.id && edge.to !== m.id) {
        problems.push({
          rule: 'messenger_text_without_edge',
          subject: t.where,
          message: `names ${m.id} but its edge ${edge.id} does not touch it`,
        });
      }
    }
    if (edge.grade !== t.evidence.grade) {
      problems.push({
        rule: 'messenger_text_grade_differs',
        subject: t.where,
        message: `shows the grade ${t.evidence.grade} but its edge ${edge.id} is graded ${edge.grade}`,
      });
    }
    return problems;
  });
}
