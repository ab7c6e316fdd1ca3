import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { client, registerClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

describe.each(testEngines())('accounts and sessions on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let clock = new Date('2026-06-01T12:00:00Z');

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({
      store,
      now: () => clock,
      sessionPolicy: { idleMs: 3600_000, absoluteMs: 6 * 3600_000 },
    });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('registers, stores an argon2id hash, and starts a session with safe cookie flags', async () => {
    const c = client(app);
    const res = await c.post('/api/auth/register', {
      email: 'Ada@Example.com',
      password: 'correct horse battery',
      displayName: 'Ada',
      timeZone: 'Europe/Dublin',
    });
    expect(res.statusCode).toBe(201);
    expect(res.json().person).toMatchObject({
      email: 'ada@example.com',
      displayName: 'Ada',
      timeZone: 'Europe/Dublin',
    });
    const cookie = res.cookies.find((k) => k.name === 'gb_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Lax');
    expect(cookie?.value).toMatch(/^[A-Za-z0-9_-]{43}$/); // 256 bits, base64url
    const row = await store.db
      .selectFrom('person')
      .selectAll()
      .where('email', '=', 'ada@example.com')
      .executeTakeFirstOrThrow();
    expect(row.password_hash.startsWith('$argon2id$')).toBe(true);
    // Only the session id's hash is stored, never the id itself.
    const sessions = await store.db
      .selectFrom('session')
      .selectAll()
      .where('person_id', '=', row.id)
      .execute();
    expect(sessions.map((s) => s.id_hash)).not.toContain(cookie?.value);
    expect((await c.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('refuses a duplicate email, a short password and a bad time zone, naming the field', async () => {
    const c = client(app);
    const base = {
      email: 'ada@example.com',
      password: 'correct horse battery',
      displayName: 'A',
      timeZone: 'UTC',
    };
    const dup = await c.post('/api/auth/register', base);
    expect(dup.statusCode).toBe(409);
    expect(dup.json().error.field).toBe('email');
    const short = await c.post('/api/auth/register', { ...base, email: 'b@example.com', password: 'short' });
    expect(short.statusCode).toBe(400);
    expect(short.json().error.field).toBe('password');
    const long = await c.post('/api/auth/register', {
      ...base,
      email: 'b@example.com',
      password: 'x'.repeat(129),
    });
    expect(long.json().error.field).toBe('password');
    const tz = await c.post('/api/auth/register', { ...base, email: 'b@example.com', timeZone: 'Mars/Base' });
    expect(tz.statusCode).toBe(400);
    expect(tz.json().error.field).toBe('timeZone');
    const role = await c.post('/api/auth/register', { ...base, email: 'c@example.com', role: 'clinician' });
    expect(role.statusCode).toBe(400);
    expect(role.json().error.field).toBe('role');
  });

  it('logs in with a new session id each time, and logout ends the session server-side', async () => {
    const c = client(app);
    const first = await c.post('/api/auth/login', {
      email: 'ada@example.com',
      password: 'correct horse battery',
    });
    expect(first.statusCode).toBe(200);
    const firstCookie = c.cookie;
    await c.post('/api/auth/login', { email: 'ada@example.com', password: 'correct horse battery' });
    expect(c.cookie).not.toBe(firstCookie);
    const stale = client(app);
    stale.cookie = firstCookie;
    expect((await stale.get('/api/auth/session')).statusCode).toBe(401);

    const kept = c.cookie;
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    const replay = client(app);
    replay.cookie = kept;
    expect((await replay.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('rejects a wrong password and an unknown email the same way', async () => {
    const c = client(app);
    const wrong = await c.post('/api/auth/login', { email: 'ada@example.com', password: 'wrong password' });
    const unknown = await c.post('/api/auth/login', {
      email: 'nobody@example.com',
      password: 'wrong password',
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json()).toEqual(unknown.json());
  });

  it('requires the CSRF token on state-changing requests with a session', async () => {
    const c = await registerClient(app);
    const token = c.csrfToken;
    c.csrfToken = undefined;
    const res = await c.put('/api/checkins/2026-05-31', { mood: 5 });
    expect(res.statusCode).toBe(403);
    expect(res.json().error.code).toBe('csrf');
    c.csrfToken = 'x'.repeat(43);
    expect((await c.put('/api/checkins/2026-05-31', { mood: 5 })).statusCode).toBe(403);
    c.csrfToken = token;
    expect((await c.put('/api/checkins/2026-05-31', { mood: 5 })).statusCode).toBe(200);
  });

  it('refuses a write from another origin', async () => {
    const c = await registerClient(app);
    const res = await c.request(
      'PUT',
      '/api/checkins/2026-05-31',
      { mood: 5 },
      { origin: 'https://evil.example' },
    );
    expect(res.statusCode).toBe(403);
  });

  it('changes the password: old sessions end, the old password stops working', async () => {
    const email = `pw-${engine}@example.com`;
    const a = await registerClient(app, { email, password: 'first password' });
    const b = client(app);
    await b.post('/api/auth/login', { email, password: 'first password' });
    const bad = await a.post('/api/auth/password', {
      currentPassword: 'not it',
      newPassword: 'second password',
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('currentPassword');
    const ok = await a.post('/api/auth/password', {
      currentPassword: 'first password',
      newPassword: 'second password',
    });
    expect(ok.statusCode).toBe(200);
    expect((await a.get('/api/auth/session')).statusCode).toBe(200);
    expect((await b.get('/api/auth/session')).statusCode).toBe(401);
    const c = client(app);
    expect((await c.post('/api/auth/login', { email, password: 'first password' })).statusCode).toBe(401);
    expect((await c.post('/api/auth/login', { email, password: 'second password' })).statusCode).toBe(200);
  });

  it('ends sessions after the idle and absolute limits', async () => {
    const c = await registerClient(app);
    clock = new Date(clock.getTime() + 59 * 60_000);
    expect((await c.get('/api/auth/session')).statusCode).toBe(200); // touched: idle restarts
    clock = new Date(clock.getTime() + 59 * 60_000);
    expect((await c.get('/api/auth/session')).statusCode).toBe(200);
    clock = new Date(clock.getTime() + 61 * 60_000);
    expect((await c.get('/api/auth/session')).statusCode).toBe(401); // idle > 1 h

    const d = await registerClient(app);
    for (let i = 0; i < 7; i++) {
      clock = new Date(clock.getTime() + 55 * 60_000);
      await d.get('/api/auth/session');
    }
    expect((await d.get('/api/auth/session')).statusCode).toBe(401); // absolute > 6 h
  });

  // Throttling of wrong passwords, registrations and re-authentication: auth-throttle.test.ts.

  it('deletes the account and every row that belongs to it', async () => {
    const c = await registerClient(app, { password: 'delete me please' });
    await c.put('/api/checkins/2026-05-30', { mood: 4, note: 'x' });
    const id = c.personId as string;
    const wrong = await c.delete('/api/account', { password: 'not my password' });
    expect(wrong.statusCode).toBe(400);
    expect((await c.delete('/api/account', { password: 'delete me please' })).statusCode).toBe(204);
    for (const table of ['person', 'session', 'observation'] as const) {
      const col = table === 'person' ? 'id' : 'person_id';
      const rows = await store.db.selectFrom(table).selectAll().where(col, '=', id).execute();
      expect(rows, table).toHaveLength(0);
    }
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('sets security headers and no-store on API answers', async () => {
    const res = await client(app).get('/api/auth/session');
    expect(res.headers['cache-control']).toBe('no-store');
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['x-frame-options']).toBeDefined();
  });
});
