/**
 * The per-process session cache (store/sessions.ts) never lets an ended session live on beyond its
 * bound. In this process — logout, password change, account deletion, in this app or another app
 * of the process — an ended session is refused at once, even while cached. A session ended by a
 * real second server process (`gutbrain serve` on the same database) is refused here once this
 * app's clock has moved `cacheMs` on, and at once when its next touch finds the row gone.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { openStore, type Store } from '../../src/store/open.ts';
import { SessionCache, type SessionPolicy } from '../../src/store/sessions.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { type RunningServer, startServer } from '../support/browser.ts';
import { createTestDatabase, TEST_PASSWORD_HASHING, testEngines } from '../support/db.ts';

const CACHE_MS = 2000;
const POLICY: SessionPolicy = { idleMs: 3600_000, absoluteMs: 6 * 3600_000, cacheMs: CACHE_MS };
const PASSWORD = 'a long enough password';

/** A client of `app` holding the same session as `c` (another tab of the same browser). */
function sameSession(app: FastifyInstance, c: TestClient): TestClient {
  const twin = client(app);
  twin.cookie = c.cookie;
  twin.csrfToken = c.csrfToken;
  return twin;
}

describe('SessionCache', () => {
  const row = {
    id_hash: 'h',
    person_id: 'p',
    csrf_token: 'c',
    created_at: '',
    last_seen_at: '',
    expires_at: '',
  };

  it('answers within its bound, not after it, and not for a clock that went back', () => {
    const cache = new SessionCache(1000);
    cache.put('h', row, 10_000);
    expect(cache.get('h', 10_999)).toBe(row);
    expect(cache.get('h', 9_999)).toBeUndefined();
    cache.put('h', row, 10_000);
    expect(cache.get('h', 11_000)).toBeUndefined();
    cache.close();
  });

  it('keeps an ended session or person out for its bound: a late read cannot put it back', () => {
    const cache = new SessionCache(1000);
    const now = Date.now();
    cache.forget('h', now);
    cache.put('h', row, now);
    expect(cache.get('h', now)).toBeUndefined();
    cache.forgetPerson('q', now);
    cache.put('k', { ...row, id_hash: 'k', person_id: 'q' }, now);
    expect(cache.get('k', now)).toBeUndefined();
    cache.put('j', row, now);
    expect(cache.get('j', now)).toBe(row);
    cache.close();
  });

  it('caches nothing with a bound of 0', () => {
    const cache = new SessionCache(0);
    cache.put('h', row, 1);
    expect(cache.get('h', 1)).toBeUndefined();
  });
});

