/**
 * Questionnaires and the signals check: score or parse a submission, store it with the trigger
 * codes that call for a support screen, and show results with the support screen first. What a
 * result raises is asked of services/safety.ts, the pathway's one place.
 */
import type { z } from 'zod';
import type { OutputOf } from '../../contract/endpoint.ts';
import type {
  CHECKS,
  getScreenerInstruments,
  getScreenerOverview,
  getScreenerResponse,
  getScreenerResponses,
  screenerResult,
} from '../../contract/screeners.ts';
import { NotFoundError } from '../../core/errors.ts';
import type { KnowledgeGraph } from '../../core/knowledge/index.ts';
import { type Escalation, PROFESSIONAL_CAN_HELP, screenTriggers } from '../../core/safety/index.ts';
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
import { moodBetween } from '../../store/safety.ts';
import {
  deleteScreenerResponse,
  getScreenerResponse as getStoredResponse,
  insertScreenerResponse,
  lastResponseDates,
  listScreenerResponses,
  markSupportRead,
  type NewScreenerResponse,
  type ScreenerResponseRow,
} from '../../store/screeners.ts';
import { type Actor, type AppContext, personToday } from './context.ts';
import {
  type AcceptLanguage,
  resultEscalation,
  safetyNowFor,
  screenTriggerCodes,
  storedResultEscalation,
  supportFor,
} from './safety.ts';

type CheckId = (typeof CHECKS)[number];
type ResultAnswer = OutputOf<typeof getScreenerResponse>;
type ScreenerResult = z.infer<typeof screenerResult>;

export function screenerInstruments(): OutputOf<typeof getScreenerInstruments> {
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
}

/**
 * Scores or parses one submission into what is stored, with what it raises (given the previous
 * PHQ-9 total for reliable change). The stored trigger codes are the ones that call for a screen.
 */
function evaluate(
  instrument: CheckId,
  answers: Record<string, unknown>,
  previousPhq9: number | null,
): Omit<NewScreenerResponse, 'date'> & { escalation: Escalation } {
  if (instrument === 'signals') {
    const parsed = parseSignalsAnswers(answers);
    const yes = new Set<string>([...parsed.signals, ...parsed.redFlags]);
    const stored = Object.fromEntries(Object.keys(answers).map((k) => [k, yes.has(k)]));
    const escalation = resultEscalation({ instrument, answers: stored, score: null }, null);
    return {
      instrument,
      answers: stored,
      raw: parsed.signals.length,
      score: null,
      band: null,
      difficulty: null,
      triggers: screenTriggerCodes(escalation),
      escalation,
    };
  }
  const s = scoreInstrument(instrument, answers);
  const escalation = resultEscalation(s, previousPhq9);
  return {
    instrument,
    answers: s.answers,
    raw: s.raw,
    score: s.score,
    band: s.band.key,
    difficulty: s.difficulty,
    triggers: screenTriggerCodes(escalation),
    escalation,
  };
}

function resultView(
  graph: KnowledgeGraph,
  row: ScreenerResponseRow,
  escalation: Escalation,
  previous?: ScreenerResponseRow,
): ScreenerResult {
  const base = {
    id: row.id,
    instrument: row.instrument as CheckId,
    date: row.date,
    createdAt: row.createdAt,
    answers: row.answers,
    safetyTriggered: screenTriggers(escalation.triggers).length > 0,
    level: escalation.level,
    professionalNote: escalation.level === 'none' ? null : PROFESSIONAL_CAN_HELP,
    mentions: escalation.triggers.filter((t) => t.level === 'mention').map((t) => t.message),
    supportReadAt: row.supportReadAt,
    notADiagnosis: NOT_A_DIAGNOSIS,
  };
  if (row.instrument === 'signals') {
    const yes = Object.entries(row.answers)
      .filter(([, v]) => v === true)
      .map(([k]) => k);
    return { ...base, signalCount: row.raw, reflection: signalsReflection(graph, yes) };
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

export async function submitScreener(
  ctx: AppContext,
  actor: Actor,
  instrument: CheckId,
  answers: Record<string, unknown>,
  acceptLanguage: AcceptLanguage,
): Promise<ResultAnswer> {
  const { db } = ctx.store;
  const earlier =
    instrument === 'who5' || instrument === 'phq9'
      ? await listScreenerResponses(db, actor.personId, { instrument })
      : [];
  const previous = earlier.sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1)).at(-1);
  const { escalation, ...toStore } = evaluate(instrument, answers, previous?.score ?? null);
  const { today } = await personToday(ctx, actor.personId);
  const row = await insertScreenerResponse(db, actor.personId, { ...toStore, date: today }, ctx.now());
  // `support` first: the support screen comes before any score.
  const support = await supportFor(ctx, actor.personId, acceptLanguage, escalation.triggers);
  return {
    support,
    response: resultView(ctx.knowledge, row, escalation, instrument === 'who5' ? previous : undefined),
  };
}

