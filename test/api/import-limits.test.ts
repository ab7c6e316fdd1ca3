import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKnowledge } from '../../src/core/knowledge/index.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

/**
 * The import route is bounded like the microbiome uploads: rows per file, characters per CSV
 * record, rows in a Gutbrain export; beyond a limit the answer is a 413 naming it.
 */
const DAYLIO_HEADER = 'full_date,date,weekday,time,mood,activities,note_title,note';

function daylio(rows: number): string {
  const lines = [DAYLIO_HEADER];
  const start = Date.UTC(1990, 0, 1);
  for (let i = 0; i < rows; i++) {
    const d = new Date(start + Math.floor(i / 10) * 86_400_000).toISOString().slice(0, 10);
    lines.push(`${d},1 January,Monday,${String(i % 10).padStart(2, '0')}:00,good,"walk","",""`);
  }
  return `${lines.join('\n')}\n`;
}

describe.each(testEngines())('import limits on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let alice: TestClient;

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({
      store,
      now: () => new Date('2026-03-10T12:00:00Z'),
      knowledge: parseKnowledge([]),
    });
    alice = await registerClient(app);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const preview = (source: string, content: string, name = 'export.csv') =>
    alice.post('/api/import/preview', { source, files: [{ name, content }] });

  it('a file of more than 200,000 rows answers 413 naming the limit', async () => {
    const res = await preview('daylio', daylio(200_001));
    expect(res.statusCode, res.body.slice(0, 300)).toBe(413);
    expect(res.json().error.message).toBe(
      'export.csv has more than 200,000 rows, the most one import may hold. Export a shorter period and import it in parts.',
    );
  });

  it('a CSV record longer than 100,000 characters answers 413 naming the line', async () => {
    const note = 'x'.repeat(200_000);
    const res = await preview(
      'daylio',
      `${DAYLIO_HEADER}\n2024-01-01,1 January,Monday,10:00,good,"walk","","${note}"\n`,
    );
    expect(res.statusCode, res.body.slice(0, 300)).toBe(413);
    expect(res.json().error.message).toMatch(/^export\.csv, line 2: a row is longer than 100,000 characters/);
  });

  it('a Gutbrain export of more than 200,000 rows answers 413', async () => {
    const row = { date: '2024-01-01', measure: 'mood', value: 5 };
    const doc = {
      format: 'gutbrain-export',
      version: 1,
      exportedAt: '2026-03-01T00:00:00Z',
      migrations: [],
      person: { displayName: 'A', timeZone: 'UTC', region: null },
      tables: { observation: Array.from({ length: 200_001 }, () => row) },
    };
    const res = await preview('gutbrain', JSON.stringify(doc), 'gutbrain.json');
    expect(res.statusCode, res.body.slice(0, 300)).toBe(413);
    expect(res.json().error.message).toMatch(/more than 200,000 rows/);
  });
});
