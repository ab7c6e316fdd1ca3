/**
 * Sign-in protection as OWASP describes it: growing delays per account and per address, a signed
 * device cookie that keeps the owner's own device out of someone else's lockout, an address that
 * a rotating X-Forwarded-For cannot change, and throttled registration and re-authentication.
 * Counters live in the database (a second app on the same store sees them; two real server
 * processes on PostgreSQL are in two-servers.test.ts).
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../../src/cli/config.ts';
import { parseKnowledge } from '../../src/core/knowledge/index.ts';
import { type AppOptions, buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { client, registerClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

const RIGHT = 'correct horse battery';

interface Attempt {
  email: string;
  password: string;
  /** X-Forwarded-For as the client sent it plus what the proxy appended. */
  forwardedFor?: string;
  device?: string;
}

function deviceCookie(res: LightMyRequestResponse) {
  return res.cookies.find((c) => c.name === 'gb_device');
}

describe.each(testEngines())('sign-in throttling on %s', (engine) => {
  let store: Store;
  let clock = new Date('2026-06-01T12:00:00Z');
  const apps: FastifyInstance[] = [];
  let app: FastifyInstance;
  const makeApp = async (options: Partial<AppOptions> = {}) => {
    const a = await buildApp({ store, now: () => clock, knowledge: parseKnowledge([]), ...options });
    apps.push(a);
    return a;
  };
  const later = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };
  const login = (on: FastifyInstance, a: Attempt) =>
    on.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: {
        'content-type': 'application/json',
        ...(a.forwardedFor ? { 'x-forwarded-for': a.forwardedFor } : {}),
        ...(a.device ? { cookie: `gb_device=${a.device}` } : {}),
      },
      payload: JSON.stringify({ email: a.email, password: a.password }),
    });
  const statuses = async (on: FastifyInstance, attempts: Attempt[]) => {
    const out: number[] = [];
    for (const a of attempts) out.push((await login(on, a)).statusCode);
    return out;
  };
  const register = async (on: FastifyInstance, email: string, forwardedFor?: string) =>
    on.inject({
      method: 'POST',
      url: '/api/auth/register',
      headers: {
        'content-type': 'application/json',
        ...(forwardedFor ? { 'x-forwarded-for': forwardedFor } : {}),
      },
      payload: JSON.stringify({ email, password: RIGHT, displayName: 'Someone', timeZone: 'UTC' }),
    });

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await makeApp({ trustProxy: 1 });
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await store.close();
  });

  it('per account: five wrong passwords from anywhere, then waits of 30 s, 60 s … even for the right one', async () => {
    expect((await register(app, 'ada@example.com', '198.51.100.1')).statusCode).toBe(201);
    const wrong = [1, 2, 3, 4, 5].map((i) => ({
      email: 'ada@example.com',
      password: `guess ${i}`,
      forwardedFor: `203.0.113.${i}`,
    }));
    expect(await statuses(app, wrong)).toEqual([401, 401, 401, 401, 401]);
    // A second server on the same database sees the same counter.
    const other = await makeApp({ trustProxy: 1 });
    const blocked = await login(other, {
      email: 'ADA@example.com',
      password: RIGHT,
      forwardedFor: '203.0.113.99',
    });
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('30');
    expect(blocked.json().error).toMatchObject({ code: 'too_many_attempts' });
    expect(blocked.json().error.message).toContain('wait 30 seconds');
    later(30_000);
    expect(await statuses(app, [{ ...(wrong[0] as Attempt), forwardedFor: '203.0.113.50' }])).toEqual([401]);
    const longer = await login(app, {
      email: 'ada@example.com',
      password: RIGHT,
      forwardedFor: '203.0.113.51',
    });
    expect(longer.headers['retry-after']).toBe('60');
    later(60_000);
    expect(
      (await login(app, { email: 'ada@example.com', password: RIGHT, forwardedFor: '203.0.113.52' }))
        .statusCode,
    ).toBe(200);
  });

  it('a device that signed in before is not locked out by someone else’s failures, even from its own address', async () => {
    const shared = '192.0.2.10'; // one household or office address
    const reg = await register(app, 'bob@example.com', shared);
    const cookie = deviceCookie(reg);
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: 'Strict', path: '/api/auth' });
    const device = cookie?.value as string;
    const guesses = Array.from({ length: 25 }, (_, i) => ({
      email: 'bob@example.com',
      password: `guess ${i}`,
      forwardedFor: shared,
    }));
    const answers = await statuses(app, guesses);
    expect(answers.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(answers.slice(5).every((s) => s === 429)).toBe(true);
    // Without the device cookie the right password waits; with it, Bob is in at once.
    expect(
      (await login(app, { email: 'bob@example.com', password: RIGHT, forwardedFor: shared })).statusCode,
    ).toBe(429);
    const owner = await login(app, {
      email: 'bob@example.com',
      password: RIGHT,
      forwardedFor: shared,
      device,
    });
    expect(owner.statusCode).toBe(200);
    expect(deviceCookie(owner)?.value).toMatch(/^[\w-]{22}\.[\w-]{43}$/);
    // A forged or another account's device cookie counts for nothing.
    const forged = `${device.slice(0, -2)}${device.endsWith('AA') ? 'BB' : 'AA'}`;
    expect(
      (await login(app, { email: 'bob@example.com', password: RIGHT, forwardedFor: shared, device: forged }))
        .statusCode,
    ).toBe(429);
    const carol = deviceCookie(await register(app, 'carol@example.com', '192.0.2.77'))?.value as string;
    expect(
      (await login(app, { email: 'bob@example.com', password: RIGHT, forwardedFor: shared, device: carol }))
        .statusCode,
    ).toBe(429);
  });

  it('the trusted device’s own wrong passwords are throttled too (ten free)', async () => {
    const device = deviceCookie(await register(app, 'dee@example.com', '192.0.2.20'))?.value as string;
    const mine = Array.from({ length: 11 }, (_, i) => ({
      email: 'dee@example.com',
      password: `typo ${i}`,
      device,
    }));
    expect(await statuses(app, mine)).toEqual([...Array(10).fill(401), 429]);
  });

  it('TRUST_PROXY=1: a rotating X-Forwarded-For does not escape the per-address limit', async () => {
    const behindProxy = await makeApp({ trustProxy: readConfig({ TRUST_PROXY: '1' }).trustProxy });
    const attacker = '198.51.100.66';
    const rotating = Array.from({ length: 40 }, (_, i) => ({
      email: `nobody${i}@example.com`, // a different account each time, so only the address counts
      password: 'guess',
      forwardedFor: `10.${i}.${i}.${i}, ${attacker}`,
    }));
    const answers = await statuses(behindProxy, rotating);
    expect(answers.filter((s) => s === 401)).toHaveLength(20);
    expect(answers.slice(20).every((s) => s === 429)).toBe(true);
    // Someone else behind the same proxy is not affected.
    expect(
      (
        await login(behindProxy, {
          email: 'nobody@example.com',
          password: 'x',
          forwardedFor: '198.51.100.67',
        })
      ).statusCode,
    ).toBe(401);
  });

  it('throttles registration per address', async () => {
    const from = '198.51.100.200';
    const answers: number[] = [];
    for (let i = 0; i < 21; i++)
      answers.push((await register(app, `new${i}-${engine}@example.com`, from)).statusCode);
    expect(answers).toEqual([...Array(20).fill(201), 429]);
    const res = await register(app, 'late@example.com', from);
    expect(res.headers['retry-after']).toBe('60'); // refused attempts are not counted again
    expect((await register(app, 'elsewhere@example.com', '198.51.100.201')).statusCode).toBe(201);
  });

  it('throttles re-entering the current password (password change and account deletion share it)', async () => {
    const plain = await makeApp({});
    const erin = await registerClient(plain, { password: RIGHT });
    const wrong = (i: number) =>
      erin.post('/api/auth/password', { currentPassword: `nope ${i}`, newPassword: 'a new long password' });
    for (let i = 0; i < 4; i++) expect((await wrong(i)).statusCode).toBe(400);
    expect((await erin.delete('/api/account', { password: 'nope' })).statusCode).toBe(400);
    const blocked = await erin.post('/api/auth/password', {
      currentPassword: RIGHT,
      newPassword: 'a new long password',
    });
    expect(blocked.statusCode).toBe(429);
    expect((await erin.delete('/api/account', { password: RIGHT })).statusCode).toBe(429);
    later(30_000);
    expect(
      (await erin.post('/api/auth/password', { currentPassword: RIGHT, newPassword: 'a new long password' }))
        .statusCode,
    ).toBe(200);
    // Another person's counter is their own.
    const fay = await registerClient(plain);
    expect(
      (await fay.post('/api/auth/password', { currentPassword: 'nope', newPassword: 'a new long password' }))
        .statusCode,
    ).toBe(400);
    expect(client(plain).cookie).toBeUndefined();
  });
});
