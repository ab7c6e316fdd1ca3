import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKnowledge } from '../../src/core/knowledge/index.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

/**
 * One upload or import per person at a time holds across server processes: two apps (each with its
 * own in-process gate, as two processes have) on one database share a lease row per person.
 */
const HEADER = 'date,date formatted,weekday,time of day,category,rating/amount,detail,notes';

function bearable(days: number): string {
  const lines = [HEADER];
  for (let i = 0; i < days; i++) {
    const d = new Date(Date.UTC(1990, 0, 1) + i * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${d},${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)},Monday,am,Mood,${(i % 5) + 1},,`);
  }
  return `${lines.join('\n')}\n`;
}

describe.each(testEngines())('upload lease across two apps on %s', (engine) => {
  let store: Store;
  let a: FastifyInstance;
  let b: FastifyInstance;
  let onA: TestClient;
  let onB: TestClient;

  beforeAll(async () => {
    store = await openTestStore(engine);
    const options = { store, now: () => new Date('2026-03-10T12:00:00Z'), knowledge: parseKnowledge([]) };
    a = await buildApp(options);
    b = await buildApp(options);
    onA = await registerClient(a);
    // The same person, signed in, reaching the other server.
    onB = client(b);
    onB.cookie = onA.cookie;
    onB.csrfToken = onA.csrfToken;
  });
  afterAll(async () => {
    await a.close();
    await b.close();
    await store.close();
  });

  const preview = (c: TestClient, days: number) =>
    c.post('/api/import/preview', {
      source: 'bearable',
      files: [{ name: 'b.csv', content: bearable(days) }],
    });

  /** Waits (without a timer) until a server holds a lease, while `request` is still being answered. */
  async function leaseTaken(request: Promise<unknown>) {
    let answered = false;
    void request.then(() => {
      answered = true;
    });
    while (!answered && !(await store.db.selectFrom('upload_lease').select('key').executeTakeFirst())) {
      await new Promise((resolve) => setImmediate(resolve));
    }
    expect(answered, 'the import was answered before any lease was taken').toBe(false);
  }

  it('while an import of theirs is read on one server, the other answers 429; afterwards it reads', async () => {
    const large = preview(onA, 10_000);
    await leaseTaken(large);
    const refused = await preview(onB, 3);
    expect(refused.statusCode, refused.body.slice(0, 300)).toBe(429);
    expect(refused.json().error).toEqual({
      code: 'upload_in_progress',
      message: 'Another upload of yours is still being read. Wait for it to finish, then try again.',
    });
    const done = await large;
    expect(done.statusCode, done.body.slice(0, 300)).toBe(200);
    // The lease went back with the answer.
    expect(await store.db.selectFrom('upload_lease').selectAll().execute()).toEqual([]);
    const after = await preview(onB, 3);
    expect(after.statusCode, after.body.slice(0, 300)).toBe(200);
    expect(after.json().plan.observationCount).toBe(3);
  });

  it('another person is not held up by the lease', async () => {
    const carol = await registerClient(b);
    const large = preview(onA, 10_000);
    await leaseTaken(large);
    const other = await preview(carol, 3);
    expect(other.statusCode, other.body.slice(0, 300)).toBe(200);
    expect((await large).statusCode).toBe(200);
  });
});
