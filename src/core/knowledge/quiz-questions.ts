/**
 * The question families. Only families where the graph is complete for the fact asked are generated:
 * "which of these is a building block of serotonin?" can be answered from the graph; "which of these
 * foods contains polyphenols?" cannot (most plants do, and the graph does not list them all).
 */
import { edgesFrom, edgesTo, nodeById, referencesFor } from './queries.ts';
import type { QuizCitation, QuizOption, QuizQuestion } from './quiz.ts';
import { edgeClause, isPluralName, nounPhrase } from './sentences.ts';
import {
  CLAIM_VERDICTS,
  type Claim,
  doiUrl,
  EVIDENCE_GRADES,
  type EvidenceGrade,
  type KnowledgeEdge,
  type KnowledgeGraph,
  type KnowledgeNode,
  type Relation,
} from './types.ts';

const SHARED_NEUROTRANSMITTERS = [
  'serotonin',
  'gaba',
  'glutamate',
  'melatonin',
  'dopamine',
  'norepinephrine',
];
// Umbrella nodes stand for whole groups, so "the gut microbiota makes butyrate" is true even without
// an edge of its own; they are never offered as a wrong answer.
const UMBRELLA_NODES = new Set(['gut_microbiota', 'probiotics', 'microbial_neurotransmitter_production']);
// Melatonin keeps rising into the night, so "night" would not be a wrong answer for "when does it rise?".
const RHYTHM_SKIP = new Set(['melatonin']);

/** A Fisher–Yates shuffle drawing from `random` (0 ≤ x < 1); the input is left as it was. */
export function shuffle<T>(items: readonly T[], random: () => number): T[] {
  const out = [...items];
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j] as T, out[i] as T];
  }
  return out;
}

/** A stable pseudo-random order for a question's options, so the answer is not always first. */
function orderOptions(questionId: string, options: QuizOption[]): QuizOption[] {
  let h = 2166136261;
  for (const ch of questionId) h = Math.imul(h ^ ch.charCodeAt(0), 16777619) >>> 0;
  const random = () => {
    h = Math.imul(h ^ (h >>> 15), 2246822507) >>> 0;
    h = Math.imul(h ^ (h >>> 13), 3266489909) >>> 0;
    h = (h ^ (h >>> 16)) >>> 0;
    return h / 4294967296;
  };
  return shuffle(options, random);
}

function name(graph: KnowledgeGraph, id: string): string {
  return nodeById(graph, id)?.name ?? id;
}

function citations(graph: KnowledgeGraph, of: KnowledgeEdge | Claim): QuizCitation[] {
  return referencesFor(graph, of).map((r) => ({ citation: r.citation, doi: r.doi, url: doiUrl(r.doi) }));
}

function edgeOption(graph: KnowledgeGraph, from: string, relation: Relation, to: string, labelOf: string) {
  return {
    id: labelOf,
    label: name(graph, labelOf),
    assertion: { type: 'edge', from, relation, to },
  } as const;
}

/**
 * Options are shuffled (stably per question) unless `inOrder` lists their natural order — grades,
 * verdicts and times of day read best as a scale, strongest or earliest first.
 */
function question(
  q: Omit<QuizQuestion, 'options' | 'answerId'>,
  answer: QuizOption,
  distractors: QuizOption[],
  inOrder?: readonly string[],
): QuizQuestion {
  const all = [answer, ...distractors];
  const options = inOrder
    ? [...all].sort((a, b) => inOrder.indexOf(a.id) - inOrder.indexOf(b.id))
    : orderOptions(q.id, all);
  return { ...q, options, answerId: answer.id };
}

export function claimQuestions(graph: KnowledgeGraph): QuizQuestion[] {
  return graph.claims.map((claim) => {
    const option = (verdict: Claim['verdict']): QuizOption => ({
      id: verdict,
      label: CLAIM_VERDICTS[verdict],
      assertion: { type: 'verdict', claimId: claim.id, verdict },
    });
    const others = (Object.keys(CLAIM_VERDICTS) as Claim['verdict'][]).filter((v) => v !== claim.verdict);
    return question(
      {
        id: `claim:${claim.id}`,
        family: 'claim',
        prompt: `Popular health writing says: “${claim.statement}” How well does the evidence support this?`,
        explanation: `${claim.evidence} ${gradeSentence(claim.grade)}`,
        nodeId: claim.about,
        references: citations(graph, claim),
      },
      option(claim.verdict),
      others.map(option),
      Object.keys(CLAIM_VERDICTS),
    );
  });
}

