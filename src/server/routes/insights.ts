/** Insights, their charts and the weekly report: the route table for src/contract/insights.ts. */
import { getInsightAssociations, getInsightDays, getInsightWeek } from '../../contract/insights.ts';
import { type Route, route } from '../route-table.ts';
import { insightAssociations, insightDays, insightWeek } from '../services/insights.ts';

export const insightRoutes: Route[] = [
  route(getInsightAssociations, async ({ ctx, actor, input }) =>
    insightAssociations(ctx, actor, input.query),
  ),
  route(getInsightDays, async ({ ctx, actor, input }) => insightDays(ctx, actor, input.query)),
  route(getInsightWeek, async ({ ctx, actor, input, req }) =>
    insightWeek(ctx, actor, input.query, req.headers['accept-language']),
  ),
];
