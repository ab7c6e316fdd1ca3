/**
 * The evidence grades on every edge and claim, without zod (vocabulary.ts builds the schema and
 * re-exports these), so pages that only show a grade's label (Today's goals) do not load zod.
 *
 * @example EVIDENCE_GRADES.human_trials.label // → 'Human trials'
 */

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