describe.each(testEngines())('session cache on %s', (engine) => {
  let store: Store;
  let other: Store;
  let app: FastifyInstance;
  let twin: FastifyInstance;
  let server: RunningServer;
  // Near the real time: the server process judges the sessions made here by its own clock.
  let clock = new Date();
  const tick = (ms: number) => {
    clock = new Date(clock.getTime() + ms);
  };

  beforeAll(async () => {
    const db = await createTestDatabase(engine);
    store = await openStore({ ...db, passwordHashing: TEST_PASSWORD_HASHING });
    other = await openStore({ ...db, migrate: false });
    app = await buildApp({ store, now: () => clock, sessionPolicy: POLICY });
    // A second app of this process on its own connection: `gutbrain serve` runs one per process.
    twin = await buildApp({ store: other, now: () => clock, sessionPolicy: POLICY });
    // A real second server process on the same database.
    const dataDir = db.sqliteFile ? db.sqliteFile.slice(0, db.sqliteFile.lastIndexOf('/')) : undefined;
    server = await startServer(engine, {
      ...(db.databaseUrl ? { DATABASE_URL: db.databaseUrl } : {}),
      ...(dataDir ? { DATA_DIR: dataDir } : {}),
    });
  }, 90_000);
  afterAll(async () => {
    await server?.stop();
    await twin?.close();
    await app?.close();
    await other?.close();
    await store?.close();
  });

  /** Calls the real server process with a session made here. */
  const there = (c: TestClient, method: string, path: string, body?: unknown) =>
    fetch(server.url + path, {
      method,
      headers: {
        cookie: `gb_session=${c.cookie}`,
        'x-csrf-token': c.csrfToken ?? '',
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  it('logout here ends a cached session at once, in this app and in another app of the process', async () => {
    const c = await registerClient(app);
    const tab = sameSession(app, c);
    const elsewhere = sameSession(twin, c);
    expect((await tab.get('/api/auth/session')).statusCode).toBe(200);
    expect((await elsewhere.get('/api/auth/session')).statusCode).toBe(200);
    expect((await c.post('/api/auth/logout')).statusCode).toBe(204);
    expect((await tab.get('/api/auth/session')).statusCode).toBe(401);
    expect((await elsewhere.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('a password change here ends the other cached sessions at once', async () => {
    const email = `pw-cache-${engine}@example.com`;
    const a = await registerClient(app, { email, password: PASSWORD });
    const b = client(app);
    expect((await b.post('/api/auth/login', { email, password: PASSWORD })).statusCode).toBe(200);
    const bElsewhere = sameSession(twin, b);
    expect((await b.get('/api/auth/session')).statusCode).toBe(200);
    expect((await bElsewhere.get('/api/auth/session')).statusCode).toBe(200);
    const changed = await a.post('/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'another long password',
    });
    expect(changed.statusCode).toBe(200);
    expect((await b.get('/api/auth/session')).statusCode).toBe(401);
    expect((await bElsewhere.get('/api/auth/session')).statusCode).toBe(401);
    expect((await a.get('/api/auth/session')).statusCode).toBe(200);
  });

  it('deleting the account here ends its other cached sessions at once', async () => {
    const email = `del-cache-${engine}@example.com`;
    const a = await registerClient(app, { email, password: PASSWORD });
    const b = client(app);
    expect((await b.post('/api/auth/login', { email, password: PASSWORD })).statusCode).toBe(200);
    expect((await b.get('/api/auth/session')).statusCode).toBe(200);
    expect((await a.delete('/api/account', { password: PASSWORD })).statusCode).toBe(204);
    expect((await b.get('/api/auth/session')).statusCode).toBe(401);
    expect((await b.put('/api/checkins/2026-05-31', { mood: 5 })).statusCode).toBe(401);
  });

  it('logout in another server process: refused here once the bound has passed', async () => {
    const c = await registerClient(app);
    expect((await c.get('/api/auth/session')).statusCode).toBe(200);
    expect((await there(c, 'GET', '/api/auth/session')).status).toBe(200);
    expect((await there(c, 'POST', '/api/auth/logout')).status).toBe(204);
    expect((await there(c, 'GET', '/api/auth/session')).status).toBe(401);
    tick(CACHE_MS);
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
    expect((await c.put('/api/checkins/2026-05-31', { mood: 5 })).statusCode).toBe(401);
  });

  it('a password change in another server process: refused here once the bound has passed', async () => {
    const email = `pw-there-${engine}@example.com`;
    const c = await registerClient(app, { email, password: PASSWORD });
    expect((await c.get('/api/auth/session')).statusCode).toBe(200);
    const changed = await there(c, 'POST', '/api/auth/password', {
      currentPassword: PASSWORD,
      newPassword: 'another long password',
    });
    expect(changed.status).toBe(200);
    tick(CACHE_MS);
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('account deletion in another server process: refused here once the bound has passed', async () => {
    const c = await registerClient(app, { password: PASSWORD });
    expect((await c.get('/api/auth/session')).statusCode).toBe(200);
    expect((await there(c, 'DELETE', '/api/account', { password: PASSWORD })).status).toBe(204);
    tick(CACHE_MS);
    expect((await c.get('/api/auth/session')).statusCode).toBe(401);
  });

  it('within a longer bound, the once-a-minute touch finds a session ended elsewhere', async () => {
    const long = await buildApp({
      store,
      now: () => clock,
      sessionPolicy: { ...POLICY, cacheMs: 10 * 60_000 },
    });
    try {
      const c = await registerClient(long);
      expect((await c.get('/api/auth/session')).statusCode).toBe(200);
      // Gone from the database as another process's logout leaves it; this process was not told.
      await other.db
        .deleteFrom('session')
        .where('person_id', '=', c.personId as string)
        .execute();
      tick(61_000);
      expect((await c.get('/api/auth/session')).statusCode).toBe(401);
    } finally {
      await long.close();
    }
  });
});
