/**
 * The knowledge graph's vocabulary: evidence grades, relations, node kinds, and the zod schemas
 * of what a `knowledge/*.yaml` file may hold (topics, references, nodes, edges, claims).
 *
 * @example
 * EVIDENCE_GRADES.human_trials.label // → 'Human trials'
 * edgeSchema.parse({ from: 'tryptophan', relation: 'precursor_of', to: 'serotonin', grade: 'established', refs: ['jenkins_2016'] })
 */
import { z } from 'zod';

/** Evidence grades, strongest first. Each edge and claim carries exactly one. */
export const EVIDENCE_GRADES = {
  established: {
    label: 'Established',
    rank: 5,
    description:
      'Textbook knowledge: consistent findings in people from many studies, not seriously disputed.',
  },
  human_trials: {
    label: 'Human trials',
    rank: 4,
    description:
      'Randomised or controlled trials in people show an effect, though trials may be small, short or mixed.',
  },
  observational: {
    label: 'Observational',
    rank: 3,
    description: 'Seen in studies that observe people. It shows a link, not that one thing causes the other.',
  },
  preclinical: {
    label: 'Animal / lab studies',
    rank: 2,
    description:
      'Shown in animals or cells. Promising, but results in animals often do not carry over to people.',
  },
  speculative: {
    label: 'Speculative',
    rank: 1,
    description:
      'An idea or a popular claim with little direct evidence yet, or evidence that points the other way.',
  },
} as const;

export type EvidenceGrade = keyof typeof EVIDENCE_GRADES;
export const evidenceGradeSchema = z.enum(
  Object.keys(EVIDENCE_GRADES) as [EvidenceGrade, ...EvidenceGrade[]],
  { error: `must be one of: ${Object.keys(EVIDENCE_GRADES).join(', ')}` },
);

/** Relations: how an edge reads forwards (`from … to`, and with a plural subject) and backwards (`to … from`). */
export const RELATIONS = {
  produces: { label: 'produces', inverse: 'is produced by', plural: 'produce' },
  precursor_of: {
    label: 'is a building block of',
    inverse: 'is made from',
    plural: 'are building blocks of',
  },
  found_in: { label: 'is found in', inverse: 'contains', plural: 'are found in' },
  feeds: { label: 'feeds', inverse: 'is fed by', plural: 'feed' },
  supports: { label: 'supports', inverse: 'is supported by', plural: 'support' },
  increases: { label: 'increases', inverse: 'is increased by', plural: 'increase' },
  reduces: { label: 'reduces', inverse: 'is reduced by', plural: 'reduce' },
  disrupts: { label: 'disrupts', inverse: 'is disrupted by', plural: 'disrupt' },
  associated_with: {
    label: 'is associated with',
    inverse: 'is associated with',
    plural: 'are associated with',
  },
  lower_in: {
    label: 'is found at lower levels in',
    inverse: 'has lower levels of',
    plural: 'are found at lower levels in',
  },
  linked_to: {
    label: 'is linked by the articles to',
    inverse: 'is linked by the articles to',
    plural: 'are linked by the articles to',
  },
  part_of: { label: 'is part of', inverse: 'includes', plural: 'are part of' },
  connects: { label: 'connects', inverse: 'is connected by', plural: 'connect' },
  regulates: { label: 'regulates', inverse: 'is regulated by', plural: 'regulate' },
  protects: { label: 'protects', inverse: 'is protected by', plural: 'protect' },
  does_not_cross: { label: 'does not cross', inverse: 'is not crossed by', plural: 'do not cross' },
  targets: { label: 'acts on', inverse: 'is acted on by', plural: 'act on' },
  treats: { label: 'treats', inverse: 'can be treated with', plural: 'treat' },
  helps_with: { label: 'can help with', inverse: 'can be helped by', plural: 'can help with' },
  no_effect_on: {
    label: 'showed no effect on',
    inverse: 'was not changed by',
    plural: 'showed no effect on',
  },
  questions: { label: 'questions', inverse: 'is questioned by', plural: 'question' },
  rises_during: { label: 'rises during', inverse: 'sees a rise in', plural: 'rise during' },
  falls_during: { label: 'falls during', inverse: 'sees a fall in', plural: 'fall during' },
  fits: { label: 'fits well in', inverse: 'is a good time for', plural: 'fit well in' },
  goes_with_more: { label: 'goes with more', inverse: 'is higher with', plural: 'go with more' },
  goes_with_less: { label: 'goes with less', inverse: 'is lower with', plural: 'go with less' },
  proposed_for: {
    label: 'is proposed as a help for',
    inverse: 'has been proposed to be helped by',
    plural: 'are proposed as a help for',
  },
  applies_to: { label: 'applies to', inverse: 'is covered by', plural: 'apply to' },
} as const;

