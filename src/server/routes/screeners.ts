/**
 * Questionnaires and the signals check: definitions, submit, history, one response, delete, and
 * an overview with the two-weekly reminder. Every answer that carries a result of a response with a
 * safety trigger puts `support` first, so a client reading in order meets the support screen
 * before any score.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { localDate } from '../../core/date-schemas.ts';
import { addDays, localDateAt } from '../../core/dates.ts';
import { NotFoundError } from '../../core/errors.ts';
import type { KnowledgeGraph } from '../../core/knowledge/index.ts';
import {
  INSTRUMENTS,
  type InstrumentId,
  isInstrumentId,
  NOT_A_DIAGNOSIS,
  parseSignalsAnswers,
  RED_FLAGS,
  REPEAT_EVERY_DAYS,
  repeatReminders,
  type SafetyTrigger,
  SIGNAL_GROUPS,
  SIGNALS_CAUTION,
  SIGNALS_SOURCE,
  safetyTriggersForRedFlags,
  safetyTriggersForScreener,
  scoreInstrument,
  signalsReflection,
  who5Change,
} from '../../core/screeners/index.ts';
import { getPerson } from '../../store/people.ts';
import { moodBetween } from '../../store/safety.ts';
import {
  deleteScreenerResponse,
  getScreenerResponse,
  insertScreenerResponse,
  lastResponseDates,
  listScreenerResponses,
  type NewScreenerResponse,
  type ScreenerResponseRow,
} from '../../store/screeners.ts';
import type { AppContext } from '../context.ts';
import { requirePerson } from '../plugins/auth.ts';
import { parseInput } from '../plugins/errors.ts';
import { supportFor } from './safety.ts';

const CHECKS = ['phq9', 'gad7', 'who5', 'signals'] as const;
type CheckId = (typeof CHECKS)[number];

const checkParams = z.strictObject({
  instrument: z.enum(CHECKS, { error: `must be one of: ${CHECKS.join(', ')}` }),
});
const idParams = z.strictObject({ id: z.uuid({ error: 'must be a response id' }) });
const submitBody = z.strictObject({
  answers: z.record(z.string().max(64), z.unknown(), { error: 'must be an object of question → answer' }),
});
const listQuery = z.strictObject({
  instrument: z.enum(CHECKS, { error: `must be one of: ${CHECKS.join(', ')}` }).optional(),
  from: localDate.optional(),
  to: localDate.optional(),
});

/** Scores or parses one submission into what is stored, with the triggers it raises. */
function evaluate(
  instrument: CheckId,
  answers: Record<string, unknown>,
): NewScreenerResponse & { raised: SafetyTrigger[] } {
  if (instrument === 'signals') {
    const parsed = parseSignalsAnswers(answers);
    const raised = safetyTriggersForRedFlags(parsed.redFlags);
    const yes = new Set<string>([...parsed.signals, ...parsed.redFlags]);
    const stored = Object.fromEntries(Object.keys(answers).map((k) => [k, yes.has(k)]));
    return {
      instrument,
      date: '',
      answers: stored,
      raw: parsed.signals.length,
      score: null,
      band: null,
      difficulty: null,
      triggers: raised.map((t) => t.code),
      raised,
    };
  }
  const s = scoreInstrument(instrument, answers);
  const raised = safetyTriggersForScreener(instrument, s.answers);
  return {
    instrument,
    date: '',
    answers: s.answers,
    raw: s.raw,
    score: s.score,
    band: s.band.key,
    difficulty: s.difficulty,
    triggers: raised.map((t) => t.code),
    raised,
  };
}

/** The triggers a stored response stands for (recomputed from its answers, so wording stays current). */
function triggersOf(row: ScreenerResponseRow): SafetyTrigger[] {
  if (row.instrument === 'signals') {
    return safetyTriggersForRedFlags(RED_FLAGS.filter((f) => row.answers[f.id] === true).map((f) => f.id));
  }
  return safetyTriggersForScreener(row.instrument, row.answers as Record<string, number>);
}

function responseView(graph: KnowledgeGraph, row: ScreenerResponseRow, previous?: ScreenerResponseRow) {
  const base = {
    id: row.id,
    instrument: row.instrument,
    date: row.date,
    createdAt: row.createdAt,
    answers: row.answers,
    safetyTriggered: row.triggers.length > 0,
    notADiagnosis: NOT_A_DIAGNOSIS,
  };
  if (row.instrument === 'signals') {
    const yes = Object.entries(row.answers)
      .filter(([, v]) => v === true)
      .map(([k]) => k);
    return {
      ...base,
      signalCount: row.raw,
      reflection: signalsReflection(graph, yes),
    };
  }
  const instrument = INSTRUMENTS[row.instrument as InstrumentId];
  const band = instrument.bands.find((b) => b.key === row.band) ?? null;
  const change =
    row.instrument === 'who5' && previous?.score != null && row.score != null
      ? { since: previous.date, ...who5Change(previous.score, row.score) }
      : null;
  return {
    ...base,
    raw: row.raw,
    score: row.score,
    scoreLabel: instrument.scoreLabel,
    band,
    difficulty: row.difficulty,
    change,
  };
}

