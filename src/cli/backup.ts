/**
 * `gutbrain backup FILE` and `gutbrain restore FILE [--force]` for the embedded SQLite database.
 * Both use SQLite's online backup API (better-sqlite3's `.backup()`), which copies a consistent
 * snapshot page by page while the server keeps running and writing. Restore refuses to replace a
 * database holding changes newer than the backup unless told `--force`. PostgreSQL deployments
 * use pg_dump / pg_restore instead (README, "Backups").
 *
 * @example await backupSqlite('data/gutbrain.db', 'backups/2026-03-10.db');
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { readConfig } from './config.ts';

export interface DatabaseSummary {
  file: string;
  bytes: number;
  people: number;
  migrations: number;
  /** The latest `…_at` timestamp in any table: when the data last changed. */
  lastChange: string | null;
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** Opens `file` read-only, checks it is a sound Gutbrain database and summarises it. */
export function summarise(file: string): DatabaseSummary {
  const db = new SQLite(file, { readonly: true, fileMustExist: true });
  try {
    const check = db.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`${file} is damaged (SQLite quick_check: ${String(check)})`);
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

/** Copies the live database at `source` to `dest` (a new file unless `force`). */
export async function backupSqlite(source: string, dest: string, options: { force?: boolean } = {}) {
  if (!existsSync(source)) throw new Error(`no database at ${source}`);
  if (existsSync(dest) && !options.force)
    throw new Error(`${dest} already exists (use --force to replace it)`);
  const db = new SQLite(source, { fileMustExist: true });
  try {
    db.pragma('busy_timeout = 5000');
    await db.backup(dest);
  } finally {
    db.close();
  }
  return summarise(dest);
}

/**
 * Replaces the database at `target` with the backup at `source`. Refuses when the target has
 * changes newer than the backup, or more migrations (a newer Gutbrain), unless `force`.
 */
export async function restoreSqlite(source: string, target: string, options: { force?: boolean } = {}) {
  const backup = summarise(source);
  if (existsSync(target) && !options.force) {
    const current = summarise(target);
    if (current.migrations > backup.migrations) {
      throw new Error(
        `${target} was made by a newer Gutbrain (${current.migrations} migrations, the backup has ${backup.migrations}); use --force to restore anyway`,
      );
    }
    if (current.lastChange && (!backup.lastChange || current.lastChange > backup.lastChange)) {
      throw new Error(
        `${target} has changes from ${current.lastChange}, newer than the backup's last change (${backup.lastChange ?? 'none'}); use --force to overwrite them`,
      );
    }
  }
  const db = new SQLite(source, { readonly: true, fileMustExist: true });
  try {
    // The backup API writes through SQLite's own locking, so a running server sees either the old
    // database or the restored one, never a mix.
    await db.backup(target);
  } finally {
    db.close();
  }
  return summarise(target);
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
  if (command === 'backup') console.log(`Backed up ${describe(await backupSqlite(live, file, { force }))}`);
  else console.log(`Restored ${describe(await restoreSqlite(file, live, { force }))}`);
  return 0;
}
