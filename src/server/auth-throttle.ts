/**
 * Throttling of everything that checks a password or makes an account, per OWASP: wrong passwords
 * are counted per account and per address (an IPv6 /64, which one subscriber can rotate through),
 * each with growing delays (core/auth/throttle.ts); registrations per address; a signed-in person
 * re-entering their password per person. A device that signed in to the account before carries a
 * signed device cookie and is judged by its own failures only, so someone else's guessing — from
 * anywhere, or from the same shared address — does not lock the owner out.
 * Counters live in the database, so every server process sees the same ones.
 * https://owasp.org/www-community/Slow_Down_Online_Guessing_Attacks_with_Device_Cookies
 *
 * @example const attempt = await guardLogin(ctx, req, reply, email); … await attempt.failed();
 */
import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { isIP } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { type ThrottleRule, waitInWords, waitMs } from '../core/auth/throttle.ts';
import type { Store } from '../store/open.ts';
import {
  clearThrottle,
  countFailure,
  deviceCookieSecret,
  pruneThrottle,
  throttleStates,
} from '../store/throttle.ts';
import type { AppContext } from './context.ts';
import { HttpError } from './plugins/errors.ts';

export const DEVICE_COOKIE = 'gb_device';
const DEVICE_COOKIE_DAYS = 365;

/** The address a counter is kept for: IPv4 as it is, IPv6 by its /64 (one subscriber's prefix). */
export function addressKey(ip: string): string {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip);
  if (mapped?.[1]) return mapped[1];
  if (isIP(ip) !== 6) return ip;
  const [head = '', tail] = ip.toLowerCase().split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups =
    tail === undefined ? left : [...left, ...Array(8 - left.length - right.length).fill('0'), ...right];
  return `${groups
    .slice(0, 4)
    .map((g) => Number.parseInt(g, 16).toString(16))
    .join(':')}::/64`;
}

const accountKey = (email: string) =>
  `acct:${createHash('sha256').update(email.trim().toLowerCase()).digest('base64url')}`;

const secrets = new WeakMap<Store, Promise<Buffer>>();
/** The device-cookie secret; it never changes once stored, so each process keeps its copy. */
function deviceSecret(ctx: AppContext): Promise<Buffer> {
  let secret = secrets.get(ctx.store);
  if (!secret) {
    secret = deviceCookieSecret(ctx.store.db, () => randomBytes(32).toString('base64url'), ctx.now()).then(
      (s) => Buffer.from(s, 'base64url'),
    );
    secret.catch(() => secrets.delete(ctx.store));
    secrets.set(ctx.store, secret);
  }
  return secret;
}

const mac = (secret: Buffer, account: string, nonce: string) =>
  createHmac('sha256', secret).update(`${account}|${nonce}`).digest('base64url');

/** The device's id when the request carries a device cookie signed for this account, else undefined. */
function signedDevice(req: FastifyRequest, secret: Buffer, account: string): string | undefined {
  const value = req.cookies[DEVICE_COOKIE];
  if (!value || value.length > 200) return undefined;
  const [nonce = '', sent = ''] = value.split('.');
  const expected = mac(secret, account, nonce);
  const ok = sent.length === expected.length && timingSafeEqual(Buffer.from(sent), Buffer.from(expected));
  return ok ? nonce : undefined;
}

function setDeviceCookie(req: FastifyRequest, reply: FastifyReply, secret: Buffer, account: string): void {
  const nonce = randomBytes(16).toString('base64url');
  reply.setCookie(DEVICE_COOKIE, `${nonce}.${mac(secret, account, nonce)}`, {
    path: '/api/auth',
    httpOnly: true,
    sameSite: 'strict',
    secure: req.protocol === 'https',
    maxAge: DEVICE_COOKIE_DAYS * 24 * 3600,
  });
}

function tooMany(reply: FastifyReply, wait: number): HttpError {
  reply.header('retry-after', String(Math.ceil(wait / 1000)));
  return new HttpError(
    429,
    'too_many_attempts',
    `Too many attempts. For your safety, please wait ${waitInWords(wait)} and try again.`,
  );
}

/** Throws 429 when any counter asks for a wait; otherwise returns a recorder for the outcome. */
async function guard(ctx: AppContext, reply: FastifyReply, counters: [string, ThrottleRule][]) {
  const { db } = ctx.store;
  const now = ctx.now();
  const states = await throttleStates(
    db,
    counters.map(([k]) => k),
  );
  const wait = Math.max(0, ...counters.map(([k, rule]) => waitMs(rule, states.get(k), now.getTime())));
  if (wait > 0) throw tooMany(reply, wait);
  return {
    failed: async () => {
      for (const [key, rule] of counters) await countFailure(db, key, ctx.now(), rule.forgetAfterMs);
      if (Math.random() < 0.05) await pruneThrottle(db, ctx.now());
    },
    clear: (keys: string[]) => clearThrottle(db, keys),
  };
}

export interface LoginAttempt {
  /** Counts a wrong password against this attempt's counters. */
  failed(): Promise<void>;
  /** Clears this attempt's counters and gives the device a fresh device cookie for the account. */
  succeeded(req: FastifyRequest, reply: FastifyReply): Promise<void>;
}

/** Checks the counters that apply to a sign-in to `email` from this request (429 when they say wait). */
export async function guardLogin(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  email: string,
): Promise<LoginAttempt> {
  const policy = ctx.authThrottle;
  const account = accountKey(email);
  const secret = await deviceSecret(ctx);
  const device = signedDevice(req, secret, account);
  const counters: [string, ThrottleRule][] = device
    ? [[`dev:${device}`, policy.device]]
    : [
        [account, policy.account],
        [`ip:${addressKey(req.ip)}`, policy.address],
      ];
  const g = await guard(ctx, reply, counters);
  return {
    failed: g.failed,
    async succeeded(request, response) {
      // An address's count is never cleared by a success: one account of one's own must not
      // reset the count of guesses made at everyone else's.
      await g.clear([device ? `dev:${device}` : account]);
      setDeviceCookie(request, response, secret, account);
    },
  };
}

/** Counts a registration from this request's address, or throws 429 when it must wait. */
export async function guardRegistration(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const g = await guard(ctx, reply, [[`reg:${addressKey(req.ip)}`, ctx.authThrottle.registration]]);
  await g.failed(); // every attempt counts, successful or not
}

/** Gives the device of a new account its device cookie. */
export async function trustNewDevice(
  ctx: AppContext,
  req: FastifyRequest,
  reply: FastifyReply,
  email: string,
) {
  setDeviceCookie(req, reply, await deviceSecret(ctx), accountKey(email));
}

/** Checks a signed-in person's re-entries of their current password (429 when they must wait). */
export async function guardReauthentication(ctx: AppContext, reply: FastifyReply, personId: string) {
  const key = `reauth:${personId}`;
  const g = await guard(ctx, reply, [[key, ctx.authThrottle.reauthentication]]);
  return { failed: g.failed, succeeded: () => g.clear([key]) };
}
