/**
 * The knowledge graph's vocabulary: evidence grades, relations (and which of them say one thing
 * changes another), study designs and node kinds. The schemas of the YAML sections are in
 * types.ts, which re-exports all of this.
 *
 * @example
 * EVIDENCE_GRADES.human_trials.label   // → 'Human trials'
 * STUDY_DESIGNS.trial.trialGrade       // → true
 * CAUSAL_RELATIONS.includes('reduces') // → true
 */
import { z } from 'zod';
import { EVIDENCE_GRADES, type EvidenceGrade } from './evidence-grades.ts';

export { EVIDENCE_GRADES, type EvidenceGrade };
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
