/**
 * Recommendations that say why: today's (at most three) cited suggestions for the acting person,
 * or the support prompt when the safety pathway has something to show; dismiss, snooze and undo.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { addDays, localDateAt } from '../../core/dates.ts';
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
import { getPerson } from '../../store/people.ts';
import { clearFeedback, listFeedback, saveFeedback } from '../../store/recommendations.ts';
import { listScreenerResponses } from '../../store/screeners.ts';
import type { AppContext } from '../context.ts';
import { requirePerson } from '../plugins/auth.ts';
import { parseInput } from '../plugins/errors.ts';
import { safetyNowFor, supportFor } from './safety.ts';

const idParams = z.strictObject({
  id: z.string().regex(/^[a-z][a-z0-9_]{0,63}$/, { error: 'must be a recommendation id like sleep_hours' }),
});
const snoozeBody = z.strictObject({
  days: z.number().int({ error: 'must be a whole number' }).min(1).max(90).default(7),
});

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

/** Today's recommendations (or the support screen) for the acting person. */
export async function recommendationsFor(
  ctx: AppContext,
  personId: string,
  req: FastifyRequest,
  today: string,
) {
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
    support: out.kind === 'support' ? await supportFor(db, personId, req, out.triggers) : null,
    talkToProfessional:
      out.kind === 'recommendations' && safety.talkToProfessional ? TALK_TO_A_PROFESSIONAL : null,
    recommendations: out.recommendations,
  };
}

export function registerRecommendationRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;
  const todayOf = async (personId: string) =>
    localDateAt(ctx.now(), (await getPerson(db, personId)).time_zone);
  const knownRule = (id: string) => {
    if (!ruleById(id)) throw new NotFoundError('recommendation');
    return id;
  };

  app.get('/api/recommendations', async (req) => {
    const personId = requirePerson(req);
    const today = await todayOf(personId);
    const feedback = await listFeedback(db, personId);
    return {
      ...(await recommendationsFor(ctx, personId, req, today)),
      hidden: feedback.map((f) => ({ id: f.ruleId, kind: f.kind, until: f.until })),
    };
  });

  app.post('/api/recommendations/:id/dismiss', async (req) => {
    const personId = requirePerson(req);
    const id = knownRule(parseInput(idParams, req.params, 'params').id);
    await saveFeedback(db, personId, { ruleId: id, kind: 'dismissed', until: null }, ctx.now());
    return { id, kind: 'dismissed', until: null };
  });

  app.post('/api/recommendations/:id/snooze', async (req) => {
    const personId = requirePerson(req);
    const id = knownRule(parseInput(idParams, req.params, 'params').id);
    const { days } = parseInput(snoozeBody, req.body ?? {}, 'body');
    // Hidden today and the next days-1 days: back on day `days`.
    const until = addDays(await todayOf(personId), days - 1);
    await saveFeedback(db, personId, { ruleId: id, kind: 'snoozed', until }, ctx.now());
    return { id, kind: 'snoozed', until };
  });

  app.delete('/api/recommendations/:id/feedback', async (req, reply) => {
    const personId = requirePerson(req);
    const id = knownRule(parseInput(idParams, req.params, 'params').id);
    if (!(await clearFeedback(db, personId, id))) throw new NotFoundError('recommendation feedback');
    return reply.code(204).send();
  });
}
