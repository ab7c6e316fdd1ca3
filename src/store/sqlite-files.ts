/**
 * The embedded database's files on disk: who may read them, and who is using them.
 *
 * Modes: the data folder is created 0700 and the database, its WAL and shared-memory files, the
 * lease and backups 0600 — they hold health data, and nobody else on the machine needs them.
 * SQLite gives the -wal and -shm files the database file's own mode, so making the database file
 * 0600 before SQLite first opens it covers them (https://www.sqlite.org/tempfiles.html).
 *
 * Lease: every process serving the database holds a SHARED lock on a small side file
 * (`gutbrain.db-lease`) for as long as it runs; `gutbrain restore` needs an EXCLUSIVE lock on it,
 * which SQLite cannot grant while any server holds its SHARED one. The operating system drops a
 * process's locks when it exits, however it exits, so a crashed server never leaves a stale lease.
 * The lease file is a database of its own in rollback-journal mode, where a read transaction holds
 * SHARED until it ends (https://www.sqlite.org/lockingv3.html); the live database is in WAL mode,
 * where readers take no such lock, so it cannot serve as its own lease.
 *
 * @example const lease = holdServerLease('/data/gutbrain.db'); … lease.release();
 */
import { chmodSync, closeSync, existsSync, mkdirSync, openSync, statSync } from 'node:fs';
import SQLite from 'better-sqlite3';

export const PRIVATE_DIR_MODE = 0o700;
export const PRIVATE_FILE_MODE = 0o600;

/** Creates `dir` (and missing parents) readable by this user only. An existing folder is left as it is. */
export function makePrivateDir(dir: string): void {
  mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Makes sure `file` exists and only this user can read it: a missing file is created empty with
 * mode 0600; an existing one (and its -wal and -shm) that others could read is tightened.
 */
export function makePrivateFile(file: string): void {
  if (!existsSync(file)) {
    closeSync(openSync(file, 'a', PRIVATE_FILE_MODE));
    return;
  }
  for (const f of [file, `${file}-wal`, `${file}-shm`]) {
    try {
      if (existsSync(f) && (statSync(f).mode & 0o077) !== 0) chmodSync(f, PRIVATE_FILE_MODE);
    } catch {
      // Not ours to change (another owner): SQLite can still use it; the operator chose its mode.
    }
  }
}

export const leaseFile = (databaseFile: string) => `${databaseFile}-lease`;

export interface Lease {
  release(): void;
}

function openLease(databaseFile: string, waitMs: number): SQLite.Database {
  const file = leaseFile(databaseFile);
  makePrivateFile(file);
  const db = new SQLite(file);
  db.pragma(`busy_timeout = ${waitMs}`);
  db.exec('create table if not exists lease (note text)');
  return db;
}

/**
 * Holds the server's SHARED lease on `databaseFile` until released (or the process ends). Waits up
 * to `waitMs` while a restore holds the database, then throws saying so.
 */
export function holdServerLease(databaseFile: string, waitMs = 15_000): Lease {
  let db: SQLite.Database | undefined;
  try {
    db = openLease(databaseFile, waitMs);
    db.exec('begin');
    db.prepare('select count(*) from lease').get(); // the read that takes the SHARED lock
  } catch (e) {
    db?.close();
    if ((e as { code?: string }).code === 'SQLITE_BUSY') {
      throw new Error(
        `${databaseFile} is being restored (gutbrain restore); start the server when it has finished`,
      );
    }
    throw e;
  }
  const held = db;
  return {
    release: () => {
      if (!held.open) return;
      held.exec('commit');
      held.close();
    },
  };
}

/** The EXCLUSIVE lease, or undefined when a server (or another restore) holds the database. */
export function takeExclusiveLease(databaseFile: string): Lease | undefined {
  const db = openLease(databaseFile, 0);
  try {
    db.exec('begin exclusive');
  } catch (e) {
    db.close();
    if ((e as { code?: string }).code === 'SQLITE_BUSY') return undefined;
    throw e;
  }
  return {
    release: () => {
      if (!db.open) return;
      db.exec('commit');
      db.close();
    },
  };
}
