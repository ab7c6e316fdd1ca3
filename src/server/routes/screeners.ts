/**
 * Questionnaires and the signals check: definitions, submit, history, one response, delete, and
 * an overview with the two-weekly reminder. Every answer that carries a result of a response with a
 * safety trigger puts `support` first, so a client reading in order meets the support screen
 * before any score.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { localDate } from '../../core/date-schemas.ts';
import { localDateAt } from '../../core/dates.ts';
import { NotFoundError } from '../../core/errors.ts';
import type { KnowledgeGraph } from '../../core/knowledge/index.ts';
import {
  type Escalation,
  escalate,
  escalationOf,
  PROFESSIONAL_CAN_HELP,
  screenTriggers,
} from '../../core/safety/index.ts';
import {
  INSTRUMENTS,
  type InstrumentId,
  isInstrumentId,
  NOT_A_DIAGNOSIS,
  parseSignalsAnswers,
  RED_FLAGS,
  repeatReminders,
  SIGNAL_GROUPS,
  SIGNALS_CAUTION,
  SIGNALS_SOURCE,
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
  markSupportRead,
  type NewScreenerResponse,
  type ScreenerResponseRow,
} from '../../store/screeners.ts';
import type { AppContext } from '../context.ts';
import { requirePerson } from '../plugins/auth.ts';
import { parseInput } from '../plugins/errors.ts';
import { safetyNowFor, supportFor } from './safety.ts';

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

/**
 * Scores or parses one submission into what is stored, with what it raises (core/safety's
 * `escalate`, given the previous PHQ-9 total for reliable change). The stored trigger codes are
 * the ones that call for a support screen.
 */
function evaluate(
  instrument: CheckId,
  answers: Record<string, unknown>,
  previousPhq9: number | null,
): NewScreenerResponse & { escalation: Escalation } {
  if (instrument === 'signals') {
    const parsed = parseSignalsAnswers(answers);
    const yes = new Set<string>([...parsed.signals, ...parsed.redFlags]);
    const stored = Object.fromEntries(Object.keys(answers).map((k) => [k, yes.has(k)]));
    const escalation = escalate({ instrument, answers: stored, score: null });
    return {
      instrument,
      date: '',
      answers: stored,
      raw: parsed.signals.length,
      score: null,
      band: null,
      difficulty: null,
      triggers: screenTriggers(escalation.triggers).map((t) => t.code),
      escalation,
    };
  }
  const s = scoreInstrument(instrument, answers);
  const escalation = escalate(s, previousPhq9);
  return {
    instrument,
    date: '',
    answers: s.answers,
    raw: s.raw,
    score: s.score,
    band: s.band.key,
    difficulty: s.difficulty,
    triggers: screenTriggers(escalation.triggers).map((t) => t.code),
    escalation,
  };
}

function responseView(
  graph: KnowledgeGraph,
  row: ScreenerResponseRow,
  escalation: Escalation,
  previous?: ScreenerResponseRow,
) {
  const base = {
    id: row.id,
    instrument: row.instrument,
    date: row.date,
    createdAt: row.createdAt,
    answers: row.answers,
    safetyTriggered: screenTriggers(escalation.triggers).length > 0,
    /** urgent · professional · mention · none (core/safety/escalation.ts). */
    level: escalation.level,
    /** For a "worth mentioning" result (and above): a plain note that a professional can help. */
    professionalNote: escalation.level === 'none' ? null : PROFESSIONAL_CAN_HELP,
    mentions: escalation.triggers.filter((t) => t.level === 'mention').map((t) => t.message),
    supportReadAt: row.supportReadAt,
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
    const earlier =
      instrument === 'who5' || instrument === 'phq9'
        ? await listScreenerResponses(db, personId, { instrument })
        : [];
    const previous = earlier.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)).at(-1);
    const { escalation, ...toStore } = evaluate(instrument, body.answers, previous?.score ?? null);
    const person = await getPerson(db, personId);
    const now = ctx.now();
    const row = await insertScreenerResponse(
      db,
      personId,
      { ...toStore, date: localDateAt(now, person.time_zone) },
      now,
    );
    // `support` first: the support screen comes before any score.
    const support = await supportFor(db, personId, req, escalation.triggers);
    return reply.code(201).send({
      support,
      response: responseView(ctx.knowledge, row, escalation, instrument === 'who5' ? previous : undefined),
    });
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

  /** "I've read this": a professional screen stops holding suggestions back once read. */
  app.post('/api/screeners/responses/:id/support-read', async (req, reply) => {
    const personId = requirePerson(req);
    const { id } = parseInput(idParams, req.params, 'params');
    if (!(await markSupportRead(db, personId, id, ctx.now()))) throw new NotFoundError('response');
    return reply.code(204).send();
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
    const escalation = escalationOf(
      row,
      await listScreenerResponses(db, personId, { instrument: row.instrument }),
    );
    const support = await supportFor(db, personId, req, escalation.triggers);
    return { support, response: responseView(ctx.knowledge, row, escalation, previous) };
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
    // A result in the questionnaires' own window (the last 2 weeks) that calls for a support
    // screen keeps it in front of the scores; `support` comes first.
    const { screen, unreadResultIds } = await safetyNowFor(ctx, personId, today);
    const support = await supportFor(
      db,
      personId,
      req,
      screen.filter((t) => t.code !== 'low_mood_pattern'),
    );
    return {
      support,
      /** Results whose screen this one stands for and that were not read yet. */
      unreadResultIds,
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
