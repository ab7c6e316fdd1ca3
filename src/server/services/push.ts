/**
 * Web Push for reminders: the public VAPID key, and this device's subscription. Every query is
 * scoped to the person signed in; the endpoints and keys are never answered back.
 */
import { ECDH } from 'node:crypto';
import webpush from 'web-push';
import { z } from 'zod';
import { MAX_ENDPOINT_LENGTH } from '../../contract/push.ts';
import { NotFoundError } from '../../core/errors.ts';
import { deletePushSubscription, savePushSubscription, vapidKeys } from '../../store/push.ts';
import { parseInput } from '../plugins/errors.ts';
import { endpointProblem } from '../push/endpoint.ts';
import type { Actor, AppContext } from './context.ts';

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

/**
 * The browser's PushSubscription.toJSON() checked in full: the address (loopback only where the
 * app allows it, for tests) and real keys. Built per app because the loopback setting is the app's.
 */
const subscriptionSchemas = new WeakMap<AppContext['push'], z.ZodType>();
function subscriptionBody(push: AppContext['push']) {
  let schema = subscriptionSchemas.get(push);
  if (!schema) {
    schema = z.strictObject({
      endpoint: endpointText.superRefine((v, issue) => {
        const problem = endpointProblem(v, push.allowLoopbackEndpoints);
        if (problem) issue.addIssue({ code: 'custom', message: problem });
      }),
      expirationTime: z.number({ error: 'must be a number or null' }).nullable().optional(),
      keys: z.strictObject({
        p256dh: base64url(65, 'a P-256 public key (65 bytes)', isP256Point),
        auth: base64url(16, 'a 16-byte secret'),
      }),
    });
    subscriptionSchemas.set(push, schema);
  }
  return schema as z.ZodType<{ endpoint: string; keys: { p256dh: string; auth: string } }>;
}

export async function pushKey(ctx: AppContext): Promise<string> {
  const { publicKey } = await vapidKeys(ctx.store.db, webpush.generateVAPIDKeys, ctx.now());
  return publicKey;
}

/** Saves this device's subscription; `body` is the request's body, checked here in full. */
export async function subscribeDevice(ctx: AppContext, actor: Actor, body: unknown): Promise<void> {
  const { endpoint, keys } = parseInput(subscriptionBody(ctx.push), body, 'body');
  await savePushSubscription(
    ctx.store.db,
    actor.personId,
    { endpoint, p256dh: keys.p256dh, auth: keys.auth },
    ctx.now(),
  );
}

export async function unsubscribeDevice(ctx: AppContext, actor: Actor, endpoint: string): Promise<void> {
  if (!(await deletePushSubscription(ctx.store.db, actor.personId, endpoint)))
    throw new NotFoundError('push subscription');
}
