/**
 * The safety pathway over HTTP: regions and their numbers (public — anyone may need them), the
 * person's region setting, the diary support prompt's status and its 7-day dismissal. Nothing here
 * can switch a trigger off; a dismissal only puts the diary prompt away for 7 days.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import {
  isRegionId,
  PROFESSIONAL_KINDS,
  REGIONS,
  snoozedUntil,
  supportScreen,
} from '../../core/safety/index.ts';
import { updatePerson } from '../../store/people.ts';
import { addDismissal } from '../../store/safety.ts';
import type { AppContext } from '../context.ts';
import { requirePerson } from '../plugins/auth.ts';
import { HttpError, parseInput } from '../plugins/errors.ts';
import { diaryCheck, LOW_MOOD_KIND, localeRegion, regionFor } from '../services/safety-now.ts';

// Until routes/safety.ts moves to the contract (issue 19 part B), the routes that still import these from here.
export { safetyNowFor, supportFor } from '../services/safety-now.ts';

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
