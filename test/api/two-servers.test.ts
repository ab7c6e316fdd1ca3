/**
 * Two server processes on one PostgreSQL database serve the same person at once: a session made on
 * one works on the other, and concurrent writes through both are neither lost nor duplicated —
 * including the same food entry retried on both servers at the same moment (same client id) — and
 * wrong passwords sent to both count on one counter.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../src/store/open.ts';
import { type RunningServer, startServer } from '../support/browser.ts';
import { createTestDatabase, testEngines } from '../support/db.ts';

interface Session {
  cookie: string;
  csrf: string;
}

async function call(
  base: string,
  s: Session | null,
  method: string,
  path: string,
  body?: unknown,
  cookie?: string,
) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(s ? { cookie: `gb_session=${s.cookie}`, 'x-csrf-token': s.csrf } : {}),
      ...(cookie ? { cookie } : {}),
      ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  const text = await res.text();
  return { status: res.status, text, json: () => JSON.parse(text), headers: res.headers };
}

const pgOnly = testEngines().includes('postgres') ? describe : describe.skip;

pgOnly('two server processes on one PostgreSQL', () => {
  let a: RunningServer;
  let b: RunningServer;
  let store: Store;
  let session: Session;
  let personId: string;

  beforeAll(async () => {
    const db = await createTestDatabase('postgres');
    const env = { DATABASE_URL: db.databaseUrl as string };
    [a, b] = await Promise.all([startServer('postgres', env), startServer('postgres', env)]);
    store = await openStore(db);
    const reg = await call(a.url, null, 'POST', '/api/auth/register', {
      email: 'both@example.com',
      password: 'a long enough password',
      displayName: 'Both',
      timeZone: 'UTC',
    });
    expect(reg.status).toBe(201);
    const cookie = /gb_session=([^;]+)/.exec(reg.headers.get('set-cookie') ?? '')?.[1] as string;
    session = { cookie, csrf: reg.json().csrfToken };
    personId = reg.json().person.id;
  }, 90_000);
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
    await store?.close();
  });

  it('a session made on one server is live on the other', async () => {
    const res = await call(b.url, session, 'GET', '/api/auth/session');
    expect(res.status).toBe(200);
    expect(res.json().person.id).toBe(personId);
  });

  it('concurrent check-ins and food entries through both servers: every write once', async () => {
    const days = Array.from(
      { length: 60 },
      (_, i) =>
        `2025-${String(1 + Math.floor(i / 28)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}`,
    );
    const clientIds = Array.from({ length: 60 }, () => randomUUID());
    const servers = [a.url, b.url];
    const writes = [
      ...days.map((d, i) =>
        call(servers[i % 2] as string, session, 'PUT', `/api/checkins/${d}`, {
          mood: (i % 10) + 1,
          note: `day ${i}`,
        }),
      ),
      // Each food entry sent to both servers at once, as a retry from a flaky network would be.
      ...clientIds.flatMap((clientId, i) =>
        servers.map((url) =>
          call(url, session, 'POST', '/api/food-entries', {
            foodId: 'kefir',
            meal: 'snack',
            servings: 1,
            date: days[i],
            clientId,
          }),
        ),
      ),
      // The same day written through both servers at the same moment: one of the two wins, whole.
      ...servers.map((url, i) =>
        call(url, session, 'PUT', '/api/checkins/2024-12-31', { mood: 3 + i, note: `from ${i}` }),
      ),
    ];
    const answers = await Promise.all(writes);
    const failed = answers.filter((r) => r.status >= 300);
    expect(
      failed.map((r) => `${r.status} ${r.text.slice(0, 120)}`),
      `server logs:\n${a.output().slice(-2000)}\n${b.output().slice(-2000)}`,
    ).toEqual([]);

    const moods = await store.db
      .selectFrom('observation')
      .select(['date', 'value'])
      .where('person_id', '=', personId)
      .where('measure', '=', 'mood')
      .where('source', '=', 'checkin')
      .execute();
    expect(moods.map((r) => r.date).sort()).toEqual([...days, '2024-12-31'].sort());
    const notes = await store.db
      .selectFrom('observation')
      .select(['date', 'text'])
      .where('person_id', '=', personId)
      .where('measure', '=', 'note')
      .execute();
    const racedMood = moods.find((r) => r.date === '2024-12-31')?.value;
    // The raced day's mood and note come from the same request.
    expect(notes.find((r) => r.date === '2024-12-31')?.text).toBe(`from ${Number(racedMood) - 3}`);

    const entries = await store.db
      .selectFrom('food_entry')
      .select(['client_id'])
      .where('person_id', '=', personId)
      .execute();
    expect(entries).toHaveLength(clientIds.length);
    expect(new Set(entries.map((e) => e.client_id))).toEqual(new Set(clientIds));
  }, 90_000);

  it('wrong passwords sent to both servers add up; the owner’s signed device still gets in', async () => {
    const email = 'guarded@example.com';
    const reg = await call(a.url, null, 'POST', '/api/auth/register', {
      email,
      password: 'the right password',
      displayName: 'Guarded',
      timeZone: 'UTC',
    });
    expect(reg.status).toBe(201);
    const device = reg.headers
      .getSetCookie()
      .map((c) => /^gb_device=([^;]+)/.exec(c)?.[1])
      .find(Boolean) as string;
    expect(device).toBeDefined();
    const answers: number[] = [];
    for (let i = 0; i < 5; i++) {
      const url = i % 2 ? b.url : a.url;
      answers.push(
        (await call(url, null, 'POST', '/api/auth/login', { email, password: `guess ${i}` })).status,
      );
    }
    expect(answers).toEqual([401, 401, 401, 401, 401]);
    for (const url of [a.url, b.url]) {
      const blocked = await call(url, null, 'POST', '/api/auth/login', {
        email,
        password: 'the right password',
      });
      expect(blocked.status).toBe(429);
      expect(Number(blocked.headers.get('retry-after'))).toBeGreaterThan(0);
    }
    const owner = await call(
      b.url,
      null,
      'POST',
      '/api/auth/login',
      { email, password: 'the right password' },
      `gb_device=${device}`,
    );
    expect(owner.status).toBe(200);
  }, 30_000);
});
