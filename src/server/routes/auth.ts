/**
 * Accounts and sessions: the route table for src/contract/auth.ts. Cookies (the session and the
 * trusted-device one) and sign-in throttling are set here; the rules are in services/auth.ts.
 */
import {
  changePassword,
  deleteAccount,
  getSession,
  logIn,
  logOut,
  register,
  updateAccount,
} from '../../contract/auth.ts';
import { guardLogin, guardReauthentication, guardRegistration, trustNewDevice } from '../auth-throttle.ts';
import { clearSessionCookie, setSessionCookie } from '../plugins/auth.ts';
import { type Route, route } from '../route-table.ts';
import {
  changePersonPassword,
  deletePersonAccount,
  endSession,
  logInPerson,
  publicPerson,
  registerPerson,
  sessionPerson,
  updatePersonSettings,
} from '../services/auth.ts';

export const authRoutes: Route[] = [
  route(register, async ({ ctx, input, req, reply }) => {
    await guardRegistration(ctx, req, reply);
    const { person, session } = await registerPerson(ctx, input.body);
    setSessionCookie(req, reply, session.token, ctx.sessionPolicy.absoluteMs);
    await trustNewDevice(ctx, req, reply, person.email);
    return { person: publicPerson(person), csrfToken: session.csrfToken };
  }),
  route(logIn, async ({ ctx, input, req, reply }) => {
    const attempt = await guardLogin(ctx, req, reply, input.body.email);
    const { person, session } = await logInPerson(ctx, input.body, req.cookies.gb_session, async () => {
      await attempt.failed();
      req.log.warn({ event: 'login_failed' }, 'login failed');
    });
    setSessionCookie(req, reply, session.token, ctx.sessionPolicy.absoluteMs);
    await attempt.succeeded(req, reply);
    return { person: publicPerson(person), csrfToken: session.csrfToken };
  }),
  route(logOut, async ({ ctx, req, reply }) => {
    await endSession(ctx, req.auth?.token);
    clearSessionCookie(req, reply);
    return undefined;
  }),
  route(getSession, async ({ ctx, actor, req }) => ({
    person: await sessionPerson(ctx, actor),
    csrfToken: req.auth?.csrfToken ?? '',
  })),
  route(changePassword, async ({ ctx, actor, input, req, reply }) => {
    const reauth = await guardReauthentication(ctx, reply, actor.personId);
    const session = await changePersonPassword(ctx, actor, input.body, reauth);
    setSessionCookie(req, reply, session.token, ctx.sessionPolicy.absoluteMs);
    return { csrfToken: session.csrfToken };
  }),
  route(updateAccount, async ({ ctx, actor, input }) => updatePersonSettings(ctx, actor, input.body)),
  route(deleteAccount, async ({ ctx, actor, input, req, reply }) => {
    const reauth = await guardReauthentication(ctx, reply, actor.personId);
    await deletePersonAccount(ctx, actor, input.body.password, reauth);
    clearSessionCookie(req, reply);
    return undefined;
  }),
];