export type Relation = keyof typeof RELATIONS;
export const relationSchema = z.enum(Object.keys(RELATIONS) as [Relation, ...Relation[]], {
  error: `must be one of: ${Object.keys(RELATIONS).join(', ')}`,
});

/**
 * Relations that say one thing changes another. They need evidence from experiments — trials in
 * people, or animal and lab experiments graded preclinical (the grade then says in whom) — so an
 * edge graded observational or speculative must use an associational relation instead
 * (`associated_with`, `goes_with_more`, `goes_with_less`, `linked_to`, `proposed_for`).
 */
export const CAUSAL_RELATIONS: readonly Relation[] = [
  'produces',
  'precursor_of',
  'feeds',
  'supports',
  'increases',
  'reduces',
  'disrupts',
  'regulates',
  'protects',
  'targets',
  'treats',
  'helps_with',
];

/** Relations that mean "helps this node do its job" (used by `supportingEdgesFor`). */
export const SUPPORTING_RELATIONS: readonly Relation[] = [
  'supports',
  'produces',
  'increases',
  'precursor_of',
  'feeds',
  'protects',
];

export const NODE_KINDS = {
  neurotransmitter: 'Neurotransmitter',
  structure: 'Body structure',
  mechanism: 'Mechanism',
  microbe: 'Microbe',
  metabolite: 'Metabolite',
  nutrient: 'Nutrient',
  food: 'Food',
  food_category: 'Food category',
  practice: 'Practice',
  signal: 'Signal',
  red_flag: 'Red flag',
  condition: 'Condition',
  treatment: 'Treatment',
  professional: 'Professional',
  rhythm_phase: 'Time of day',
  concept: 'Idea',
} as const;

export type NodeKind = keyof typeof NODE_KINDS;
export const nodeKindSchema = z.enum(Object.keys(NODE_KINDS) as [NodeKind, ...NodeKind[]], {
  error: `must be one of: ${Object.keys(NODE_KINDS).join(', ')}`,
});

const id = z
  .string({ error: 'must be text' })
  .regex(/^[a-z][a-z0-9_]*$/, { error: 'must be snake_case (a-z, 0-9, _)' });
const text = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' });
const time = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, { error: 'must be a time like 06:00' });

/**
 * Study designs, each saying whether it can carry a "human trials" grade and whether it is
 * evidence from animals or cells only (which can never carry more than "preclinical").
 */
export const STUDY_DESIGNS = {
  trial: { label: 'Randomised or controlled trial in people', trialGrade: true, preclinical: false },
  meta_analysis: { label: 'Meta-analysis of trials', trialGrade: true, preclinical: false },
  meta_analysis_observational: {
    label: 'Meta-analysis of observational studies',
    trialGrade: false,
    preclinical: false,
  },
  uncontrolled_trial: {
    label: 'Study in people without a control group',
    trialGrade: false,
    preclinical: false,
  },
  experiment: {
    label: 'Laboratory experiment in people (scans, lab tasks)',
    trialGrade: false,
    preclinical: false,
  },
  observational: { label: 'Observational study in people', trialGrade: false, preclinical: false },
  review: { label: 'Review', trialGrade: false, preclinical: false },
  preclinical_review: {
    label: 'Review of mostly animal and lab studies',
    trialGrade: false,
    preclinical: true,
  },
  animal: { label: 'Animal study', trialGrade: false, preclinical: true },
  lab: { label: 'Lab (cell or culture) study', trialGrade: false, preclinical: true },
  guideline: { label: 'Guideline or consensus statement', trialGrade: false, preclinical: false },
  hypothesis: { label: 'Hypothesis paper (no new data)', trialGrade: false, preclinical: false },
} as const;
export type StudyDesign = keyof typeof STUDY_DESIGNS;

export const topicSchema = z.strictObject({ id, title: text, summary: text, order: z.number().int() });
export type Topic = z.infer<typeof topicSchema>;

export const referenceSchema = z.strictObject({
  id,
  doi: z
    .string({ error: 'must be text' })
    .regex(/^10\.\d{4,9}\/\S+$/, { error: 'must be a DOI like 10.1016/j.cell.2015.02.047' }),
  citation: text,
  year: z.number().int().min(1900).max(2100),
  /** What kind of study: the grade of an edge should not exceed what its studies can show. */
  design: z.enum(Object.keys(STUDY_DESIGNS) as [StudyDesign, ...StudyDesign[]], {
    error: `must be one of: ${Object.keys(STUDY_DESIGNS).join(', ')}`,
  }),
  /** Where the DOI and citation were checked, and when: "pubmed 2026-12-06". */
  checked: text.optional(),
});
export type Reference = z.infer<typeof referenceSchema>;

