/** The safety pathway: the route table for src/contract/safety.ts (the rules: services/safety.ts). */
import {
  getSafetyRegions,
  getSafetyStatus,
  postSafetyDismissal,
  putSafetyRegion,
} from '../../contract/safety.ts';
import { type Route, route } from '../route-table.ts';
import { dismissDiaryPrompt, safetyRegions, safetyStatus, setRegion } from '../services/safety.ts';

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