export function registerScreenerRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;

  app.get('/api/screeners/instruments', async (req) => {
    requirePerson(req);
    return {
      instruments: Object.values(INSTRUMENTS),
      signals: {
        groups: SIGNAL_GROUPS,
        redFlags: RED_FLAGS,
        caution: SIGNALS_CAUTION,
        source: SIGNALS_SOURCE,
      },
      notADiagnosis: NOT_A_DIAGNOSIS,
    };
  });

  app.post('/api/screeners/:instrument', async (req, reply) => {
    const personId = requirePerson(req);
    const { instrument } = parseInput(checkParams, req.params, 'params');
    const body = parseInput(submitBody, req.body, 'body');
    const evaluated = evaluate(instrument, body.answers);
    const person = await getPerson(db, personId);
    const now = ctx.now();
    const { raised, ...toStore } = evaluated;
    const previous =
      instrument === 'who5' ? (await listScreenerResponses(db, personId, { instrument })).at(-1) : undefined;
    const row = await insertScreenerResponse(
      db,
      personId,
      { ...toStore, date: localDateAt(now, person.time_zone) },
      now,
    );
    // `support` first: the support screen comes before any score.
    const support = await supportFor(db, personId, req, raised);
    return reply.code(201).send({ support, response: responseView(ctx.knowledge, row, previous) });
  });

  app.get('/api/screeners/responses', async (req) => {
    const personId = requirePerson(req);
    const q = parseInput(listQuery, req.query, 'query');
    const rows = await listScreenerResponses(db, personId, q);
    return {
      responses: rows.map((r) => ({
        id: r.id,
        instrument: r.instrument,
        date: r.date,
        score: r.score,
        band: r.band,
        safetyTriggered: r.triggers.length > 0,
      })),
    };
  });

  app.get('/api/screeners/responses/:id', async (req) => {
    const personId = requirePerson(req);
    const { id } = parseInput(idParams, req.params, 'params');
    const row = await getScreenerResponse(db, personId, id);
    if (!row) throw new NotFoundError('response');
    const previous =
      row.instrument === 'who5'
        ? (await listScreenerResponses(db, personId, { instrument: 'who5', to: row.date }))
            .filter((r) => r.id !== row.id && r.createdAt < row.createdAt)
            .at(-1)
        : undefined;
    const support = await supportFor(db, personId, req, triggersOf(row));
    return { support, response: responseView(ctx.knowledge, row, previous) };
  });

  app.delete('/api/screeners/responses/:id', async (req, reply) => {
    const personId = requirePerson(req);
    const { id } = parseInput(idParams, req.params, 'params');
    if ((await deleteScreenerResponse(db, personId, id)) === 0) throw new NotFoundError('response');
    return reply.code(204).send();
  });

  /** Scores over time beside diary mood, the latest of each, and which are due again. */
  app.get('/api/screeners/overview', async (req) => {
    const personId = requirePerson(req);
    const q = parseInput(listQuery.omit({ instrument: true }), req.query, 'query');
    const person = await getPerson(db, personId);
    const today = localDateAt(ctx.now(), person.time_zone);
    const rows = (await listScreenerResponses(db, personId, q)).filter((r) => isInstrumentId(r.instrument));
    // A trigger in the questionnaires' own window (the last 2 weeks) keeps the support screen in
    // front of the scores; `support` comes first.
    const windowStart = addDays(today, -(REPEAT_EVERY_DAYS - 1));
    const recentTriggered = (await listScreenerResponses(db, personId, { from: windowStart }))
      .filter((r) => r.triggers.length > 0)
      .at(-1);
    const support = recentTriggered ? await supportFor(db, personId, req, triggersOf(recentTriggered)) : null;
    return {
      support,
      today,
      scores: rows.map((r) => ({
        id: r.id,
        instrument: r.instrument,
        date: r.date,
        score: r.score,
        band: r.band,
        safetyTriggered: r.triggers.length > 0,
      })),
      mood: await moodBetween(db, personId, q.from, q.to),
      reminders: repeatReminders(await lastResponseDates(db, personId), today),
    };
  });
}
