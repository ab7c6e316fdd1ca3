import { Readable } from 'node:stream';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';
import { endlessBody, hdf5Declaring, tableBody } from '../support/declared-size-files.ts';

/**
 * Hostile uploads: files whose declared sizes are far beyond their bytes, endless streams, too many
 * features, two uploads at once, an upload that never ends. Each must answer a 4xx naming the limit —
 * never a 500, never an out-of-memory — and the server must go on answering.
 */
const MiB = 1024 * 1024;

describe.each(testEngines())('upload limits on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let alice: TestClient;
  let bob: TestClient;

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => new Date('2026-03-10T12:00:00Z') });
    alice = await registerClient(app);
    bob = await registerClient(app);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const upload = (c: TestClient, body: Buffer | string | Readable, on = app) =>
    on.inject({
      method: 'POST',
      url: '/api/microbiome/samples?date=2026-03-01',
      payload: body,
      headers: {
        'content-type': 'application/octet-stream',
        cookie: `gb_session=${c.cookie}`,
        'x-csrf-token': c.csrfToken!,
      },
    });

  async function expectRefused(body: Buffer | string | Readable, status: number, message: RegExp) {
    const res = await upload(alice, body);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.json().error.message).toMatch(message);
    // The server is still there, and nothing was stored.
    const list = await alice.get('/api/microbiome/samples');
    expect(list.statusCode).toBe(200);
    expect(list.json().samples).toEqual([]);
  }

  describe('declared sizes far beyond the bytes sent', () => {
    it.each([1e8, 3e8])(
      'an HDF5 file of a few KB declaring %d values is refused before reading',
      async (n) => {
        const file = await hdf5Declaring({ features: 3, samples: 2, values: n });
        expect(file.length).toBeLessThan(64 * 1024);
        await expectRefused(file, 413, /declares [\d,]+ values in 'observation\/matrix\/data'/);
      },
    );

    it('an HDF5 file declaring 10 million features is refused at the feature limit', async () => {
      const file = await hdf5Declaring({ features: 1e7, samples: 2, values: 4 });
      await expectRefused(file, 413, /more than 200,000 feature rows/);
    });

    it('an HDF5 file declaring 10⁶ samples is refused at the sample limit', async () => {
      const file = await hdf5Declaring({ features: 3, samples: 1e6, values: 4 });
      await expectRefused(file, 413, /1,000,000 samples; an upload may hold at most 10,000/);
    });

    it('a BIOM 1.0 "shape" of a billion features is refused at the feature limit', async () => {
      const doc = `{"format":"1.0.0","matrix_type":"sparse","shape":[1000000000,1000000000],"rows":[],"columns":[],"data":[]}`;
      await expectRefused(doc, 413, /more than 200,000 feature rows/);
    });

    it('a BIOM 1.0 "shape" that does not match its lists is refused', async () => {
      const doc = `{"format":"1.0.0","matrix_type":"sparse","shape":[4,2],"rows":[{"id":"f1"}],"columns":[{"id":"S1"},{"id":"S2"}],"data":[[0,0,1]]}`;
      await expectRefused(doc, 400, /shape: must be \[1, 2\]/);
    });

    it('a sparse BIOM 1.0 triple pointing at row 4294967296 is refused', async () => {
      const doc = `{"format":"1.0.0","matrix_type":"sparse","shape":[1,1],"rows":[{"id":"f1"}],"columns":[{"id":"S1"}],"data":[[4294967296,0,1]]}`;
      await expectRefused(doc, 400, /row index must be 0–0/);
    });

    it('a header naming 20,000 samples is refused before any row is read', async () => {
      const header = `#OTU ID\t${Array.from({ length: 20_000 }, (_, i) => `S${i}`).join('\t')}\nf1${'\t1'.repeat(20_000)}\n`;
      await expectRefused(header, 413, /20,000 samples; an upload may hold at most 10,000/);
    });

    it('a KO table with 20,000 sample columns is refused at the sample limit', async () => {
      const header = `# Gene Family${'\tS_Abundance-RPKs'.repeat(20_000)}\nK00001${'\t1'.repeat(20_000)}\n`;
      await expectRefused(header, 413, /20,000 samples/);
    });
  });

  describe('endless and oversized content', () => {
    it('a 190 MiB BIOM 1.0 file that is one endless number answers 400, not an out-of-memory', async () => {
      await expectRefused(
        endlessBody('{"format":"1.0.0","data":[[', '7', 190 * MiB),
        400,
        /longer than 64 characters/,
      );
    });

    it('a 190 MiB single line answers 413 at the line limit', async () => {
      await expectRefused(
        endlessBody('taxon\tS1\n', 'x', 190 * MiB),
        413,
        /Line 2 is longer than 1,000,000 characters/,
      );
    });

    it('a table of 3.1 million features answers 413 at the feature limit', async () => {
      await expectRefused(tableBody(3_100_000), 413, /more than 200,000 feature rows/);
    });

    it('an analysis too large to keep answers 413 naming the size', async () => {
      // 6,000 features of 900-character names, no taxonomy: each feature is its own taxon.
      const rows = Array.from({ length: 6_000 }, (_, i) => `${String(i).padStart(900, 'f')}\t${i + 1}`);
      await expectRefused(
        `taxon\tS1\n${rows.join('\n')}\n`,
        413,
        /would take [\d.]+ MB to keep, more than the 4 MB limit/,
      );
    });
  });

  describe('one upload per person, and a time limit', () => {
    /** A body that sends its first line, then waits until `release()` (or forever). */
    function heldBody() {
      let release = () => {};
      let started = () => {};
      const startedP = new Promise<void>((r) => {
        started = r;
      });
      let sentFirst = false;
      const body = new Readable({
        read() {
          if (!sentFirst) {
            sentFirst = true;
            started();
            this.push('taxon\tS1\nRoseburia\t3\n');
            return;
          }
          release = () => {
            this.push('Blautia\t5\n');
            this.push(null);
          };
        },
      });
      return { body, started: startedP, release: () => release() };
    }

    it('a second upload by the same person while one is read answers 429; another person waits their turn', async () => {
      const held = heldBody();
      const first = upload(alice, held.body);
      await held.started;
      const second = await upload(alice, 'taxon\tS1\nRoseburia\t3\n');
      expect(second.statusCode).toBe(429);
      expect(second.json().error.message).toBe(
        'Another upload of yours is still being read. Wait for it to finish, then try again.',
      );
      // One worker per process: Bob's upload is read once Alice's is done, not refused.
      const other = upload(bob, 'taxon\tS1\nRoseburia\t3\nBlautia\t1\n');
      held.release();
      const done = await first;
      expect(done.statusCode, done.body).toBe(201);
      expect(done.json().sample.analysis.diversity.observed).toBe(2);
      expect((await other).statusCode).toBe(201);
      // Once the first is read, the person can upload again.
      const again = await upload(alice, 'taxon\tS1\nRoseburia\t3\n');
      expect(again.statusCode).toBe(201);
      expect((await alice.delete(`/api/microbiome/samples/${again.json().sample.id}`)).statusCode).toBe(204);
    });

    it('an upload that never ends is stopped at the time limit with 413', async () => {
      // The same database with a 2-second limit, so the test does not wait the real two minutes.
      const quick = await buildApp({
        store,
        now: () => new Date('2026-03-10T12:00:00Z'),
        uploads: { timeMs: 2_000 },
      });
      try {
        const held = heldBody();
        const res = await upload(alice, held.body, quick);
        expect(res.statusCode).toBe(413);
        expect(res.json().error.message).toMatch(/took longer than 2 seconds, the most an upload may take/);
        held.release();
      } finally {
        await quick.close();
      }
    });
  });
});
