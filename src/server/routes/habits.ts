/** Habits: the route table for src/contract/habits.ts. */
import { deleteHabitDay, getHabitDay, putHabitDay } from '../../contract/habits.ts';
import { type Route, route } from '../route-table.ts';
import { clearHabitDay, habitDay, replaceHabitDay } from '../services/habits.ts';

export const habitRoutes: Route[] = [
  route(getHabitDay, async ({ ctx, actor, input }) => habitDay(ctx, actor, input.params.date)),
  route(putHabitDay, async ({ ctx, actor, input }) =>
    replaceHabitDay(ctx, actor, input.params.date, input.body),
  ),
  route(deleteHabitDay, async ({ ctx, actor, input }) => {
    await clearHabitDay(ctx, actor, input.params.date);
    return undefined;
  }),
];
