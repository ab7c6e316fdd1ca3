import { chmodSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openStore } from './open.ts';
import { holdServerLease, leaseFile, makePrivateFile, takeExclusiveLease } from './sqlite-files.ts';

const mode = (path: string) => statSync(path).mode & 0o777;

describe('file modes of the embedded database', () => {
  it('creates DATA_DIR 0700 and the database, WAL, shared memory and lease 0600', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'gb-modes-')), 'data', 'nested');
    const store = await openStore({ dataDir }); // migrations write, so the WAL exists
    try {
      const db = join(dataDir, 'gutbrain.db');
      expect(mode(join(dataDir, '..'))).toBe(0o700);
      expect(mode(dataDir)).toBe(0o700);
      for (const f of [db, `${db}-wal`, `${db}-shm`, leaseFile(db)]) expect(mode(f), f).toBe(0o600);
    } finally {
      await store.close();
    }
  });

  it('tightens an existing database (and its WAL) that others could read', () => {
    const db = join(mkdtempSync(join(tmpdir(), 'gb-modes-')), 'gutbrain.db');
    writeFileSync(db, '');
    writeFileSync(`${db}-wal`, '');
    chmodSync(db, 0o644);
    chmodSync(`${db}-wal`, 0o666);
    makePrivateFile(db);
    expect(mode(db)).toBe(0o600);
    expect(mode(`${db}-wal`)).toBe(0o600);
  });
});

describe('the server lease', () => {
  it('is shared among servers and exclusive for a restore', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gb-lease-'));
    const db = join(dir, 'gutbrain.db');
    const store = await openStore({ dataDir: dir });
    const second = holdServerLease(db); // a second server process on the same file
    expect(takeExclusiveLease(db)).toBeUndefined();
    await store.close();
    expect(takeExclusiveLease(db)).toBeUndefined();
    second.release();
    const restore = takeExclusiveLease(db);
    expect(restore).toBeDefined();
    // A server starting mid-restore waits, then says why it cannot start.
    expect(() => holdServerLease(db, 50)).toThrow(/is being restored/);
    restore?.release();
    await (await openStore({ dataDir: dir })).close();
  });
});
