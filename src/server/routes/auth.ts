/** Accounts and sessions: register, log in and out, change password, settings, delete account. */
import { verify } from '@node-rs/argon2';
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { isTimeZone } from '../../core/dates.ts';
import { ValidationError } from '../../core/errors.ts';
import { hashPassword, OWASP_PASSWORD_HASHING } from '../../store/passwords.ts';
import {
  createPerson,
  deletePerson,
  findPersonByEmail,
  getPerson,
  type PersonRow,
  updatePerson,
} from '../../store/people.ts';
import { createSession, deleteSession, deleteSessionsOf } from '../../store/sessions.ts';
import { guardLogin, guardReauthentication, guardRegistration, trustNewDevice } from '../auth-throttle.ts';
import type { AppContext } from '../context.ts';
import { clearSessionCookie, requirePerson, setSessionCookie } from '../plugins/auth.ts';
import { HttpError, parseInput } from '../plugins/errors.ts';

const password = z
  .string({ error: 'must be text' })
  .min(8, { error: 'must be at least 8 characters' })
  .max(128, { error: 'must be at most 128 characters' });
const email = z.email({ error: 'must be an email address' }).max(254, { error: 'is too long' });
const displayName = z
  .string({ error: 'must be text' })
  .trim()
  .min(1, { error: 'is required' })
  .max(80, { error: 'must be at most 80 characters' });
const timeZone = z
  .string({ error: 'must be text' })
  .refine(isTimeZone, { error: 'must be an IANA time zone' });

const registerBody = z.strictObject({ email, password, displayName, timeZone: timeZone.default('UTC') });
const loginBody = z.strictObject({
  email: z.string({ error: 'must be text' }).max(254),
  password: z.string({ error: 'must be text' }).max(128),
});
const passwordBody = z.strictObject({ currentPassword: z.string().max(128), newPassword: password });
const settingsBody = z.strictObject({ displayName: displayName.optional(), timeZone: timeZone.optional() });
const deleteBody = z.strictObject({ password: z.string().max(128) });

export function publicPerson(p: PersonRow) {
  return { id: p.id, email: p.email, displayName: p.display_name, timeZone: p.time_zone, role: p.role };
}

// A real hash to verify against when the email is unknown, so both paths take the same time
// (in production; a test store's cheaper hashes make the known-email path faster there).
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => {
  dummyHash ??= hashPassword('not-a-real-password', OWASP_PASSWORD_HASHING);
  return dummyHash;
};

export function registerAuthRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;

  app.post('/api/auth/register', async (req, reply) => {
    const body = parseInput(registerBody, req.body, 'body');
    await guardRegistration(ctx, req, reply);
    const person = await createPerson(
      db,
      { ...body, passwordHash: await hashPassword(body.password, ctx.store.passwordHashing) },
      ctx.now(),
    );
    const session = await createSession(db, person.id, ctx.sessionPolicy, ctx.now());
    setSessionCookie(req, reply, session.token, ctx.sessionPolicy.absoluteMs);
    await trustNewDevice(ctx, req, reply, person.email);
    return reply.code(201).send({ person: publicPerson(person), csrfToken: session.csrfToken });
  });

  app.post('/api/auth/login', async (req, reply) => {
    const body = parseInput(loginBody, req.body, 'body');
    const attempt = await guardLogin(ctx, req, reply, body.email);
    const person = await findPersonByEmail(db, body.email);
    // Unknown email: verify against a dummy hash anyway, then fail.
    const ok = person
      ? await verify(person.password_hash, body.password)
      : await verify(await getDummyHash(), body.password).then(() => false);
    if (!person || !ok) {
      await attempt.failed();
      req.log.warn({ event: 'login_failed' }, 'login failed');
      throw new HttpError(401, 'bad_credentials', 'That email and password do not match.');
    }
    // A fresh session at every login: a session id planted before login is worthless.
    const old = req.cookies.gb_session;
    if (old) await deleteSession(db, old);
    const session = await createSession(db, person.id, ctx.sessionPolicy, ctx.now());
    setSessionCookie(req, reply, session.token, ctx.sessionPolicy.absoluteMs);
    await attempt.succeeded(req, reply);
    return { person: publicPerson(person), csrfToken: session.csrfToken };
  });

  app.post('/api/auth/logout', async (req, reply) => {
    if (req.auth) await deleteSession(db, req.auth.token);
    clearSessionCookie(req, reply);
    return reply.code(204).send();
  });

  app.get('/api/auth/session', async (req) => {
    const personId = requirePerson(req);
    const person = await getPerson(db, personId);
    return { person: publicPerson(person), csrfToken: req.auth?.csrfToken };
  });

  app.post('/api/auth/password', async (req, reply) => {
    const personId = requirePerson(req);
    const body = parseInput(passwordBody, req.body, 'body');
    const reauth = await guardReauthentication(ctx, reply, personId);
    const person = await getPerson(db, personId);
    if (!(await verify(person.password_hash, body.currentPassword))) {
      await reauth.failed();
      throw new ValidationError(
        'currentPassword',
        'currentPassword is not your current password',
        'bad_credentials',
      );
    }
    await reauth.succeeded();
    await updatePerson(
      db,
      personId,
      { password_hash: await hashPassword(body.newPassword, ctx.store.passwordHashing) },
      ctx.now(),
    );
    // Every other session ends server-side; this browser gets a new one.
    await deleteSessionsOf(db, personId);
    const session = await createSession(db, personId, ctx.sessionPolicy, ctx.now());
    setSessionCookie(req, reply, session.token, ctx.sessionPolicy.absoluteMs);
    return { csrfToken: session.csrfToken };
  });

  app.patch('/api/account', async (req) => {
    const personId = requirePerson(req);
    const body = parseInput(settingsBody, req.body, 'body');
    await updatePerson(db, personId, { display_name: body.displayName, time_zone: body.timeZone });
    return { person: publicPerson(await getPerson(db, personId)) };
  });

  app.delete('/api/account', async (req, reply) => {
    const personId = requirePerson(req);
    const body = parseInput(deleteBody, req.body, 'body');
    const reauth = await guardReauthentication(ctx, reply, personId);
    const person = await getPerson(db, personId);
    if (!(await verify(person.password_hash, body.password))) {
      await reauth.failed();
      throw new ValidationError('password', 'password is not your current password', 'bad_credentials');
    }
    await deletePerson(db, personId);
    clearSessionCookie(req, reply);
    return reply.code(204).send();
  });
}
