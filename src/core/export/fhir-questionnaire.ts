/**
 * FHIR R4 `Questionnaire` resources for PHQ-9, GAD-7 and WHO-5, matching the QuestionnaireResponses
 * that fhir.ts writes (same canonical URLs and item linkIds), and a clinic's Bundle of a person's
 * responses with the Questionnaires they answer.
 *
 * LOINC: PHQ-9 panel 44249-1 (items 44250-9 … 44260-8, answers LA6568-5 … LA6571-9, total
 * 44261-6); GAD-7 panel 69737-5 (total 70274-6) — see fhir.ts. For the WHO-5 we found no LOINC
 * panel we could confirm, so its Questionnaire carries Gutbrain's own canonical URL and no LOINC
 * code rather than a guessed one.
 *
 * @example fhirQuestionnaire('phq9').code[0].code // '44249-1'
 */
import { INSTRUMENTS, type InstrumentId } from '../screeners/instruments.ts';
import { LOINC, QUESTIONNAIRE_LOINC, questionnaireResources, type ScreenerValue } from './fhir.ts';

/** The panel codes (the canonical URL of a LOINC form ends in its panel code). */
const PANEL: Readonly<Partial<Record<InstrumentId, { code: string; display: string }>>> = {
  phq9: { code: '44249-1', display: 'PHQ-9 quick depression assessment panel [Reported.PHQ]' },
  gad7: { code: '69737-5', display: 'Generalized anxiety disorder 7 item (GAD-7)' },
};

/** LOINC answer codes of the PHQ/GAD frequency scale, by value 0–3 (as fhir.ts answers them). */
const FREQUENCY_ANSWERS = ['LA6568-5', 'LA6569-3', 'LA6570-1', 'LA6571-9'];

export function fhirQuestionnaire(id: InstrumentId): Record<string, unknown> {
  const instrument = INSTRUMENTS[id];
  const codes = QUESTIONNAIRE_LOINC[id];
  const panel = PANEL[id];
  const options = [...instrument.options].sort((a, b) => a.value - b.value);
  return {
    resourceType: 'Questionnaire',
    id,
    url: codes.canonical,
    name: instrument.shortName.replace(/[^A-Za-z0-9]/g, ''),
    title: instrument.name,
    status: 'active',
    subjectType: ['Patient'],
    description: instrument.stem,
    copyright: instrument.attribution,
    ...(panel ? { code: [{ system: LOINC, ...panel }] } : {}),
    item: instrument.items.map((item, i) => {
      const loinc = codes.items[i];
      return {
        linkId: loinc ? `/${loinc}` : item.id,
        ...(loinc ? { code: [{ system: LOINC, code: loinc }] } : {}),
        text: item.text,
        type: 'choice',
        required: true,
        answerOption: options.map((o) =>
          loinc
            ? { valueCoding: { system: LOINC, code: FREQUENCY_ANSWERS[o.value], display: o.label } }
            : { valueInteger: o.value },
        ),
      };
    }),
  };
}

/** A Bundle (collection) of the three Questionnaires, the person's responses and their total scores. */
export function questionnaireBundle(input: {
  person: { id: string; displayName: string };
  screeners: readonly ScreenerValue[];
  exportedAt: string;
  newId: () => string;
}): Record<string, unknown> {
  const subject = { reference: `urn:uuid:${input.person.id}`, display: input.person.displayName };
  const patient = {
    resourceType: 'Patient',
    id: input.person.id,
    name: [{ text: input.person.displayName }],
  };
  const questionnaires = (Object.keys(INSTRUMENTS) as InstrumentId[]).map(fhirQuestionnaire);
  const responses = input.screeners.flatMap((s) => questionnaireResources(s, subject, input.newId));
  // Questionnaires are found by their canonical `url`; in the Bundle each gets a fresh urn:uuid.
  const fullUrl = (r: Record<string, unknown>) =>
    `urn:uuid:${r.resourceType === 'Questionnaire' ? input.newId() : String(r.id)}`;
  return {
    resourceType: 'Bundle',
    type: 'collection',
    timestamp: input.exportedAt,
    entry: [patient, ...questionnaires, ...responses].map((resource) => ({
      fullUrl: fullUrl(resource),
      resource,
    })),
  };
}
