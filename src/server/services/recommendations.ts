/**
 * Recommendations that say why: today's (at most three) cited suggestions for the acting person,
 * or the support screen when the safety pathway (services/safety.ts) has something to show.
 */
import type { OutputOf } from '../../contract/endpoint.ts';
import type {
  getRecommendations,
  postRecommendationDismissal,
  postRecommendationSnooze,
} from '../../contract/recommendations.ts';
import { addDays } from '../../core/dates.ts';
import { NotFoundError } from '../../core/errors.ts';
import { experimentStatus } from '../../core/insights/experiments.ts';
import {
  type MicrobiomeSummary,
  type PersonState,
  recentDays,
  recommend,
  ruleById,
  type ScreenerScore,
  WINDOW_DAYS,
} from '../../core/recommend/index.ts';
import { TALK_TO_A_PROFESSIONAL } from '../../core/safety/index.ts';
import { INSTRUMENTS, isInstrumentId } from '../../core/screeners/index.ts';
import { experimentPlan, listExperiments } from '../../store/experiments.ts';
import { listSamples } from '../../store/microbiome.ts';
import { dayMeasureMatrix } from '../../store/observations.ts';
import { clearFeedback, listFeedback, saveFeedback } from '../../store/recommendations.ts';
import { listScreenerResponses } from '../../store/screeners.ts';
import { type Actor, type AppContext, personToday } from './context.ts';
import { type AcceptLanguage, safetyNowFor, supportFor } from './safety.ts';

type Recommendations = Omit<OutputOf<typeof getRecommendations>, 'hidden'>;

/** What the rules read: the last 14 days, the latest score per questionnaire, the latest sample. */
async function personState(ctx: AppContext, personId: string, today: string): Promise<PersonState> {
  const { db } = ctx.store;
  const matrix = await dayMeasureMatrix(db, personId, addDays(today, -(WINDOW_DAYS - 1)), today);
  const latest = new Map<string, ScreenerScore>();
  for (const r of await listScreenerResponses(db, personId, { to: today })) {
    if (!isInstrumentId(r.instrument) || r.score === null) continue;
    const band = INSTRUMENTS[r.instrument].bands.find((b) => b.key === r.band);
    latest.set(r.instrument, {
      instrument: r.instrument,
      date: r.date,
      score: r.score,
      bandLabel: band?.label ?? '',
    });
  }
  const sample = (await listSamples(db, personId))
    .filter((s) => s.analysis !== null && s.date <= today)
    .sort((a, b) => (a.date < b.date ? 1 : -1))[0];
  const microbiome: MicrobiomeSummary | null = sample?.analysis
    ? {
        date: sample.date,
        label: sample.label,
        taxa: new Map(sample.analysis.moodTaxa.map((t) => [t.nodeId, t.present])),
      }
    : null;
  return { today, days: recentDays(matrix, today), screeners: [...latest.values()], microbiome };
}

/** The recommendations as of `today` (or the support screen) for the acting person. */
export async function recommendationsFor(
  ctx: AppContext,
  personId: string,
  acceptLanguage: AcceptLanguage,
  today: string,
): Promise<Recommendations> {
  const { db } = ctx.store;
  // One rule (core/safety): something urgent, the diary pattern or an unread "talk to a
  // professional" screen pauses suggestions; once that screen is read they come back below a card.
  const safety = await safetyNowFor(ctx, personId, today);
  const running = (await listExperiments(db, personId))
    .filter((e) => e.recommendation_id && experimentStatus(experimentPlan(e), today) !== 'finished')
    .map((e) => e.recommendation_id as string);
  const out = recommend(ctx.knowledge, await personState(ctx, personId, today), {
    feedback: await listFeedback(db, personId),
    safetyTriggers: safety.pausedBy,
    runningExperiments: running,
  });
  return {
    today,
    support: out.kind === 'support' ? await supportFor(ctx, personId, acceptLanguage, out.triggers) : null,
    talkToProfessional:
      out.kind === 'recommendations' && safety.talkToProfessional ? TALK_TO_A_PROFESSIONAL : null,
    recommendations: out.recommendations,
  };
}

export async function todaysRecommendations(
  ctx: AppContext,
  actor: Actor,
  acceptLanguage: AcceptLanguage,
): Promise<OutputOf<typeof getRecommendations>> {
  const { today } = await personToday(ctx, actor.personId);
  const feedback = await listFeedback(ctx.store.db, actor.personId);
  return {
    ...(await recommendationsFor(ctx, actor.personId, acceptLanguage, today)),
    hidden: feedback.map((f) => ({ id: f.ruleId, kind: f.kind, until: f.until })),
  };
}

function knownRule(id: string): string {
  if (!ruleById(id)) throw new NotFoundError('recommendation');
  return id;
}

export async function dismissRecommendation(
  ctx: AppContext,
  actor: Actor,
  ruleId: string,
): Promise<OutputOf<typeof postRecommendationDismissal>> {
  const id = knownRule(ruleId);
  await saveFeedback(ctx.store.db, actor.personId, { ruleId: id, kind: 'dismissed', until: null }, ctx.now());
  return { id, kind: 'dismissed', until: null };
}

export async function snoozeRecommendation(
  ctx: AppContext,
  actor: Actor,
  ruleId: string,
  days: number,
): Promise<OutputOf<typeof postRecommendationSnooze>> {
  const id = knownRule(ruleId);
  // Hidden today and the next days-1 days: back on day `days`.
  const until = addDays((await personToday(ctx, actor.personId)).today, days - 1);
  await saveFeedback(ctx.store.db, actor.personId, { ruleId: id, kind: 'snoozed', until }, ctx.now());
  return { id, kind: 'snoozed', until };
}

export async function undoRecommendationFeedback(
  ctx: AppContext,
  actor: Actor,
  ruleId: string,
): Promise<void> {
  const id = knownRule(ruleId);
  if (!(await clearFeedback(ctx.store.db, actor.personId, id)))
    throw new NotFoundError('recommendation feedback');
}
