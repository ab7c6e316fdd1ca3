/**
 * The person's diary and questionnaires as a FHIR R4 Bundle (type "collection") to hand to a
 * clinician's system: one Observation per diary value, one QuestionnaireResponse per PHQ-9,
 * GAD-7 or WHO-5, and an Observation for each total score.
 *
 * LOINC codes are used only where LOINC has one for exactly that thing (checked against LOINC's
 * published forms): sleep duration 93832-4; PHQ-9 panel 44249-1, items 44250-9 … 44260-8, total
 * 44261-6; GAD-7 panel 69737-5, items 69725-0 … 69736-7, total 70274-6; answers LA6568-5 …
 * LA6571-9. LOINC has no code for a 1–10 self-rated mood or energy, nor for the WHO-5, so those
 * carry Gutbrain's own code system only. Values from a watch or phone (issue 20): steps 55423-8,
 * resting heart rate 40443-4, HRV as the SDNN of R-R intervals 80404-7, respiratory rate 9279-1
 * (loinc.org/55423-8 …), in the "activity" or "vital-signs" category rather than "survey".
 *
 * @example buildFhirBundle({ person, observations, screeners, exportedAt, measure: measureByKey })
 */
import { sleepHoursBetween } from '../checkin/checkin.ts';
import { timeFromMinutes } from '../dates.ts';
import { INSTRUMENTS, type InstrumentId } from '../screeners/instruments.ts';
import type { Measure } from '../tracking/measures.ts';

export const LOINC = 'http://loinc.org';
export const GUTBRAIN_MEASURE = 'urn:gutbrain:measure';
const UCUM = 'http://unitsofmeasure.org';
const CATEGORY = 'http://terminology.hl7.org/CodeSystem/observation-category';

/** Diary measures with an exact LOINC code, and the UCUM unit their value is in. */
export const MEASURE_LOINC: Readonly<
  Record<string, { code: string; display: string; ucum?: string; category?: 'activity' | 'vital-signs' }>
> = {
  sleep_hours: { code: '93832-4', display: 'Sleep duration', ucum: 'h' },
  steps: {
    code: '55423-8',
    display: 'Number of steps in unspecified time Pedometer',
    ucum: '{steps}',
    category: 'activity',
  },
  resting_heart_rate: {
    code: '40443-4',
    display: 'Heart rate --resting',
    ucum: '/min',
    category: 'vital-signs',
  },
  hrv_sdnn: {
    code: '80404-7',
    display: 'R-R interval.standard deviation (Heart rate variability)',
    ucum: 'ms',
    category: 'vital-signs',
  },
  respiratory_rate: { code: '9279-1', display: 'Respiratory rate', ucum: '/min', category: 'vital-signs' },
};

/** Device measures without a LOINC code of their own: still activity data, not a survey answer. */
const ACTIVITY = new Set(['daylight_minutes', 'workout_minutes', 'mindful_minutes']);

const CATEGORY_NAMES = { survey: 'Survey', activity: 'Activity', 'vital-signs': 'Vital Signs' } as const;

interface QuestionnaireCodes {
  canonical: string;
  items: readonly string[];
  total?: { code: string; display: string };
}

export const QUESTIONNAIRE_LOINC: Readonly<Record<InstrumentId, QuestionnaireCodes>> = {
  phq9: {
    canonical: 'http://loinc.org/q/44249-1',
    items: [
      '44250-9',
      '44255-8',
      '44259-0',
      '44254-1',
      '44251-7',
      '44258-2',
      '44252-5',
      '44253-3',
      '44260-8',
    ],
    total: { code: '44261-6', display: 'Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]' },
  },
  gad7: {
    canonical: 'http://loinc.org/q/69737-5',
    items: ['69725-0', '68509-9', '69733-4', '69734-2', '69735-9', '69689-8', '69736-7'],
    total: {
      code: '70274-6',
      display: 'Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]',
    },
  },
  who5: { canonical: 'urn:gutbrain:questionnaire:who5', items: [] },
};

/** LOINC answer codes of the PHQ/GAD frequency scale, by value 0–3. */
const FREQUENCY_ANSWERS = ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'];

export interface DiaryValue {
  id: string;
  date: string;
  measure: string;
  value: number | null;
  text: string | null;
}

export interface ScreenerValue {
  id: string;
  instrument: string;
  date: string;
  answers: Record<string, number | boolean>;
  raw: number | null;
  score: number | null;
  createdAt: string;
}

export interface BundleInput {
  person: { id: string; displayName: string };
  observations: readonly DiaryValue[];
  screeners: readonly ScreenerValue[];
  exportedAt: string;
  measure: (key: string) => Measure | undefined;
  /** Ids for the derived score Observations (a UUID generator). */
  newId: () => string;
}

type Resource = Record<string, unknown> & { resourceType: string; id: string };

