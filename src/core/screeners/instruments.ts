/**
 * The three validated questionnaires, word for word as published, with their answer codes and
 * severity bands. Item and band wording must not be "improved": the bands only mean what the
 * validation studies say when the items are asked exactly as written.
 *
 * PHQ-9 and GAD-7: Pfizer's PHQ screeners ("Developed by Drs. Robert L. Spitzer, Janet B.W.
 * Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission
 * required to reproduce, translate, display or distribute."). Bands: Kroenke et al. 2001,
 * doi:10.1046/j.1525-1497.2001.016009606.x; Spitzer et al. 2006, doi:10.1001/archinte.166.10.1092.
 * WHO-5: WHO Collaborating Centre in Mental Health, Psychiatric Research Unit, Frederiksborg
 * General Hospital (1998 version); cut-offs and change of 10 points from Topp et al. 2015,
 * doi:10.1159/000376585.
 *
 * @example PHQ9.items[8].text // 'Thoughts that you would be better off dead or of hurting yourself in some way'
 */

export type InstrumentId = 'phq9' | 'gad7' | 'who5';

export interface AnswerOption {
  value: number;
  label: string;
}

export interface InstrumentItem {
  /** Answer key: `phq9_1` … `phq9_9`, `gad7_1` …, `who5_1` … */
  id: string;
  text: string;
}

export interface Band {
  /** Stable key used in storage and charts. */
  key: string;
  /** The instrument's own wording for the band. */
  label: string;
  min: number;
  max: number;
}

export interface Instrument {
  id: InstrumentId;
  name: string;
  shortName: string;
  /** The stem printed above the items. */
  stem: string;
  items: readonly InstrumentItem[];
  options: readonly AnswerOption[];
  /** The unscored question printed under the items (PHQ-9 and GAD-7 only). */
  difficulty?: { id: string; text: string; options: readonly AnswerOption[] };
  /** Bands over the reported score (the total, or for WHO-5 the percentage score). */
  bands: readonly Band[];
  scoreRange: { min: number; max: number };
  scoreLabel: string;
  attribution: string;
  citation: { text: string; doi: string };
}

const FREQUENCY: readonly AnswerOption[] = [
  { value: 0, label: 'Not at all' },
  { value: 1, label: 'Several days' },
  { value: 2, label: 'More than half the days' },
  { value: 3, label: 'Nearly every day' },
];

const DIFFICULTY_OPTIONS: readonly AnswerOption[] = [
  { value: 0, label: 'Not difficult at all' },
  { value: 1, label: 'Somewhat difficult' },
  { value: 2, label: 'Very difficult' },
  { value: 3, label: 'Extremely difficult' },
];

const PFIZER_ATTRIBUTION =
  'Developed by Drs. Robert L. Spitzer, Janet B.W. Williams, Kurt Kroenke and colleagues, with an educational grant from Pfizer Inc. No permission required to reproduce, translate, display or distribute.';

const items = (prefix: string, texts: readonly string[]): InstrumentItem[] =>
  texts.map((text, i) => ({ id: `${prefix}_${i + 1}`, text }));

export const PHQ9: Instrument = {
  id: 'phq9',
  name: 'Patient Health Questionnaire (PHQ-9)',
  shortName: 'PHQ-9',
  stem: 'Over the last 2 weeks, how often have you been bothered by any of the following problems?',
  items: items('phq9', [
    'Little interest or pleasure in doing things',
    'Feeling down, depressed, or hopeless',
    'Trouble falling or staying asleep, or sleeping too much',
    'Feeling tired or having little energy',
    'Poor appetite or overeating',
    'Feeling bad about yourself — or that you are a failure or have let yourself or your family down',
    'Trouble concentrating on things, such as reading the newspaper or watching television',
    'Moving or speaking so slowly that other people could have noticed? Or the opposite — being so fidgety or restless that you have been moving around a lot more than usual',
    'Thoughts that you would be better off dead or of hurting yourself in some way',
  ]),
  options: FREQUENCY,
  difficulty: {
    id: 'phq9_difficulty',
    text: 'If you checked off any problems, how difficult have these problems made it for you to do your work, take care of things at home, or get along with other people?',
    options: DIFFICULTY_OPTIONS,
  },
  // PHQ-9 scoring card: 5, 10, 15 and 20 are the cut-points (Kroenke et al. 2001).
  bands: [
    { key: 'minimal', label: 'Minimal', min: 0, max: 4 },
    { key: 'mild', label: 'Mild', min: 5, max: 9 },
    { key: 'moderate', label: 'Moderate', min: 10, max: 14 },
    { key: 'moderately_severe', label: 'Moderately severe', min: 15, max: 19 },
    { key: 'severe', label: 'Severe', min: 20, max: 27 },
  ],
  scoreRange: { min: 0, max: 27 },
  scoreLabel: 'Total score',
  attribution: PFIZER_ATTRIBUTION,
  citation: {
    text: 'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med. 2001;16(9):606–613.',
    doi: '10.1046/j.1525-1497.2001.016009606.x',
  },
};