/** Each signal is linked to exactly one messenger, so the other three are wrong by construction. */
export function signalQuestions(graph: KnowledgeGraph): QuizQuestion[] {
  const messengers = ['serotonin', 'dopamine', 'gaba', 'norepinephrine'];
  return graph.nodes
    .filter((n) => n.kind === 'signal')
    .flatMap((signal) => {
      const links = edgesFrom(graph, signal.id, 'linked_to');
      const edge = links[0];
      if (links.length !== 1 || !edge) return [];
      const wrong = messengers.filter((m) => m !== edge.to);
      return [
        question(
          {
            id: `signal:${signal.id}`,
            family: 'signal',
            prompt: `Popular writing on brain chemistry links “${signal.name}” to which messenger?`,
            explanation: `${edge.note} ${gradeSentence(edge.grade)} Treat this as an idea, not a way to read your own brain chemistry.`,
            nodeId: signal.id,
            references: citations(graph, edge),
          },
          edgeOption(graph, signal.id, 'linked_to', edge.to, edge.to),
          wrong.map((m) => edgeOption(graph, signal.id, 'linked_to', m, m)),
        ),
      ];
    });
}

/** Distractors of the answer's kind that have no such edge to the target. */
function sameKindDistractors(
  graph: KnowledgeGraph,
  answer: KnowledgeNode,
  relation: Relation,
  to: string,
  count: number,
): KnowledgeNode[] {
  const holders = new Set(edgesTo(graph, to, relation).map((e) => e.from));
  return graph.nodes
    .filter((n) => n.kind === answer.kind && n.id !== to && !holders.has(n.id) && !UMBRELLA_NODES.has(n.id))
    .slice(0, count);
}

/** Everything that leads to `id` through a chain of building blocks (tryptophan → serotonin → melatonin). */
function precursorsOf(graph: KnowledgeGraph, id: string, seen = new Set<string>()): Set<string> {
  for (const e of edgesTo(graph, id, 'precursor_of')) {
    if (!seen.has(e.from)) {
      seen.add(e.from);
      precursorsOf(graph, e.from, seen);
    }
  }
  return seen;
}

// Nutrients offered as wrong building blocks besides the other precursors in the graph.
const NON_PRECURSOR_NUTRIENTS = ['magnesium', 'l_theanine', 'omega3'];

export function precursorQuestions(graph: KnowledgeGraph): QuizQuestion[] {
  const sources = [...new Set(graph.edges.filter((e) => e.relation === 'precursor_of').map((e) => e.from))];
  return graph.edges
    .filter((e) => e.relation === 'precursor_of')
    .flatMap((edge) => {
      const leadsThere = precursorsOf(graph, edge.to);
      const wrong = [...sources, ...NON_PRECURSOR_NUTRIENTS]
        .filter((id) => id !== edge.to && !leadsThere.has(id) && nodeById(graph, id))
        .slice(0, 3);
      if (wrong.length < 3) return [];
      return [
        question(
          {
            id: `precursor:${edge.from}:${edge.to}`,
            family: 'precursor',
            prompt: `Which of these is a building block the body uses to make ${nounPhrase(nodeById(graph, edge.to), { article: false })}?`,
            explanation: `${edge.note} ${gradeSentence(edge.grade)}`,
            nodeId: edge.to,
            references: citations(graph, edge),
          },
          edgeOption(graph, edge.from, 'precursor_of', edge.to, edge.from),
          wrong.map((id) => edgeOption(graph, id, 'precursor_of', edge.to, id)),
        ),
      ];
    });
}

export function producerQuestions(graph: KnowledgeGraph): QuizQuestion[] {
  return edgesTo(graph, 'butyrate', 'produces').flatMap((edge) => {
    const answer = nodeById(graph, edge.from);
    if (!answer) return [];
    const wrong = sameKindDistractors(graph, answer, 'produces', 'butyrate', 3);
    if (wrong.length < 3) return [];
    return [
      question(
        {
          id: `producer:${edge.from}:butyrate`,
          family: 'producer',
          prompt: 'Which of these gut bacteria makes butyrate from fibre?',
          explanation: `${edge.note} Butyrate is the main fuel of the cells lining the colon. ${gradeSentence(edge.grade)}`,
          nodeId: edge.from,
          references: citations(graph, edge),
        },
        edgeOption(graph, edge.from, 'produces', 'butyrate', edge.from),
        wrong.map((n) => edgeOption(graph, n.id, 'produces', 'butyrate', n.id)),
      ),
    ];
  });
}

