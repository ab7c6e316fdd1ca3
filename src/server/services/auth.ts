/**
 * Accounts and sessions: create a person, check a password, change it, settings, delete. Cookies
 * and sign-in throttling are HTTP matters and stay in the route table (routes/auth.ts); a service
 * is told what to do on a wrong password through `onWrongPassword`.
 */
import { verify } from '@node-rs/argon2';
import type { z } from 'zod';
import type { logIn, person, register, updateAccount } from '../../contract/auth.ts';
import type { OutputOf, ParsedInput } from '../../contract/endpoint.ts';
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
import { createSession, deleteSession, deleteSessionsOf, type NewSession } from '../../store/sessions.ts';
import { HttpError } from '../plugins/errors.ts';
import type { Actor, AppContext } from './context.ts';

type PublicPerson = z.output<typeof person>;

export function publicPerson(p: PersonRow): PublicPerson {
  return {
    id: p.id,
    email: p.email,
    displayName: p.display_name,
    timeZone: p.time_zone,
    role: p.role === 'clinician' ? 'clinician' : 'person',
  };
}

/** A person and the session just made for them. */
export interface SignIn {
  person: PersonRow;
  session: NewSession;
}

// A real hash to verify against when the email is unknown, so both paths take the same time
// (in production; a test store's cheaper hashes make the known-email path faster there).
let dummyHash: Promise<string> | undefined;
const getDummyHash = () => {
  dummyHash ??= hashPassword('not-a-real-password', OWASP_PASSWORD_HASHING);
  return dummyHash;
};

export async function registerPerson(
  ctx: AppContext,
  body: ParsedInput<typeof register>['body'],
): Promise<SignIn> {
  const { db } = ctx.store;
  const made = await createPerson(
    db,
    { ...body, passwordHash: await hashPassword(body.password, ctx.store.passwordHashing) },
    ctx.now(),
  );
  return { person: made, session: await createSession(db, made.id, ctx.sessionPolicy, ctx.now()) };
}

/**
 * Checks the email and password and opens a fresh session (a session id planted before login is
 * worthless: `oldToken`'s session ends). An unknown email is verified against a dummy hash anyway.
 */
export async function logInPerson(
  ctx: AppContext,
  body: ParsedInput<typeof logIn>['body'],
  oldToken: string | undefined,
  onWrongPassword: () => Promise<void>,
): Promise<SignIn> {
  const { db } = ctx.store;
  const found = await findPersonByEmail(db, body.email);
  const ok = found
    ? await verify(found.password_hash, body.password)
    : await verify(await getDummyHash(), body.password).then(() => false);
  if (!found || !ok) {
    await onWrongPassword();
    throw new HttpError(401, 'bad_credentials', 'That email and password do not match.');
  }
  if (oldToken) await deleteSession(db, oldToken);
  return { person: found, session: await createSession(db, found.id, ctx.sessionPolicy, ctx.now()) };
}

export async function endSession(ctx: AppContext, token: string | undefined): Promise<void> {
  if (token) await deleteSession(ctx.store.db, token);
}

export async function sessionPerson(ctx: AppContext, actor: Actor): Promise<PublicPerson> {
  return publicPerson(await getPerson(ctx.store.db, actor.personId));
}

/** The outcome of a re-entered password, counted by the route's throttle. */
export interface Reauthentication {
  failed(): Promise<void>;
  succeeded(): Promise<void>;
}

/** Changes the password; every other session ends server-side and this device gets a new one. */
export async function changePersonPassword(
  ctx: AppContext,
  actor: Actor,
  body: { currentPassword: string; newPassword: string },
  reauth: Reauthentication,
): Promise<NewSession> {
  const { db } = ctx.store;
  const { personId } = actor;
  const found = await getPerson(db, personId);
  if (!(await verify(found.password_hash, body.currentPassword))) {
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
  await deleteSessionsOf(db, personId);
  return createSession(db, personId, ctx.sessionPolicy, ctx.now());
}

export async function updatePersonSettings(
  ctx: AppContext,
  actor: Actor,
  body: ParsedInput<typeof updateAccount>['body'],
): Promise<OutputOf<typeof updateAccount>> {
  const { db } = ctx.store;
  await updatePerson(db, actor.personId, { display_name: body.displayName, time_zone: body.timeZone });
  return { person: publicPerson(await getPerson(db, actor.personId)) };
}

/** Deletes the account and everything in it once the current password is given again. */
export async function deletePersonAccount(
  ctx: AppContext,
  actor: Actor,
  password: string,
  reauth: Reauthentication,
): Promise<void> {
  const { db } = ctx.store;
  const found = await getPerson(db, actor.personId);
  if (!(await verify(found.password_hash, password))) {
    await reauth.failed();
    throw new ValidationError('password', 'password is not your current password', 'bad_credentials');
  }
  await deletePerson(db, actor.personId);
}
