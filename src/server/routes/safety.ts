/** The safety pathway: the route table for src/contract/safety.ts (the rules: services/safety.ts). */
import type { FastifyRequest } from 'fastify';
import {
  getSafetyRegions,
  getSafetyStatus,
  postSafetyDismissal,
  putSafetyRegion,
} from '../../contract/safety.ts';
import type { AppContext } from '../context.ts';
import { type Route, route } from '../route-table.ts';
import {
  diarySupport as diarySupportFor,
  dismissDiaryPrompt,
  safetyRegions,
  safetyStatus,
  setRegion,
} from '../services/safety.ts';

export const safetyRoutes: Route[] = [
  route(getSafetyRegions, async ({ req }) => safetyRegions(req.headers['accept-language'])),
  route(getSafetyStatus, async ({ ctx, actor, req }) =>
    safetyStatus(ctx, actor, req.headers['accept-language']),
  ),
  route(putSafetyRegion, async ({ ctx, actor, input, req }) =>
    setRegion(ctx, actor, input.body.region, req.headers['accept-language']),
  ),
  route(postSafetyDismissal, async ({ ctx, actor }) => dismissDiaryPrompt(ctx, actor)),
];

/**
 * For routes/checkins.ts until issue 19 part A moves check-ins onto services (it then calls
 * services/safety.ts itself and this goes).
 */
export function diarySupport(ctx: AppContext, personId: string, req: FastifyRequest) {
  return diarySupportFor(ctx, personId, req.headers['accept-language']);
}
