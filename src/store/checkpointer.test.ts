import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { BACKSTOP_PAGES } from './checkpointer.ts';
import { openStore } from './open.ts';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('WAL checkpoints on a worker thread', () => {
  it('copies committed pages into the database file while the main connection stays under its backstop', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gutbrain-ckpt-')), 'gutbrain.db');
    const store = await openStore({ sqliteFile: file });
    try {
      await sleep(400); // the migrations' pages settle first
      const before = statSync(file).size;
      // About 1 MB (some 250 pages): far below the main connection's own checkpoint at
      // BACKSTOP_PAGES, so without the worker every one of these pages would stay in the -wal file.
      const now = new Date().toISOString();
      await store.db
        .insertInto('person')
        .values({
          id: 'p1',
          email: 'ckpt@example.com',
          password_hash: 'x',
          display_name: 'C',
          time_zone: 'UTC',
          role: 'person',
          created_at: now,
          updated_at: now,
        })
        .execute();
      await store.db
        .insertInto('observation')
        .values(
          Array.from({ length: 1000 }, (_, i) => ({
            id: `o${i}`,
            person_id: 'p1',
            date: '2026-01-01',
            measure: `m${i}`,
            value: null,
            text: 'x'.repeat(1000),
            source: 'checkin',
            created_at: now,
            updated_at: now,
          })),
        )
        .execute();
      expect(250).toBeLessThan(BACKSTOP_PAGES);
      let grown = 0;
      for (let i = 0; i < 40 && grown < 1_000_000; i++) {
        await sleep(100);
        grown = statSync(file).size - before;
      }
      expect(grown).toBeGreaterThan(1_000_000);
    } finally {
      await store.close();
    }
    // The data is whole, and the file passes SQLite's integrity check.
    const check = new SQLite(file, { readonly: true });
    expect(check.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(check.prepare('select count(*) from observation').pluck().get()).toBe(1000);
    check.close();
  });

  it('lets a process that closes its store finish what follows, then exit', () => {
    const file = join(mkdtempSync(join(tmpdir(), 'gutbrain-ckpt-')), 'gutbrain.db');
    // Nothing else keeps this process alive: close() must still wait for the worker and return.
    const code = `const { openStore } = await import('./src/store/open.ts');
      const s = await openStore({ sqliteFile: ${JSON.stringify(file)} });
      await s.close();
      console.log('after close');`;
    const out = execFileSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', code], {
      cwd: join(import.meta.dirname, '../..'),
      encoding: 'utf8',
    });
    expect(out.trim()).toBe('after close');
  });
});