export const GAD7: Instrument = {
  id: 'gad7',
  name: 'Generalized Anxiety Disorder 7-item (GAD-7)',
  shortName: 'GAD-7',
  stem: 'Over the last 2 weeks, how often have you been bothered by the following problems?',
  items: items('gad7', [
    'Feeling nervous, anxious or on edge',
    'Not being able to stop or control worrying',
    'Worrying too much about different things',
    'Trouble relaxing',
    'Being so restless that it is hard to sit still',
    'Becoming easily annoyed or irritable',
    'Feeling afraid as if something awful might happen',
  ]),
  options: FREQUENCY,
  difficulty: {
    id: 'gad7_difficulty',
    text: 'If you checked off any problems, how difficult have these made it for you to do your work, take care of things at home, or get along with other people?',
    options: DIFFICULTY_OPTIONS,
  },
  // "Scores of 5, 10, and 15 are taken as the cut-off points for mild, moderate, and severe
  // anxiety, respectively" (Spitzer et al. 2006).
  bands: [
    { key: 'minimal', label: 'Minimal', min: 0, max: 4 },
    { key: 'mild', label: 'Mild', min: 5, max: 9 },
    { key: 'moderate', label: 'Moderate', min: 10, max: 14 },
    { key: 'severe', label: 'Severe', min: 15, max: 21 },
  ],
  scoreRange: { min: 0, max: 21 },
  scoreLabel: 'Total score',
  attribution: PFIZER_ATTRIBUTION,
  citation: {
    text: 'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med. 2006;166(10):1092–1097.',
    doi: '10.1001/archinte.166.10.1092',
  },
};

export const WHO5: Instrument = {
  id: 'who5',
  name: 'WHO-Five Well-Being Index (WHO-5)',
  shortName: 'WHO-5',
  stem: 'Please indicate for each of the five statements which is closest to how you have been feeling over the last two weeks.',
  items: items('who5', [
    'I have felt cheerful and in good spirits',
    'I have felt calm and relaxed',
    'I have felt active and vigorous',
    'I woke up feeling fresh and rested',
    'My daily life has been filled with things that interest me',
  ]),
  options: [
    { value: 5, label: 'All of the time' },
    { value: 4, label: 'Most of the time' },
    { value: 3, label: 'More than half of the time' },
    { value: 2, label: 'Less than half of the time' },
    { value: 1, label: 'Some of the time' },
    { value: 0, label: 'At no time' },
  ],
  // Percentage score (raw × 4, so always a multiple of 4). ≤ 50 poor well-being, ≤ 28 likely
  // depression (Topp et al. 2015, doi:10.1159/000376585).
  bands: [
    { key: 'likely_depression', label: 'Likely depression', min: 0, max: 28 },
    { key: 'poor_wellbeing', label: 'Poor well-being', min: 29, max: 50 },
    { key: 'above_cutoff', label: 'Above the poor well-being cut-off', min: 51, max: 100 },
  ],
  scoreRange: { min: 0, max: 100 },
  scoreLabel: 'Percentage score',
  attribution:
    'WHO-Five Well-Being Index (1998 version). Psychiatric Research Unit, WHO Collaborating Centre in Mental Health, Frederiksborg General Hospital, Hillerød, Denmark.',
  citation: {
    text: 'Topp CW, Østergaard SD, Søndergaard S, Bech P. The WHO-5 Well-Being Index: a systematic review of the literature. Psychother Psychosom. 2015;84(3):167–176.',
    doi: '10.1159/000376585',
  },
};

export const INSTRUMENTS: Readonly<Record<InstrumentId, Instrument>> = { phq9: PHQ9, gad7: GAD7, who5: WHO5 };

export const INSTRUMENT_IDS = ['phq9', 'gad7', 'who5'] as const satisfies readonly InstrumentId[];

export function isInstrumentId(value: string): value is InstrumentId {
  return (INSTRUMENT_IDS as readonly string[]).includes(value);
}

/** WHO-5: a change of 10 percentage points is meaningful (Topp et al. 2015). */
export const WHO5_MEANINGFUL_CHANGE = 10;

/** Said beside every score, everywhere one is shown. */
export const NOT_A_DIAGNOSIS =
  'This is a screening score, not a diagnosis. Only a qualified professional who talks with you can diagnose.';
