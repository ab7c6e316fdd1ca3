/**
 * Web Push for reminders: the server's public VAPID key (a browser subscribes with it), and this
 * device's subscription, registered or removed by the person signed in. Endpoints and keys are
 * never answered back.
 */
import { z } from 'zod';
import { noContent } from './common.ts';
import { endpoint } from './endpoint.ts';

/** The longest push endpoint (an address) accepted. */
export const MAX_ENDPOINT_LENGTH = 2048;

const endpointText = z
  .string({ error: 'must be a string' })
  .min(1, { error: 'must not be empty' })
  .max(MAX_ENDPOINT_LENGTH, { error: `must be at most ${MAX_ENDPOINT_LENGTH} characters` });

export const getPushKey = endpoint({
  method: 'GET',
  path: '/api/push/key',
  summary: 'The server’s public VAPID key, for subscribing this device.',
  output: z.strictObject({ publicKey: z.string() }),
});

export const subscribePush = endpoint({
  method: 'POST',
  path: '/api/push/subscriptions',
  summary:
    'Registers this device’s push subscription (PushSubscription.toJSON()): an https endpoint outside private networks, a P-256 key and a 16-byte secret in base64url.',
  // The shape; the service checks the address and the keys themselves (services/push.ts).
  body: z.strictObject({
    endpoint: endpointText,
    expirationTime: z.number({ error: 'must be a number or null' }).nullable().optional(),
    keys: z.strictObject({
      p256dh: z.string({ error: 'must be a string' }),
      auth: z.string({ error: 'must be a string' }),
    }),
  }),
  output: noContent,
  status: 204,
});

export const unsubscribePush = endpoint({
  method: 'DELETE',
  path: '/api/push/subscriptions',
  summary: 'Removes this device’s push subscription.',
  body: z.strictObject({ endpoint: endpointText }),
  output: noContent,
  status: 204,
});
