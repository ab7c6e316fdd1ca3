/** Recommendations: the route table for src/contract/recommendations.ts. */
import {
  deleteRecommendationFeedback,
  getRecommendations,
  postRecommendationDismissal,
  postRecommendationSnooze,
} from '../../contract/recommendations.ts';
import { type Route, route } from '../route-table.ts';
import {
  dismissRecommendation,
  snoozeRecommendation,
  todaysRecommendations,
  undoRecommendationFeedback,
} from '../services/recommendations.ts';

export const recommendationRoutes: Route[] = [
  route(getRecommendations, async ({ ctx, actor, req }) =>
    todaysRecommendations(ctx, actor, req.headers['accept-language']),
  ),
  route(postRecommendationDismissal, async ({ ctx, actor, input }) =>
    dismissRecommendation(ctx, actor, input.params.id),
  ),
  route(postRecommendationSnooze, async ({ ctx, actor, input }) =>
    snoozeRecommendation(ctx, actor, input.params.id, input.body?.days ?? 7),
  ),
  route(deleteRecommendationFeedback, async ({ ctx, actor, input }) => {
    await undoRecommendationFeedback(ctx, actor, input.params.id);
    return undefined;
  }),
];
