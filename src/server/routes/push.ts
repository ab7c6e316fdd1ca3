/**
 * Web Push for reminders: the server's public VAPID key (a browser subscribes with it), and this
 * device's subscription, registered or removed by the person signed in. Every query is scoped to
 * that person; the endpoints and keys are never answered back.
 */
import { ECDH } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import webpush from 'web-push';
import { z } from 'zod';
import { NotFoundError } from '../../core/errors.ts';
import { deletePushSubscription, savePushSubscription, vapidKeys } from '../../store/push.ts';
import type { AppContext } from '../context.ts';
import { requirePerson } from '../plugins/auth.ts';
import { parseInput } from '../plugins/errors.ts';
import { endpointProblem, MAX_ENDPOINT_LENGTH } from '../push/endpoint.ts';

const BASE64URL = /^[A-Za-z0-9_-]+={0,2}$/;

/** A base64url value of `bytes` bytes, stored in its canonical unpadded form. */
const base64url = (bytes: number, what: string, check: (b: Buffer) => boolean = () => true) =>
  z
    .string({ error: 'must be a string' })
    .max(200, { error: `must be ${what}` })
    .refine((v) => BASE64URL.test(v), { error: `must be ${what}, written in base64url` })
    .transform((v) => Buffer.from(v, 'base64url'))
    .refine((b) => b.length === bytes && check(b), { error: `must be ${what}` })
    .transform((b) => b.toString('base64url'));

function isP256Point(b: Buffer): boolean {
  try {
    ECDH.convertKey(b, 'prime256v1');
    return true;
  } catch {
    return false;
  }
}

const endpointText = z
  .string({ error: 'must be a string' })
  .min(1, { error: 'must not be empty' })
  .max(MAX_ENDPOINT_LENGTH, { error: `must be at most ${MAX_ENDPOINT_LENGTH} characters` });

/** The browser's PushSubscription.toJSON(): `{ endpoint, expirationTime, keys: { p256dh, auth } }`. */
function subscriptionBody(allowLoopback: boolean) {
  return z.strictObject({
    endpoint: endpointText.superRefine((v, issue) => {
      const problem = endpointProblem(v, allowLoopback);
      if (problem) issue.addIssue({ code: 'custom', message: problem });
    }),
    expirationTime: z.number({ error: 'must be a number or null' }).nullable().optional(),
    keys: z.strictObject({
      p256dh: base64url(65, 'a P-256 public key (65 bytes)', isP256Point),
      auth: base64url(16, 'a 16-byte secret'),
    }),
  });
}

const unsubscribeBody = z.strictObject({ endpoint: endpointText });

export function registerPushRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;
  const subscribeBody = subscriptionBody(ctx.push.allowLoopbackEndpoints);

  app.get('/api/push/key', async (req) => {
    requirePerson(req);
    const { publicKey } = await vapidKeys(db, webpush.generateVAPIDKeys, ctx.now());
    return { publicKey };
  });

  app.post('/api/push/subscriptions', async (req, reply) => {
    const personId = requirePerson(req);
    const { endpoint, keys } = parseInput(subscribeBody, req.body, 'body');
    await savePushSubscription(db, personId, { endpoint, p256dh: keys.p256dh, auth: keys.auth }, ctx.now());
    return reply.code(204).send();
  });

  app.delete('/api/push/subscriptions', async (req, reply) => {
    const personId = requirePerson(req);
    const { endpoint } = parseInput(unsubscribeBody, req.body, 'body');
    if (!(await deletePushSubscription(db, personId, endpoint))) throw new NotFoundError('push subscription');
    return reply.code(204).send();
  });
}