export function targetQuestions(graph: KnowledgeGraph): QuizQuestion[] {
  return graph.edges
    .filter((e) => e.relation === 'targets' && SHARED_NEUROTRANSMITTERS.includes(e.to))
    .map((edge) => {
      const hit = new Set(edgesFrom(graph, edge.from, 'targets').map((e) => e.to));
      const wrong = SHARED_NEUROTRANSMITTERS.filter((m) => !hit.has(m)).slice(0, 3);
      return question(
        {
          id: `target:${edge.from}`,
          family: 'target',
          prompt: `Which messenger system ${isPluralName(name(graph, edge.from)) ? 'do' : 'does'} ${nounPhrase(nodeById(graph, edge.from))} mainly act on?`,
          explanation: `${edge.note} ${gradeSentence(edge.grade)}`,
          nodeId: edge.from,
          references: citations(graph, edge),
        },
        edgeOption(graph, edge.from, 'targets', edge.to, edge.to),
        wrong.map((m) => edgeOption(graph, edge.from, 'targets', m, m)),
      );
    });
}

export function rhythmQuestions(graph: KnowledgeGraph): QuizQuestion[] {
  const phases = graph.nodes
    .filter((n) => n.kind === 'rhythm_phase')
    .sort((a, b) => (a.rhythm?.order ?? 0) - (b.rhythm?.order ?? 0))
    .map((n) => n.id);
  return graph.edges
    .filter(
      (e) =>
        e.relation === 'rises_during' &&
        (e.grade === 'established' || e.grade === 'human_trials') &&
        !RHYTHM_SKIP.has(e.from),
    )
    .map((edge) => {
      const during = new Set(edgesFrom(graph, edge.from, 'rises_during').map((e) => e.to));
      return question(
        {
          id: `rhythm:${edge.from}`,
          family: 'rhythm',
          prompt: `When in the day ${isPluralName(name(graph, edge.from)) ? 'do' : 'does'} ${nounPhrase(nodeById(graph, edge.from))} happen or peak?`,
          explanation: `${edge.note} ${gradeSentence(edge.grade)}`,
          nodeId: edge.from,
          references: citations(graph, edge),
        },
        edgeOption(graph, edge.from, 'rises_during', edge.to, edge.to),
        phases.filter((p) => !during.has(p)).map((p) => edgeOption(graph, edge.from, 'rises_during', p, p)),
        phases,
      );
    });
}

/**
 * "How strong is the evidence for this statement?" for edges that say something about health, not
 * membership. Edges from idea pages ("What is still unknown", "Everyone is different") and the
 * articles' own links are left out: they are not statements a grade can be asked about.
 */
export function gradeQuestions(graph: KnowledgeGraph): QuizQuestion[] {
  const skip: Relation[] = [
    'part_of',
    'found_in',
    'linked_to',
    'connects',
    'fits',
    'questions',
    'applies_to',
  ];
  return graph.edges
    .filter((e) => !skip.includes(e.relation) && nodeById(graph, e.from)?.kind !== 'concept')
    .map((edge) => {
      const option = (grade: EvidenceGrade): QuizOption => ({
        id: grade,
        label: EVIDENCE_GRADES[grade].label,
        assertion: { type: 'grade', edgeId: edge.id, grade },
      });
      const others = (Object.keys(EVIDENCE_GRADES) as EvidenceGrade[]).filter((g) => g !== edge.grade);
      return question(
        {
          id: `grade:${edge.id}`,
          family: 'grade',
          prompt: `How strong is the evidence that ${edgeClause(graph, edge)}?`,
          explanation: `${edge.note} ${gradeSentence(edge.grade)} ${EVIDENCE_GRADES[edge.grade].description}`,
          nodeId: edge.from,
          references: citations(graph, edge),
        },
        option(edge.grade),
        others.map(option),
        Object.keys(EVIDENCE_GRADES),
      );
    });
}

/** "Evidence grade: human trials." — said in every explanation, so it can never drift from the graph. */
export function gradeSentence(grade: EvidenceGrade): string {
  return `Evidence grade: ${EVIDENCE_GRADES[grade].label.toLowerCase()}.`;
}
