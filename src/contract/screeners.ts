/**
 * Questionnaires (PHQ-9, GAD-7, WHO-5) and the signals check: definitions, submit, history, one
 * result, delete, and the overview with the two-weekly reminder. Every answer that carries a
 * result with a safety trigger puts `support` first, so a client reading in order meets the
 * support screen before any score.
 */
import { z } from 'zod';
import { evidenceGradeSchema } from '../core/knowledge/vocabulary.ts';
import { localDate, noContent } from './common.ts';
import { endpoint } from './endpoint.ts';
import { supportScreen } from './safety.ts';

export const CHECKS = ['phq9', 'gad7', 'who5', 'signals'] as const;
const checkId = z.enum(CHECKS, { error: `must be one of: ${CHECKS.join(', ')}` });
const instrumentId = z.enum(['phq9', 'gad7', 'who5']);
const responseIdParams = z.strictObject({ id: z.uuid({ error: 'must be a response id' }) });

const answerOption = z.strictObject({ value: z.number(), label: z.string() });
const band = z.strictObject({ key: z.string(), label: z.string(), min: z.number(), max: z.number() });

export const instrument = z.strictObject({
  id: instrumentId,
  name: z.string(),
  shortName: z.string(),
  stem: z.string(),
  items: z.array(z.strictObject({ id: z.string(), text: z.string() })).readonly(),
  options: z.array(answerOption).readonly(),
  difficulty: z
    .strictObject({ id: z.string(), text: z.string(), options: z.array(answerOption).readonly() })
    .optional(),
  bands: z.array(band).readonly(),
  scoreRange: z.strictObject({ min: z.number(), max: z.number() }),
  scoreLabel: z.string(),
  attribution: z.string(),
  citation: z.strictObject({ text: z.string(), doi: z.string() }),
});

const signalSystem = z.enum(['serotonin', 'dopamine', 'gaba', 'norepinephrine']);
const signal = z.strictObject({ id: z.string(), label: z.string() });

const gradedStatement = z.strictObject({
  nodeId: z.string(),
  name: z.string(),
  relation: z.string(),
  sentence: z.string(),
  edgeId: z.string(),
  grade: evidenceGradeSchema,
  gradeLabel: z.string(),
  note: z.string(),
  references: z.array(z.strictObject({ citation: z.string(), doi: z.string() })),
});

/** What the knowledge graph says about the signals a person ticked (never a diagnosis). */
export const signalsReflection = z.strictObject({
  systems: z.array(
    z.strictObject({
      neurotransmitter: signalSystem,
      name: z.string(),
      signals: z.array(signal).readonly(),
      summary: z.string().nullable(),
      links: z.array(gradedStatement),
    }),
  ),
  tested: z.array(gradedStatement),
  caution: z.string(),
});

const resultBase = {
  id: z.string(),
  instrument: checkId,
  date: localDate,
  createdAt: z.string(),
  answers: z.record(z.string(), z.union([z.number(), z.boolean()])),
  safetyTriggered: z.boolean(),
  /** urgent · professional · mention · none (core/safety/escalation.ts). */
  level: z.enum(['urgent', 'professional', 'mention', 'none']),
  /** For a "worth mentioning" result (and above): a plain note that a professional can help. */
  professionalNote: z.strictObject({ heading: z.string(), text: z.string(), findOne: z.string() }).nullable(),
  mentions: z.array(z.string()),
  supportReadAt: z.string().nullable(),
  notADiagnosis: z.string(),
};

/** One result: a questionnaire's score and band, or the signals check's reflection. */
export const screenerResult = z.union([
  z.strictObject({ ...resultBase, signalCount: z.number().nullable(), reflection: signalsReflection }),
  z.strictObject({
    ...resultBase,
    raw: z.number().nullable(),
    score: z.number().nullable(),
    scoreLabel: z.string(),
    band: band.nullable(),
    difficulty: z.number().nullable(),
    /** WHO-5: the change since the one before (Topp et al. 2015: 10 points is meaningful). */
    change: z
      .strictObject({
        since: localDate,
        change: z.number(),
        meaningful: z.boolean(),
        direction: z.enum(['better', 'worse', 'same']),
      })
      .nullable(),
  }),
]);

/** `support` first: the support screen comes before any score. */
const resultAnswer = z.strictObject({ support: supportScreen.nullable(), response: screenerResult });

const scoreLine = z.strictObject({
  id: z.string(),
  instrument: z.string(),
  date: localDate,
  score: z.number().nullable(),
  band: z.string().nullable(),
  safetyTriggered: z.boolean(),
});

const listQuery = z.strictObject({
  instrument: checkId.optional(),
  from: localDate.optional(),
  to: localDate.optional(),
});

export const getScreenerInstruments = endpoint({
  method: 'GET',
  path: '/api/screeners/instruments',
  summary: 'The questionnaires and the signals check, with their wording, bands and sources.',
  output: z.strictObject({
    instruments: z.array(instrument).readonly(),
    signals: z.strictObject({
      groups: z
        .array(
          z.strictObject({
            neurotransmitter: signalSystem,
            name: z.string(),
            linkGrade: evidenceGradeSchema,
            signals: z.array(signal).readonly(),
          }),
        )
        .readonly(),
      redFlags: z.array(signal).readonly(),
      caution: z.string(),
      source: z.strictObject({ title: z.string(), author: z.string(), published: localDate }),
    }),
    notADiagnosis: z.string(),
  }),
});

export const postScreener = endpoint({
  method: 'POST',
  path: '/api/screeners/:instrument',
  summary:
    'Scores one filled-in questionnaire or signals check; a support screen comes first when it raises one.',
  params: z.strictObject({ instrument: checkId }),
  body: z.strictObject({
    answers: z.record(z.string().max(64), z.unknown(), { error: 'must be an object of question → answer' }),
  }),
  output: resultAnswer,
  status: 201,
});

export const getScreenerResponses = endpoint({
  method: 'GET',
  path: '/api/screeners/responses',
  summary: 'Past results, by questionnaire and period.',
  query: listQuery,
  output: z.strictObject({ responses: z.array(scoreLine) }),
});

export const getScreenerResponse = endpoint({
  method: 'GET',
  path: '/api/screeners/responses/:id',
  summary: 'One result, with its support screen first when it raises one.',
  params: responseIdParams,
  output: resultAnswer,
});

export const postSupportRead = endpoint({
  method: 'POST',
  path: '/api/screeners/responses/:id/support-read',
  summary: '"I\'ve read this": a professional screen stops holding suggestions back once read.',
  params: responseIdParams,
  output: noContent,
  status: 204,
});

export const deleteScreenerResponse = endpoint({
  method: 'DELETE',
  path: '/api/screeners/responses/:id',
  summary: 'Deletes one result.',
  params: responseIdParams,
  output: noContent,
  status: 204,
});

export const getScreenerOverview = endpoint({
  method: 'GET',
  path: '/api/screeners/overview',
  summary:
    'Scores over time beside diary mood, which are due again, and the support screen of recent results first.',
  query: listQuery.omit({ instrument: true }),
  output: z.strictObject({
    support: supportScreen.nullable(),
    /** Results whose screen this one stands for and that were not read yet. */
    unreadResultIds: z.array(z.string()),
    today: localDate,
    scores: z.array(scoreLine),
    mood: z.array(z.strictObject({ date: localDate, mood: z.number() })),
    reminders: z.array(
      z.strictObject({
        instrument: instrumentId,
        lastDate: localDate,
        due: localDate,
        daysSince: z.number(),
      }),
    ),
  }),
});
