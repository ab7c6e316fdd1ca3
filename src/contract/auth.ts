/**
 * Accounts and sessions: register, log in and out, the session, change password, settings and
 * deleting the account. The session itself travels in an httpOnly cookie; answers carry the CSRF
 * token the browser sends back on every change.
 */
import { z } from 'zod';
import { isTimeZone } from '../core/dates.ts';
import { noContent } from './common.ts';
import { endpoint } from './endpoint.ts';

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

/** The signed-in person as the app shows them (never the password hash). */
export const person = z.strictObject({
  id: z.string(),
  email: z.string(),
  displayName: z.string(),
  timeZone: z.string(),
  role: z.enum(['person', 'clinician']),
});

const signedIn = z.strictObject({ person, csrfToken: z.string() });

export const register = endpoint({
  method: 'POST',
  path: '/api/auth/register',
  summary: 'Creates an account and signs it in on this device.',
  access: 'public',
  body: z.strictObject({ email, password, displayName, timeZone: timeZone.default('UTC') }),
  output: signedIn,
  status: 201,
});

export const logIn = endpoint({
  method: 'POST',
  path: '/api/auth/login',
  summary: 'Signs in (a fresh session every time); repeated wrong passwords are slowed down.',
  access: 'public',
  body: z.strictObject({
    email: z.string({ error: 'must be text' }).max(254),
    password: z.string({ error: 'must be text' }).max(128),
  }),
  output: signedIn,
});

export const logOut = endpoint({
  method: 'POST',
  path: '/api/auth/logout',
  summary: 'Ends this session (when there is one) and clears its cookie.',
  access: 'public',
  output: noContent,
  status: 204,
});

export const getSession = endpoint({
  method: 'GET',
  path: '/api/auth/session',
  summary: 'Who is signed in, and the CSRF token for changes.',
  output: signedIn,
});

export const changePassword = endpoint({
  method: 'POST',
  path: '/api/auth/password',
  summary: 'Changes the password; every other session ends and this device gets a new one.',
  body: z.strictObject({ currentPassword: z.string().max(128), newPassword: password }),
  output: z.strictObject({ csrfToken: z.string() }),
});

export const updateAccount = endpoint({
  method: 'PATCH',
  path: '/api/account',
  summary: 'Changes the display name or time zone.',
  body: z.strictObject({ displayName: displayName.optional(), timeZone: timeZone.optional() }),
  output: z.strictObject({ person }),
});

export const deleteAccount = endpoint({
  method: 'DELETE',
  path: '/api/account',
  summary: 'Deletes the account and everything in it (needs the current password).',
  body: z.strictObject({ password: z.string().max(128) }),
  output: noContent,
  status: 204,
});