/** A time of day from the first article's walk through the day; the insights page charts energy against it. */
export const rhythmSchema = z.strictObject({
  order: z.number().int().min(1),
  from: time,
  to: time,
  /** The check-in measure that records energy in this part of the day, if any. */
  energyMeasure: z.enum(['energy_morning', 'energy_midday', 'energy_evening']).nullable(),
});

export const nodeSchema = z.strictObject({
  id,
  kind: nodeKindSchema,
  name: text,
  topic: id,
  aliases: z.array(text).default([]),
  /** One plain sentence. */
  summary: text,
  /** A few short paragraphs, plain language; what the evidence supports. */
  text,
  /** Only for `rhythm_phase` nodes. */
  rhythm: rhythmSchema.optional(),
});
export type KnowledgeNode = z.infer<typeof nodeSchema>;

export const edgeSchema = z.strictObject({
  from: id,
  relation: relationSchema,
  to: id,
  grade: evidenceGradeSchema,
  /** One or two plain sentences saying what the studies found, honestly. */
  note: text,
  refs: z.array(id, { error: 'must be a list of reference ids' }).min(1, {
    error: 'an edge needs at least one reference',
  }),
});
export type EdgeInput = z.infer<typeof edgeSchema>;
export interface KnowledgeEdge extends EdgeInput {
  /** `from--relation--to`: unique in the graph. */
  id: string;
}

/** A statement from one of the source articles, and what the evidence actually supports. */
export const claimSchema = z.strictObject({
  id,
  about: id,
  /** What the article says, paraphrased. */
  statement: text,
  verdict: z.enum(['supported', 'partly_supported', 'overstated', 'not_supported']),
  /** What the evidence supports, in plain words. */
  evidence: text,
  grade: evidenceGradeSchema,
  refs: z.array(id).min(1, { error: 'a claim needs at least one reference' }),
  /** The source article (an `articles` id) the statement comes from. */
  article: id,
  /** The edge (`from--relation--to`) that states what the evidence supports; its grade must match. */
  edge: z
    .string()
    .regex(/^[a-z][a-z0-9_]*--[a-z_]+--[a-z][a-z0-9_]*$/, {
      error: 'must be an edge id like from--relation--to',
    })
    .optional(),
});
export type Claim = z.infer<typeof claimSchema>;

/**
 * One entry of a source article's own reference list: either cited by the graph (as `reference`,
 * attached to the article `claims` it is offered for, with `miscited` saying where the article
 * gets the citation wrong) or deliberately `left_out`, with the reason.
 */
export const articleReferenceSchema = z.strictObject({
  doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, { error: 'must be a DOI' }),
  /** How the article cites it, shortened. */
  as_cited: text,
  reference: id.optional(),
  claims: z.array(id).default([]),
  miscited: text.optional(),
  left_out: text.optional(),
});
export type ArticleReference = z.infer<typeof articleReferenceSchema>;

/** A source article the claims come from, and its own reference list. */
export const articleSchema = z.strictObject({
  id,
  title: text,
  /** Author or publisher, and date, as far as the article gives them. */
  source: text,
  references: z.array(articleReferenceSchema).default([]),
});
export type Article = z.infer<typeof articleSchema>;

export const CLAIM_VERDICTS = {
  supported: 'Supported',
  partly_supported: 'Partly supported',
  overstated: 'Overstated',
  not_supported: 'Not supported',
} as const;

export const knowledgeFileSchema = z.strictObject({
  topics: z.array(z.unknown()).optional(),
  references: z.array(z.unknown()).optional(),
  nodes: z.array(z.unknown()).optional(),
  edges: z.array(z.unknown()).optional(),
  claims: z.array(z.unknown()).optional(),
  articles: z.array(z.unknown()).optional(),
});

export interface KnowledgeGraph {
  topics: Topic[];
  nodes: KnowledgeNode[];
  edges: KnowledgeEdge[];
  references: Reference[];
  claims: Claim[];
  articles: Article[];
  nodeIndex: ReadonlyMap<string, KnowledgeNode>;
  referenceIndex: ReadonlyMap<string, Reference>;
  edgesFromIndex: ReadonlyMap<string, KnowledgeEdge[]>;
  edgesToIndex: ReadonlyMap<string, KnowledgeEdge[]>;
}

/** The DOI as a link: `doiUrl('10.1038/nri.2015.5')` → `https://doi.org/10.1038/nri.2015.5`. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}
