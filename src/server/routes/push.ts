/** Web Push for reminders: the route table for src/contract/push.ts. */
import { getPushKey, subscribePush, unsubscribePush } from '../../contract/push.ts';
import { type Route, route } from '../route-table.ts';
import { pushKey, subscribeDevice, unsubscribeDevice } from '../services/push.ts';

export const pushRoutes: Route[] = [
  route(getPushKey, async ({ ctx }) => ({ publicKey: await pushKey(ctx) })),
  route(subscribePush, async ({ ctx, actor, req }) => {
    // The raw body: the address and keys are checked in full by the service (the loopback rule is the app's).
    await subscribeDevice(ctx, actor, req.body);
    return undefined;
  }),
  route(unsubscribePush, async ({ ctx, actor, input }) => {
    await unsubscribeDevice(ctx, actor, input.body.endpoint);
    return undefined;
  }),
];
