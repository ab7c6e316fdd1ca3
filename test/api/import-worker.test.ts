import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKnowledge } from '../../src/core/knowledge/index.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

/**
 * A large import is read off the event loop (src/server/import/import-reader.ts): while one
 * person's export is parsed and planned, everyone else is still answered. Before, a 200,000-row
 * Bearable preview held the server thread for ~50 s.
 */
const BEARABLE_HEADER = 'date,date formatted,weekday,time of day,category,rating/amount,detail,notes';

const PER_DAY = [
  ['am', 'Mood'],
  ['pm', 'Energy'],
  ['pm', 'Mood'],
  ['am', 'Energy'],
] as const;

function bearable(days: number, perDay = 2): string {
  const lines = [BEARABLE_HEADER];
  const start = Date.UTC(1990, 0, 1);
  for (let i = 0; i < days; i++) {
    const d = new Date(start + i * 86_400_000).toISOString().slice(0, 10);
    const dmy = `${d.slice(8, 10)}-${d.slice(5, 7)}-${d.slice(0, 4)}`;
    for (const [time, category] of PER_DAY.slice(0, perDay)) {
      lines.push(`${d},${dmy},Monday,${time},${category},${(i % 5) + 1},,`);
    }
  }
  return `${lines.join('\n')}\n`;
}

describe.each(testEngines())('import read off the event loop on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let alice: TestClient;
  let bob: TestClient;
  let previewHandled: (() => void) | undefined;

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({
      store,
      now: () => new Date('2026-03-10T12:00:00Z'),
      knowledge: parseKnowledge([]),
    });
    // Tells the test when the preview's whole body has arrived and its handler is about to run.
    app.addHook('preHandler', async (req) => {
      if (req.url === '/api/import/preview') previewHandled?.();
    });
    alice = await registerClient(app);
    bob = await registerClient(app);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('while a large preview is read, another person’s requests are answered before it finishes', async () => {
    let previewDone = false;
    const handled = new Promise<void>((resolve) => {
      previewHandled = resolve;
    });
    const preview = bob
      .post('/api/import/preview', {
        source: 'bearable',
        files: [{ name: 'bearable.csv', content: bearable(10_000) }],
      })
      .then((res) => {
        previewDone = true;
        return res;
      });
    await handled;
    // Twenty requests one after another: on a blocked server thread they all wait for the preview.
    let answeredFirst = 0;
    for (let i = 0; i < 20; i++) {
      const me = await alice.get('/api/checkins');
      expect(me.statusCode).toBe(200);
      if (!previewDone) answeredFirst++;
    }
    const res = await preview;
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.json().plan.observationCount).toBe(20_000);
    expect(answeredFirst).toBe(20);
  });

  it('an import that takes longer than the time limit answers 413 in words, and the person may import again', async () => {
    const slow = await buildApp({
      store,
      now: () => new Date('2026-03-10T12:00:00Z'),
      knowledge: parseKnowledge([]),
      uploads: { timeMs: 1 },
    });
    try {
      const carol = await registerClient(slow);
      const content = bearable(2_000);
      const res = await carol.post('/api/import/preview', {
        source: 'bearable',
        files: [{ name: 'bearable.csv', content }],
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(413);
      expect(res.json().error).toEqual({
        code: 'too_slow',
        message:
          'Reading the file took longer than 0 seconds, the most an import may take. Export a shorter period and import it in parts.',
        field: 'files',
      });
      // The person's turn ended with the worker: a small file is read at once.
      const small = await carol.post('/api/import/preview', {
        source: 'bearable',
        files: [{ name: 'bearable.csv', content: bearable(3) }],
      });
      expect(small.statusCode, small.body.slice(0, 300)).toBe(200);
      expect(small.json().plan.observationCount).toBe(6);
    } finally {
      await slow.close();
    }
  });

  it('an import whose reading needs more than the worker’s memory answers 413 in words', async () => {
    const tight = await buildApp({
      store,
      now: () => new Date('2026-03-10T12:00:00Z'),
      knowledge: parseKnowledge([]),
      uploads: { workerHeapMb: 16 },
    });
    try {
      const dan = await registerClient(tight);
      const res = await dan.post('/api/import/preview', {
        source: 'bearable',
        files: [{ name: 'bearable.csv', content: bearable(30_000, 4) }],
      });
      expect(res.statusCode, res.body.slice(0, 300)).toBe(413);
      expect(res.json().error.message).toBe(
        'Reading this file needed more than the 16 MB of memory an import may use. Export a shorter period and import it in parts.',
      );
    } finally {
      await tight.close();
    }
  });
});
