/**
 * Who is asking: reads the session cookie, loads the live session (through a per-process cache
 * bounded by the session policy's `cacheMs`, store/sessions.ts), and enforces the CSRF token on
 * every state-changing request made with a session. Routes call `requirePerson(req)`.
 */
import { timingSafeEqual } from 'node:crypto';
import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { Kysely } from 'kysely';
import type { Database } from '../../store/schema.ts';
import { findLiveSession, SESSION_CACHE_MS, SessionCache, type SessionPolicy } from '../../store/sessions.ts';
import { HttpError, unauthorized } from './errors.ts';

export const SESSION_COOKIE = 'gb_session';

export interface Auth {
  personId: string;
  csrfToken: string;
  token: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    auth: Auth | null;
  }
}

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function sameToken(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export async function registerAuth(
  app: FastifyInstance,
  db: Kysely<Database>,
  policy: SessionPolicy,
  now: () => Date,
): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('auth', null);
  const cache = new SessionCache(policy.cacheMs ?? SESSION_CACHE_MS);
  app.addHook('onClose', async () => cache.close());
  app.addHook('onRequest', async (req) => {
    req.auth = null;
    if (!req.url.startsWith('/api/')) return;
    const token = req.cookies[SESSION_COOKIE];
    if (!token || token.length > 100) return;
    const session = await findLiveSession(db, token, policy, now(), cache);
    if (!session) return;
    if (UNSAFE.has(req.method)) {
      const sent = req.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !sameToken(sent, session.csrf_token)) {
        throw new HttpError(403, 'csrf', 'The form is out of date: reload the page and try again.');
      }
    }
    req.auth = { personId: session.person_id, csrfToken: session.csrf_token, token };
  });
}

/** The acting person's id, or a 401. */
export function requirePerson(req: FastifyRequest): string {
  if (!req.auth) throw unauthorized();
  return req.auth.personId;
}

export function setSessionCookie(
  req: FastifyRequest,
  reply: FastifyReply,
  token: string,
  maxAgeMs: number,
): void {
  reply.setCookie(SESSION_COOKIE, token, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
    maxAge: Math.floor(maxAgeMs / 1000),
  });
}

export function clearSessionCookie(req: FastifyRequest, reply: FastifyReply): void {
  reply.clearCookie(SESSION_COOKIE, {
    path: '/',
    httpOnly: true,
    sameSite: 'lax',
    secure: req.protocol === 'https',
  });
}