function diaryObservation(o: DiaryValue, m: Measure | undefined, subject: object): Resource | undefined {
  const loinc = MEASURE_LOINC[o.measure];
  const label = m?.label ?? o.measure;
  const coding = [
    ...(loinc ? [{ system: LOINC, code: loinc.code, display: loinc.display }] : []),
    { system: GUTBRAIN_MEASURE, code: o.measure, display: label },
  ];
  const category = loinc?.category ?? (ACTIVITY.has(o.measure) ? 'activity' : 'survey');
  const base: Resource = {
    resourceType: 'Observation',
    id: o.id,
    status: 'final',
    category: [{ coding: [{ system: CATEGORY, code: category, display: CATEGORY_NAMES[category] }] }],
    code: { coding, text: label },
    subject,
    effectiveDateTime: o.date,
  };
  if (o.text !== null && o.value === null) return { ...base, valueString: o.text };
  if (o.value === null) return undefined;
  if (m?.kind === 'time') return { ...base, valueTime: `${timeFromMinutes(o.value)}:00` };
  if (m?.kind === 'yesno') return { ...base, valueBoolean: o.value >= 1 };
  if (loinc?.ucum)
    return { ...base, valueQuantity: { value: o.value, unit: loinc.ucum, system: UCUM, code: loinc.ucum } };
  if (Number.isInteger(o.value) && (m?.kind === 'scale' || m?.kind === 'count'))
    return { ...base, valueInteger: o.value };
  return { ...base, valueQuantity: { value: o.value, ...(m?.unit ? { unit: m.unit } : {}) } };
}

export function questionnaireResources(s: ScreenerValue, subject: object, newId: () => string): Resource[] {
  if (!(s.instrument in INSTRUMENTS)) return [];
  const id = s.instrument as InstrumentId;
  const instrument = INSTRUMENTS[id];
  const codes = QUESTIONNAIRE_LOINC[id];
  const items = instrument.items.flatMap((item, i) => {
    const answer = s.answers[item.id];
    if (typeof answer !== 'number') return [];
    const loinc = codes.items[i];
    const option = instrument.options.find((o) => o.value === answer);
    const coded = loinc && FREQUENCY_ANSWERS[answer];
    return [
      {
        linkId: loinc ? `/${loinc}` : item.id,
        text: item.text,
        answer: [
          coded
            ? { valueCoding: { system: LOINC, code: coded, display: option?.label } }
            : { valueInteger: answer },
        ],
      },
    ];
  });
  const response: Resource = {
    resourceType: 'QuestionnaireResponse',
    id: s.id,
    questionnaire: codes.canonical,
    status: 'completed',
    subject,
    authored: s.createdAt,
    item: items,
  };
  const score = s.score ?? s.raw;
  if (score === null) return [response];
  const scoreCoding = [
    ...(codes.total ? [{ system: LOINC, ...codes.total }] : []),
    {
      system: GUTBRAIN_MEASURE,
      code: `${id}_score`,
      display: `${instrument.shortName} ${instrument.scoreLabel}`,
    },
  ];
  const total: Resource = {
    resourceType: 'Observation',
    id: newId(),
    status: 'final',
    category: [{ coding: [{ system: CATEGORY, code: 'survey', display: 'Survey' }] }],
    code: { coding: scoreCoding, text: `${instrument.shortName} ${instrument.scoreLabel}` },
    subject,
    effectiveDateTime: s.date,
    valueQuantity: { value: score },
    derivedFrom: [{ reference: `urn:uuid:${s.id}` }],
  };
  return [response, total];
}

/**
 * Sleep duration for days with a bedtime and a wake time but no sleep hours written down, derived
 * the way the check-in derives it, pointing at the two observations it came from.
 */
function derivedSleep(observations: readonly DiaryValue[], subject: object, newId: () => string): Resource[] {
  const byDay = new Map<string, Map<string, DiaryValue>>();
  for (const o of observations) {
    const day = byDay.get(o.date) ?? new Map<string, DiaryValue>();
    day.set(o.measure, o);
    byDay.set(o.date, day);
  }
  const out: Resource[] = [];
  for (const [date, day] of byDay) {
    const bed = day.get('bedtime');
    const wake = day.get('wake_time');
    if (day.has('sleep_hours') || bed?.value == null || wake?.value == null) continue;
    const hours = sleepHoursBetween(timeFromMinutes(bed.value), timeFromMinutes(wake.value));
    const loinc = MEASURE_LOINC.sleep_hours as { code: string; display: string; ucum: string };
    out.push({
      resourceType: 'Observation',
      id: newId(),
      status: 'final',
      category: [{ coding: [{ system: CATEGORY, code: 'survey', display: 'Survey' }] }],
      code: {
        coding: [
          { system: LOINC, code: loinc.code, display: loinc.display },
          { system: GUTBRAIN_MEASURE, code: 'sleep_hours', display: 'Sleep' },
        ],
        text: 'Sleep (from bedtime and wake time)',
      },
      subject,
      effectiveDateTime: date,
      valueQuantity: { value: hours, unit: loinc.ucum, system: UCUM, code: loinc.ucum },
      derivedFrom: [{ reference: `urn:uuid:${bed.id}` }, { reference: `urn:uuid:${wake.id}` }],
    });
  }
  return out;
}

export function buildFhirBundle(input: BundleInput): Record<string, unknown> {
  const subject = { reference: `urn:uuid:${input.person.id}`, display: input.person.displayName };
  const patient: Resource = {
    resourceType: 'Patient',
    id: input.person.id,
    name: [{ text: input.person.displayName }],
  };
  const resources: Resource[] = [patient];
  for (const o of input.observations) {
    const r = diaryObservation(o, input.measure(o.measure), subject);
    if (r) resources.push(r);
  }
  resources.push(...derivedSleep(input.observations, subject, input.newId));
  for (const s of input.screeners) resources.push(...questionnaireResources(s, subject, input.newId));
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: input.exportedAt,
    entry: resources.map((resource) => ({ fullUrl: `urn:uuid:${resource.id}`, resource })),
  };
}