const scoreLine = (r: ScreenerResponseRow) => ({
  id: r.id,
  instrument: r.instrument,
  date: r.date,
  score: r.score,
  band: r.band,
  safetyTriggered: r.triggers.length > 0,
});

export async function screenerResponses(
  ctx: AppContext,
  actor: Actor,
  query: { instrument?: CheckId; from?: string; to?: string },
): Promise<OutputOf<typeof getScreenerResponses>> {
  const rows = await listScreenerResponses(ctx.store.db, actor.personId, query);
  return { responses: rows.map(scoreLine) };
}

export async function screenerResponse(
  ctx: AppContext,
  actor: Actor,
  id: string,
  acceptLanguage: AcceptLanguage,
): Promise<ResultAnswer> {
  const { db } = ctx.store;
  const row = await getStoredResponse(db, actor.personId, id);
  if (!row) throw new NotFoundError('response');
  const previous =
    row.instrument === 'who5'
      ? (await listScreenerResponses(db, actor.personId, { instrument: 'who5', to: row.date }))
          .filter((r) => r.id !== row.id && r.createdAt < row.createdAt)
          .at(-1)
      : undefined;
  const escalation = await storedResultEscalation(ctx, actor.personId, row);
  const support = await supportFor(ctx, actor.personId, acceptLanguage, escalation.triggers);
  return { support, response: resultView(ctx.knowledge, row, escalation, previous) };
}

/** "I've read this": a professional screen stops holding suggestions back once read. */
export async function readSupport(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  if (!(await markSupportRead(ctx.store.db, actor.personId, id, ctx.now())))
    throw new NotFoundError('response');
}

export async function removeScreenerResponse(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  if ((await deleteScreenerResponse(ctx.store.db, actor.personId, id)) === 0)
    throw new NotFoundError('response');
}

/** Scores over time beside diary mood, the latest of each, and which are due again. */
export async function screenerOverview(
  ctx: AppContext,
  actor: Actor,
  query: { from?: string; to?: string },
  acceptLanguage: AcceptLanguage,
): Promise<OutputOf<typeof getScreenerOverview>> {
  const { db } = ctx.store;
  const { personId } = actor;
  const { today } = await personToday(ctx, personId);
  const rows = (await listScreenerResponses(db, personId, query)).filter((r) => isInstrumentId(r.instrument));
  // A result in the questionnaires' own window (the last 2 weeks) that calls for a support
  // screen keeps it in front of the scores; `support` comes first.
  const { screen, unreadResultIds } = await safetyNowFor(ctx, personId, today);
  const support = await supportFor(
    ctx,
    personId,
    acceptLanguage,
    screen.filter((t) => t.code !== 'low_mood_pattern'),
  );
  return {
    support,
    unreadResultIds,
    today,
    scores: rows.map(scoreLine),
    mood: await moodBetween(db, personId, query.from, query.to),
    reminders: repeatReminders(await lastResponseDates(db, personId), today),
  };
}
