/**
 * Jacobson–Truax reliable change: is a change between two scores larger than the questionnaire's
 * own measurement error? RCI = (x2 − x1) / S_diff with S_diff = √2 · SE and SE = SD · √(1 − r)
 * (Jacobson & Truax 1991, doi:10.1037/0022-006X.59.1.12, eq. 2 and following). |RCI| > 1.96 is a
 * reliable change (less than a 5 % chance of arising from measurement error alone).
 *
 * SD and r, as Jacobson & Truax allow, are the SD of a normal (general) population and a published
 * test–retest reliability; each is named with its source below. With them a PHQ-9 change of 4 or
 * more points is reliable, and so is a GAD-7 change of 4 or more (the NHS Talking Therapies manual
 * also uses 4 for GAD-7). The person-facing safety rule (core/safety/escalation.ts) keeps the
 * manual's more cautious PHQ-9 rise of 6: every rise it raises is therefore also a reliable
 * deterioration here, and a clinician sees a rise of 4 or 5 before the person is sent to a support
 * screen (reliable-change.test.ts checks this ordering).
 *
 * The WHO-5 has no general-population SD and test–retest r we could confirm from a source, so no
 * RCI is computed for it: its change is judged by the 10-point rule of Topp et al. 2015
 * (core/screeners/scoring.ts `who5Change`).
 *
 * @example reliableChange('phq9', 18, 9) // { index: -4.55, verdict: 'improved', criticalChange: 4 }
 */
import type { InstrumentId } from '../screeners/instruments.ts';

export interface Source {
  text: string;
  doi: string | null;
  url: string | null;
}

export interface ReliableChangeBasis {
  instrument: InstrumentId;
  reliability: { r: number; kind: 'test-retest' | 'internal consistency'; source: Source };
  sd: { value: number; sample: string; source: Source };
  /** The smallest whole-point change that is reliable. */
  criticalChange: number;
  method: Source;
}

export const JACOBSON_TRUAX: Source = {
  text: 'Jacobson NS, Truax P. Clinical significance: a statistical approach to defining meaningful change in psychotherapy research. J Consult Clin Psychol. 1991;59(1):12–19.',
  doi: '10.1037/0022-006X.59.1.12',
  url: null,
};

/** |RCI| above this is reliable: the two-tailed 95 % point of the normal distribution. */
export const RCI_CRITICAL = 1.96;

/** S_diff = SD · √2 · √(1 − r): the spread of differences that measurement error alone produces. */
export function standardErrorOfDifference(sd: number, r: number): number {
  if (!(sd > 0) || !(r >= 0 && r < 1)) throw new RangeError('SD must be positive and r in [0, 1)');
  return sd * Math.SQRT2 * Math.sqrt(1 - r);
}

/** RCI = (x2 − x1) / S_diff. */
export function reliableChangeIndex(before: number, after: number, sd: number, r: number): number {
  return (after - before) / standardErrorOfDifference(sd, r);
}

/** The smallest whole-point change whose |RCI| exceeds 1.96. */
export function criticalChange(sd: number, r: number): number {
  return Math.floor(RCI_CRITICAL * standardErrorOfDifference(sd, r)) + 1;
}

const basis = (
  instrument: InstrumentId,
  reliability: ReliableChangeBasis['reliability'],
  sd: ReliableChangeBasis['sd'],
): ReliableChangeBasis => ({
  instrument,
  reliability,
  sd,
  criticalChange: criticalChange(sd.value, reliability.r),
  method: JACOBSON_TRUAX,
});

/** The reliability and SD used per instrument, and where each number comes from. */
export const RELIABLE_CHANGE_BASIS: Readonly<Partial<Record<InstrumentId, ReliableChangeBasis>>> = {
  phq9: basis(
    'phq9',
    {
      // "PHQ-9 … completed by the patient and by a mental health professional by telephone within
      // 48 hours … correlation 0.84".
      r: 0.84,
      kind: 'test-retest',
      source: {
        text: 'Kroenke K, Spitzer RL, Williams JBW. The PHQ-9: validity of a brief depression severity measure. J Gen Intern Med. 2001;16(9):606–613 (test–retest r = 0.84).',
        doi: '10.1046/j.1525-1497.2001.016009606.x',
        url: null,
      },
    },
    {
      value: 3.5,
      sample: 'German general population, n = 5,018',
      source: {
        text: 'Kocalevent RD, Hinz A, Brähler E. Standardization of the depression screener Patient Health Questionnaire (PHQ-9) in the general population. Gen Hosp Psychiatry. 2013;35(5):551–555 (SD 3.5).',
        doi: '10.1016/j.genhosppsych.2013.04.006',
        url: null,
      },
    },
  ),
  gad7: basis(
    'gad7',
    {
      r: 0.83,
      kind: 'test-retest',
      source: {
        text: 'Spitzer RL, Kroenke K, Williams JBW, Löwe B. A brief measure for assessing generalized anxiety disorder: the GAD-7. Arch Intern Med. 2006;166(10):1092–1097 (test–retest intraclass correlation 0.83).',
        doi: '10.1001/archinte.166.10.1092',
        url: null,
      },
    },
    {
      value: 3.41,
      sample: 'German general population, n = 5,030',
      source: {
        text: 'Löwe B, Decker O, Müller S, et al. Validation and standardization of the Generalized Anxiety Disorder Screener (GAD-7) in the general population. Med Care. 2008;46(3):266–274 (SD 3.41).',
        doi: '10.1097/MLR.0b013e318160d093',
        url: null,
      },
    },
  ),
};

export type Verdict = 'improved' | 'deteriorated' | 'no reliable change';

export interface ReliableChange {
  /** To two decimals. */
  index: number;
  verdict: Verdict;
  /**
   * The smallest reliable change in whole points. The r and SD behind it, with their sources, are
   * in `RELIABLE_CHANGE_BASIS` (answers list them once, not once per person and scale).
   */
  criticalChange: number;
}

/** Higher is worse on PHQ-9 and GAD-7; higher is better on WHO-5. */
export const HIGHER_IS_WORSE: Readonly<Record<InstrumentId, boolean>> = {
  phq9: true,
  gad7: true,
  who5: false,
};

/** The reliable change from `before` to `after`, or null for an instrument without a basis (WHO-5). */
export function reliableChange(
  instrument: InstrumentId,
  before: number,
  after: number,
): ReliableChange | null {
  const b = RELIABLE_CHANGE_BASIS[instrument];
  if (!b) return null;
  const index = reliableChangeIndex(before, after, b.sd.value, b.reliability.r);
  const worse = HIGHER_IS_WORSE[instrument] ? index > 0 : index < 0;
  const verdict: Verdict =
    Math.abs(index) > RCI_CRITICAL ? (worse ? 'deteriorated' : 'improved') : 'no reliable change';
  return { index: Math.round(index * 100) / 100, verdict, criticalChange: b.criticalChange };
}
