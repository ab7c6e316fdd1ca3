// Backups of the embedded database: SQLite's online backup while the server keeps writing, and a
// restore that will not silently throw away newer data.
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { backupSqlite, restoreSqlite, summarise } from '../../src/cli/backup.ts';
import { parseKnowledge } from '../../src/core/knowledge/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { openStore } from '../../src/store/open.ts';
import { registerClient } from '../support/api.ts';

const count = (file: string, sql: string) => {
  const db = new SQLite(file, { readonly: true });
  try {
    return Number((db.prepare(sql).get() as { n: number }).n);
  } finally {
    db.close();
  }
};

describe('gutbrain backup / restore (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gutbrain-backup-'));
  const live = join(dir, 'gutbrain.db');

  it('backs up a consistent copy while the server is writing', async () => {
    let clock = new Date('2026-03-01T08:00:00Z');
    const store = await openStore({ sqliteFile: live });
    const app = await buildApp({ store, now: () => clock, knowledge: parseKnowledge([]) });
    const alice = await registerClient(app);
    // Writers keep saving check-ins (each one transaction of several rows) during the backup.
    let writing = true;
    const writer = (async () => {
      for (let d = 1; writing && d <= 28; d++) {
        const res = await alice.put(`/api/checkins/2026-02-${String(d).padStart(2, '0')}`, {
          mood: 5,
          focus: 6,
          stress: 3,
        });
        expect(res.statusCode).toBe(200);
      }
    })();
    await new Promise((r) => setTimeout(r, 20));
    const summary = await backupSqlite(live, join(dir, 'first.db'));
    writing = false;
    await writer;
    expect(summary.people).toBe(1);
    // Every check-in in the copy is whole: three observations per day, never one or two.
    const perDay = new SQLite(join(dir, 'first.db'), { readonly: true })
      .prepare('select date, count(*) as n from observation group by date')
      .all() as { n: number }[];
    for (const d of perDay) expect(d.n).toBe(3);
    expect(() => summarise(join(dir, 'first.db'))).not.toThrow();

    await expect(backupSqlite(live, join(dir, 'first.db'))).rejects.toThrow(
      'already exists (use --force to replace it)',
    );

    // Later changes make the live database newer than the backup.
    clock = new Date('2026-03-05T08:00:00Z');
    await alice.put('/api/checkins/2026-03-04', { mood: 9 });
    await app.close();
    await store.close();
  });

  it('restore refuses to overwrite newer data without --force, then restores with it', async () => {
    const before = count(live, 'select count(*) as n from observation');
    await expect(restoreSqlite(join(dir, 'first.db'), live)).rejects.toThrow(
      /has changes from 2026-03-05T08:00:00\.000Z, newer than the backup's last change \(2026-03-01T08:00:00\.000Z\); use --force/,
    );
    expect(count(live, 'select count(*) as n from observation')).toBe(before);
    const restored = await restoreSqlite(join(dir, 'first.db'), live, { force: true });
    expect(restored.lastChange).toBe('2026-03-01T08:00:00.000Z');
    expect(count(live, "select count(*) as n from observation where date = '2026-03-04'")).toBe(0);
    // The restored database opens and migrates like any other.
    const store = await openStore({ sqliteFile: live });
    await store.close();
  });

  it('restore into an empty place, and refuses files that are not Gutbrain databases', async () => {
    const fresh = join(dir, 'elsewhere.db');
    await restoreSqlite(join(dir, 'first.db'), fresh);
    expect(existsSync(fresh)).toBe(true);
    const other = join(dir, 'other.db');
    new SQLite(other).exec('create table t (x integer)');
    await expect(restoreSqlite(other, live)).rejects.toThrow('is not a Gutbrain database');
    await expect(backupSqlite(join(dir, 'missing.db'), join(dir, 'x.db'))).rejects.toThrow('no database at');
  });
});
