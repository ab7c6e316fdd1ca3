/**
 * The safety pathway over HTTP: regions and their numbers (public — anyone may need them), the
 * person's region setting, the diary support prompt's status and its 7-day dismissal. Nothing here
 * can switch a trigger off; a dismissal only puts the diary prompt away for 7 days.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { addDays, localDateAt } from '../../core/dates.ts';
import {
  diaryPromptState,
  isRegionId,
  lowMoodTrigger,
  PROFESSIONAL_KINDS,
  parseAcceptLanguage,
  previousPhq9Scores,
  REGIONS,
  type RegionId,
  regionFromLocales,
  type SafetyNow,
  type SafetyTrigger,
  type SupportScreen,
  safetyNow,
  snoozedUntil,
  supportScreen,
  windowStart,
} from '../../core/safety/index.ts';
import { REPEAT_EVERY_DAYS } from '../../core/screeners/index.ts';
import { getPerson, updatePerson } from '../../store/people.ts';
import { addDismissal, latestDismissal, moodDays } from '../../store/safety.ts';
import type { Database } from '../../store/schema.ts';
import { listScreenerResponses } from '../../store/screeners.ts';
import type { AppContext } from '../context.ts';
import { requirePerson } from '../plugins/auth.ts';
import { HttpError, parseInput } from '../plugins/errors.ts';

const LOW_MOOD_KIND = 'low_mood_pattern';

const regionBody = z.strictObject({
  region: z
    .string({ error: 'must be a region id' })
    .refine(isRegionId, {
      error: 'must be one of the regions listed at /api/safety/regions (a country code such as DE, or INTL)',
    })
    .nullable(),
});
const dismissalBody = z.strictObject({
  kind: z.literal(LOW_MOOD_KIND, {
    error: 'can only be the diary prompt: other support screens cannot be put away',
  }),
});

/** The browser's default region from its Accept-Language header. */
export function localeRegion(req: FastifyRequest): RegionId {
  const header = req.headers['accept-language'];
  return regionFromLocales(parseAcceptLanguage(Array.isArray(header) ? header.join(',') : header));
}

/** The region the support screen uses: the person's setting, else the browser's locale. */
export async function regionFor(
  db: Kysely<Database>,
  personId: string,
  req: FastifyRequest,
): Promise<{ id: RegionId; source: 'settings' | 'locale' }> {
  const person = await getPerson(db, personId);
  if (isRegionId(person.region)) return { id: person.region, source: 'settings' };
  return { id: localeRegion(req), source: 'locale' };
}

/** Support screen for these triggers in the person's region, or null when none calls for a screen. */
export async function supportFor(
  db: Kysely<Database>,
  personId: string,
  req: FastifyRequest,
  triggers: readonly SafetyTrigger[],
  options: { snoozeAvailable?: boolean } = {},
): Promise<SupportScreen | null> {
  if (!triggers.some((t) => t.level === 'urgent' || t.level === 'professional')) return null;
  return supportScreen(triggers, (await regionFor(db, personId, req)).id, options);
}

/**
 * The diary rule (see core/safety/diary.ts) for the person's today, with the one 7-day snooze
 * per episode. `pattern` is the trigger whether or not it is snoozed.
 */
export async function diaryCheck(db: Kysely<Database>, personId: string, now: Date) {
  const person = await getPerson(db, personId);
  const today = localDateAt(now, person.time_zone);
  const dismissedAt = await latestDismissal(db, personId, LOW_MOOD_KIND);
  const dismissal = dismissedAt
    ? { at: dismissedAt, date: localDateAt(dismissedAt, person.time_zone) }
    : null;
  // From the dismissal's window on, so an episode that began before it can be followed to today.
  const from = windowStart(dismissal && dismissal.date < today ? dismissal.date : today);
  const days = await moodDays(db, personId, from, today);
  const state = diaryPromptState(days, today, now, dismissal);
  return { ...state, today, pattern: lowMoodTrigger(days, today) };
}

/** For the check-in route: the support screen when the diary rule fires after a save. */
export async function diarySupport(ctx: AppContext, personId: string, req: FastifyRequest) {
  const diary = await diaryCheck(ctx.store.db, personId, ctx.now());
  return supportFor(ctx.store.db, personId, req, diary.triggers, { snoozeAvailable: diary.snoozeAvailable });
}

/**
 * What the safety pathway asks for now (core/safety/now.ts): the person's results from the
 * questionnaires' own window (the last two weeks) and the diary pattern — even while its prompt is
 * put away, so suggestions stay paused as long as the pattern is there.
 */
export async function safetyNowFor(ctx: AppContext, personId: string, today: string): Promise<SafetyNow> {
  const { db } = ctx.store;
  const all = await listScreenerResponses(db, personId, { to: today });
  const previous = previousPhq9Scores(all);
  const from = addDays(today, -(REPEAT_EVERY_DAYS - 1));
  const recent = all
    .filter((r) => r.date >= from)
    .map((r) => ({ ...r, previousPhq9: previous.get(r.id) ?? null }));
  const diary = await diaryCheck(db, personId, ctx.now());
  return safetyNow(recent, { shown: diary.triggers, pattern: diary.pattern });
}

export function registerSafetyRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;

  // Public on purpose: the crisis numbers must be reachable without an account.
  app.get('/api/safety/regions', async (req) => ({
    regions: REGIONS,
    professionals: PROFESSIONAL_KINDS,
    localeRegion: localeRegion(req),
  }));

  app.get('/api/safety/status', async (req) => {
    const personId = requirePerson(req);
    const region = await regionFor(db, personId, req);
    const diary = await diaryCheck(db, personId, ctx.now());
    return {
      support: diary.triggers.length
        ? supportScreen(diary.triggers, region.id, { snoozeAvailable: diary.snoozeAvailable })
        : null,
      region,
      snoozedUntil: diary.snoozedUntil?.toISOString() ?? null,
    };
  });

  app.put('/api/safety/region', async (req) => {
    const personId = requirePerson(req);
    const body = parseInput(regionBody, req.body, 'body');
    await updatePerson(db, personId, { region: body.region }, ctx.now());
    return { region: await regionFor(db, personId, req) };
  });

  // Only while the prompt is showing, and once per episode: a dismissal made in advance or a
  // second one in the same run of low days would hide a pattern that is still there.
  app.post('/api/safety/dismissals', async (req, reply) => {
    const personId = requirePerson(req);
    parseInput(dismissalBody, req.body, 'body');
    const now = ctx.now();
    const diary = await diaryCheck(db, personId, now);
    if (diary.triggers.length === 0) {
      throw new HttpError(
        409,
        diary.snoozedUntil ? 'already_snoozed' : 'no_prompt',
        diary.snoozedUntil
          ? 'The diary prompt is already put away for now.'
          : 'There is no diary prompt showing to put away.',
      );
    }
    if (!diary.snoozeAvailable) {
      throw new HttpError(
        409,
        'snooze_used',
        'The diary prompt was already put away once while this pattern has lasted, so it stays until your mood lifts.',
      );
    }
    await addDismissal(db, personId, LOW_MOOD_KIND, now);
    return reply.code(201).send({ snoozedUntil: snoozedUntil(now).toISOString() });
  });
}
