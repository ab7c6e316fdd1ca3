/**
 * The safety pathway over HTTP: regions and their numbers (public — anyone may need them), the
 * person's region setting, the diary support prompt's status and its 7-day dismissal. Nothing here
 * can switch a trigger off; a dismissal only puts the diary prompt away for 7 days.
 */
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  isRegionId,
  PROFESSIONAL_KINDS,
  parseAcceptLanguage,
  REGIONS,
  type RegionId,
  regionFromLocales,
  type SupportScreen,
  supportScreen,
} from '../../core/safety/index.ts';
import {
  isPromptSnoozed,
  LOW_MOOD_WINDOW,
  lowMoodTrigger,
  type SafetyTrigger,
  snoozedUntil,
} from '../../core/screeners/safety.ts';
import { getPerson, updatePerson } from '../../store/people.ts';
import { addDismissal, latestDismissal, recentMoodDays } from '../../store/safety.ts';
import type { Database } from '../../store/schema.ts';
import type { AppContext } from '../context.ts';
import { requirePerson } from '../plugins/auth.ts';
import { parseInput } from '../plugins/errors.ts';

const LOW_MOOD_KIND = 'low_mood_pattern';

const regionBody = z.strictObject({
  region: z
    .string({ error: 'must be a region id' })
    .refine(isRegionId, { error: `must be one of: ${REGIONS.map((r) => r.id).join(', ')}` })
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

/** Support screen for these triggers in the person's region, or null when there are none. */
export async function supportFor(
  db: Kysely<Database>,
  personId: string,
  req: FastifyRequest,
  triggers: readonly SafetyTrigger[],
): Promise<SupportScreen | null> {
  if (triggers.length === 0) return null;
  return supportScreen(triggers, (await regionFor(db, personId, req)).id);
}

/** The diary rule (mood ≤ 3 on 10 of the last 14 logged days), respecting a dismissal < 7 days old. */
export async function diaryCheck(
  db: Kysely<Database>,
  personId: string,
  now: Date,
): Promise<{ triggers: SafetyTrigger[]; snoozedUntil: string | null }> {
  const triggers = lowMoodTrigger(await recentMoodDays(db, personId, LOW_MOOD_WINDOW));
  if (triggers.length === 0) return { triggers, snoozedUntil: null };
  const dismissed = await latestDismissal(db, personId, LOW_MOOD_KIND);
  if (isPromptSnoozed(dismissed, now)) {
    return { triggers: [], snoozedUntil: snoozedUntil(dismissed as Date).toISOString() };
  }
  return { triggers, snoozedUntil: null };
}

/** For the check-in route: the support screen when the diary rule fires after a save. */
export async function diarySupport(ctx: AppContext, personId: string, req: FastifyRequest) {
  const { triggers } = await diaryCheck(ctx.store.db, personId, ctx.now());
  return supportFor(ctx.store.db, personId, req, triggers);
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
      support: diary.triggers.length ? supportScreen(diary.triggers, region.id) : null,
      region,
      snoozedUntil: diary.snoozedUntil,
    };
  });

  app.put('/api/safety/region', async (req) => {
    const personId = requirePerson(req);
    const body = parseInput(regionBody, req.body, 'body');
    await updatePerson(db, personId, { region: body.region }, ctx.now());
    return { region: await regionFor(db, personId, req) };
  });

  app.post('/api/safety/dismissals', async (req, reply) => {
    const personId = requirePerson(req);
    parseInput(dismissalBody, req.body, 'body');
    const now = ctx.now();
    await addDismissal(db, personId, LOW_MOOD_KIND, now);
    return reply.code(201).send({ snoozedUntil: snoozedUntil(now).toISOString() });
  });
}
