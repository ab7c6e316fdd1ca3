/** The daily check-in: the route table for src/contract/checkins.ts. */
import { deleteCheckin, getCheckin, listCheckins, putCheckin } from '../../contract/checkins.ts';
import { type Route, route } from '../route-table.ts';
import { checkinDay, checkinDays, deleteCheckinDay, saveCheckin } from '../services/checkins.ts';

export const checkinRoutes: Route[] = [
  route(listCheckins, async ({ ctx, actor, input }) => checkinDays(ctx, actor, input.query)),
  route(getCheckin, async ({ ctx, actor, input }) => checkinDay(ctx, actor, input.params.date)),
  route(putCheckin, async ({ ctx, actor, input, req }) =>
    saveCheckin(ctx, actor, input.params.date, input.body, req.headers['accept-language']),
  ),
  route(deleteCheckin, async ({ ctx, actor, input }) => {
    await deleteCheckinDay(ctx, actor, input.params.date);
    return undefined;
  }),
];
