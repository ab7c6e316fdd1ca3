/**
 * `gutbrain backup FILE` and `gutbrain restore FILE [--force]` for the embedded SQLite database.
 *
 * Backup copies the live database in one step with `VACUUM INTO` — one read transaction, so it
 * finishes however busy the server is (the page-by-page backup API starts over whenever another
 * process writes, and under ~20 saves a second never finished) — into a temporary file beside the
 * destination, runs `integrity_check` on the copy, and only then renames it into place; on any
 * failure the partial file is deleted. https://www.sqlite.org/lang_vacuum.html#vacuuminto
 *
 * Restore refuses while a server holds the database (its lease, see store/sqlite-files.ts), refuses
 * a backup that fails `integrity_check` (quick_check misses broken indexes), that carries migrations
 * this build does not have, or whose schema after this build's migrations differs from this
 * build's; it refuses to replace newer data unless `--force`. The database it replaces is moved
 * aside, not deleted, and its path printed, so a restore can be undone. PostgreSQL deployments use
 * pg_dump / pg_restore instead (README, "Backups").
 *
 * @example await backupSqlite('data/gutbrain.db', 'backups/2026-03-10.db');
 */
import { randomBytes } from 'node:crypto';
import {
  closeSync,
  existsSync,
  fsyncSync,
  mkdtempSync,
  openSync,
  renameSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import { migrations } from '../store/migrations/index.ts';
import { migrateToLatest } from '../store/open.ts';
import type { Database } from '../store/schema.ts';
import { makePrivateDir, makePrivateFile, takeExclusiveLease } from '../store/sqlite-files.ts';
import { readConfig } from './config.ts';
import { schemaDifferences, sqliteSchema } from './sqlite-schema.ts';

export interface DatabaseSummary {
  file: string;
  bytes: number;
  people: number;
  migrations: number;
  /** The latest `…_at` timestamp in any table: when the data last changed. */
  lastChange: string | null;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** SQLite's full `integrity_check` (tables and every index), throwing with its first findings. */
export function checkIntegrity(file: string): void {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const rows = db.pragma('integrity_check') as { integrity_check: string }[];
    const findings = rows.map((r) => r.integrity_check);
    if (findings.length !== 1 || findings[0] !== 'ok') {
      throw new Error(`${file} is damaged (SQLite integrity_check: ${findings.slice(0, 3).join('; ')})`);
    }
  } finally {
    db.close();
  }
}

/** Opens `file` read-only, checks it looks like a Gutbrain database and summarises it. */
export function summarise(file: string): DatabaseSummary {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const tables = (
      db.prepare("select name from sqlite_master where type = 'table'").all() as { name: string }[]
    ).map((t) => t.name);
    if (!tables.includes('kysely_migration') || !tables.includes('person')) {
      throw new Error(`${file} is not a Gutbrain database`);
    }
    let lastChange: string | null = null;
    for (const t of tables.filter((n) => IDENTIFIER.test(n) && !n.startsWith('sqlite_'))) {
      const cols = (db.prepare('select name from pragma_table_info(?)').all(t) as { name: string }[])
        .map((c) => c.name)
        // Deadlines (a session's expires_at) lie in the future and say nothing about changes.
        .filter((c) => c.endsWith('_at') && !c.startsWith('expires') && IDENTIFIER.test(c));
      for (const c of cols) {
        const row = db.prepare(`select max("${c}") as m from "${t}"`).get() as { m: unknown };
        if (typeof row.m === 'string' && (lastChange === null || row.m > lastChange)) lastChange = row.m;
      }
    }
    const count = (sql: string) => Number((db.prepare(sql).get() as { n: number }).n);
    return {
      file,
      bytes: statSync(file).size,
      people: count('select count(*) as n from person'),
      migrations: count('select count(*) as n from kysely_migration'),
      lastChange,
    };
  } finally {
    db.close();
  }
}

const siblings = (file: string) => [file, `${file}-journal`, `${file}-wal`, `${file}-shm`];

/** A name beside `file` for work in progress: same folder (so rename is atomic), hidden, unique. */
const temporaryBeside = (file: string, what: string) =>
  join(dirname(file), `.${basename(file)}.${what}-${randomBytes(4).toString('hex')}`);

/** fsync a file, then its folder, so a rename that follows (or preceded) survives a power cut. */
function syncToDisk(file: string): void {
  for (const path of [file, dirname(file)]) {
    const fd = openSync(path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}

/** `VACUUM INTO` a fresh 0600 file: one consistent snapshot, however busy the source is. */
function copyInOneStep(source: string, dest: string): void {
  makePrivateFile(dest); // empty, 0600: VACUUM INTO accepts an empty file and keeps its mode
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    db.prepare('vacuum into ?').run(dest);
  } finally {
    db.close();
  }
  syncToDisk(dest);
}

/** Copies the live database at `source` to `dest` (a new file unless `force`). */
export async function backupSqlite(source: string, dest: string, options: { force?: boolean } = {}) {
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  if (existsSync(dest) && !options.force)
    throw new Error(`${dest} already exists (use --force to replace it)`);
  const partial = temporaryBeside(dest, 'partial');
  try {
    copyInOneStep(source, partial);
    checkIntegrity(partial);
    renameSync(partial, dest);
    syncToDisk(dest);
  } finally {
    for (const f of siblings(partial)) rmSync(f, { force: true });
  }
  return summarise(dest);
}

/** The schema this build's migrations make, from a throw-away database. */
async function thisBuildsSchema() {
  const dir = mkdtempSync(join(tmpdir(), 'gutbrain-schema-'));
  try {
    const file = join(dir, 'reference.db');
    await migrateFile(file);
    return sqliteSchema(file);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function migrateFile(file: string): Promise<void> {
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: new SQLite(file) }) });
  try {
    await migrateToLatest(db);
  } finally {
    await db.destroy();
  }
}

function migrationNames(file: string): string[] {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    return (db.prepare('select name from kysely_migration').all() as { name: string }[]).map((r) => r.name);
  } finally {
    db.close();
  }
}

/** Merges the WAL into the database file and closes, so the file alone is the whole database. */
function settle(file: string): void {
  const db = new SQLite(file, { fileMustExist: true });
  try {
    db.pragma('wal_checkpoint(TRUNCATE)');
  } finally {
    db.close();
  }
}

const stamp = (now: Date) =>
  now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d+Z$/, 'Z');

export interface RestoreResult {
  restored: DatabaseSummary;
  /** Where the database that was replaced now lies (undefined when there was none). */
  setAside?: string;
}

/**
 * Replaces the database at `target` with the backup at `source`, keeping the old one beside it.
 * Refuses while a server holds `target`, and (unless `force`) when the target has newer changes.
 */
export async function restoreSqlite(
  source: string,
  target: string,
  options: { force?: boolean; now?: Date } = {},
): Promise<RestoreResult> {
  if (!existsSync(source)) throw new Error(`no backup at ${source}`);
  checkIntegrity(source);
  const backup = summarise(source);
  const known = new Set(Object.keys(migrations));
  const unknown = migrationNames(source).filter((n) => !known.has(n));
  if (unknown.length > 0) {
    throw new Error(
      `${source} was made by a different or newer Gutbrain (migrations this one does not have: ${unknown.slice(0, 3).join(', ')})`,
    );
  }
  makePrivateDir(dirname(target));
  const lease = takeExclusiveLease(target);
  if (!lease) {
    throw new Error(
      `a Gutbrain server is using ${target}; stop it (and every other gutbrain command on it) before restoring`,
    );
  }
  const copy = temporaryBeside(target, 'restoring');
  try {
    if (existsSync(target) && !options.force) {
      const current = summarise(target);
      if (current.lastChange && (!backup.lastChange || current.lastChange > backup.lastChange)) {
        throw new Error(
          `${target} has changes from ${current.lastChange}, newer than the backup's last change (${backup.lastChange ?? 'none'}); use --force to overwrite them`,
        );
      }
    }
    copyInOneStep(source, copy);
    try {
      await migrateFile(copy);
    } catch (e) {
      throw new Error(
        `${source} cannot be brought up to this Gutbrain's tables (${e instanceof Error ? e.message : String(e)})`,
      );
    }
    const differences = schemaDifferences(await thisBuildsSchema(), sqliteSchema(copy));
    if (differences.length > 0) {
      throw new Error(
        `${source} does not have this Gutbrain's tables, so the server could not use it: ${differences.slice(0, 3).join('; ')}`,
      );
    }
    checkIntegrity(copy);
    syncToDisk(copy);

    let setAside: string | undefined;
    if (existsSync(target)) {
      settle(target);
      setAside = `${target}.before-restore-${stamp(options.now ?? new Date())}`;
      renameSync(target, setAside);
      for (const suffix of ['-wal', '-shm']) {
        if (existsSync(target + suffix)) renameSync(target + suffix, setAside + suffix);
      }
    }
    renameSync(copy, target);
    syncToDisk(target);
    return { restored: summarise(target), ...(setAside ? { setAside } : {}) };
  } finally {
    for (const f of siblings(copy)) rmSync(f, { force: true });
    lease.release();
  }
}

function describe(s: DatabaseSummary): string {
  return `${s.file}: ${(s.bytes / 1024).toFixed(0)} KiB, ${s.people} account(s), last change ${s.lastChange ?? 'never'}`;
}

/** `gutbrain backup FILE [--force]` / `gutbrain restore FILE [--force]`. */
export async function backupCommand(command: 'backup' | 'restore', args: string[]): Promise<number> {
  const force = args.includes('--force');
  const file = args.find((a) => !a.startsWith('--'));
  if (!file) {
    console.error(`Usage: gutbrain ${command} FILE [--force]`);
    return 2;
  }
  const config = readConfig();
  if (config.databaseUrl) {
    console.error(
      `gutbrain ${command} works on the embedded SQLite database. With PostgreSQL use pg_dump / pg_restore (see README, "Backups").`,
    );
    return 2;
  }
  const live = join(config.dataDir, 'gutbrain.db');
  if (command === 'backup') {
    console.log(`Backed up ${describe(await backupSqlite(live, file, { force }))}`);
    return 0;
  }
  const { restored, setAside } = await restoreSqlite(file, live, { force });
  console.log(`Restored ${describe(restored)}`);
  if (setAside) {
    console.log(`The database it replaced is kept at ${setAside}`);
    console.log(`To undo: stop the server, then run  gutbrain restore ${setAside} --force`);
  }
  return 0;
}
