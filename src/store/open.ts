/**
 * Opens the store: SQLite (better-sqlite3, the embedded default) or PostgreSQL when a
 * `postgres://` URL is given. This is the one place that knows which engine is in use.
 *
 * @example const store = await openStore({ dataDir: './data' }); … await store.close();
 */
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, Migrator, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import { BACKSTOP_PAGES, startCheckpointer } from './checkpointer.ts';
import { migrationProvider } from './migrations/index.ts';
import { OWASP_PASSWORD_HASHING, type PasswordHashing } from './passwords.ts';
import type { Database } from './schema.ts';
import { holdServerLease, makePrivateDir, makePrivateFile } from './sqlite-files.ts';

export type Engine = 'sqlite' | 'postgres';

export interface Store {
  db: Kysely<Database>;
  engine: Engine;
  /** Where the data lives, for messages: a file path or the URL without its password. */
  location: string;
  /** The argon2id cost for new password hashes: OWASP's baseline unless a test opened the store. */
  passwordHashing: PasswordHashing;
  close(): Promise<void>;
}

export interface OpenOptions {
  /** PostgreSQL connection string; when set, SQLite is not touched at all. */
  databaseUrl?: string;
  /** Folder for the SQLite file (default ./data). */
  dataDir?: string;
  /** Full path of the SQLite file; overrides dataDir. */
  sqliteFile?: string;
  /** Run migrations (default true). */
  migrate?: boolean;
  /** Cost of new password hashes (default OWASP's baseline); only the test helpers lower it. */
  passwordHashing?: PasswordHashing;
}

// pg returns int8 (count(*)) as a string to avoid precision loss; our counts are small.
pg.types.setTypeParser(20, (v) => Number.parseInt(v, 10));

export async function openStore(options: OpenOptions = {}): Promise<Store> {
  const store = options.databaseUrl ? openPostgres(options.databaseUrl) : openSqlite(options);
  if (options.migrate !== false) await migrateToLatest(store.db);
  return { ...store, passwordHashing: options.passwordHashing ?? OWASP_PASSWORD_HASHING };
}

function openSqlite(options: OpenOptions): Omit<Store, 'passwordHashing'> {
  const file = options.sqliteFile ?? join(options.dataDir ?? './data', 'gutbrain.db');
  if (!options.sqliteFile) makePrivateDir(options.dataDir ?? './data');
  // Health data: the folder 0700, the database (and so its -wal and -shm) 0600.
  makePrivateFile(file);
  // Held while open, so `gutbrain restore` can tell the database is in use (sqlite-files.ts).
  const lease = holdServerLease(file);
  let sqlite: SQLite.Database | undefined;
  try {
    sqlite = new SQLite(file);
    sqlite.pragma('journal_mode = WAL');
    // FULL: a commit is on disk before it is acknowledged, so a crash loses no acknowledged write.
    sqlite.pragma('synchronous = FULL');
    sqlite.pragma('foreign_keys = ON');
    sqlite.pragma('busy_timeout = 5000');
    const check = sqlite.pragma('quick_check', { simple: true });
    if (check !== 'ok') throw new Error(`SQLite integrity check failed for ${file}: ${String(check)}`);
  } catch (e) {
    sqlite?.close();
    lease.release();
    throw e;
  }
  // Checkpoints run on a worker thread; this connection only steps in if the log grows past this.
  sqlite.pragma(`wal_autocheckpoint = ${BACKSTOP_PAGES}`);
  const stopCheckpointer = startCheckpointer(file);
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
  const close = async () => {
    await stopCheckpointer();
    await db.destroy();
    lease.release();
  };
  return { db, engine: 'sqlite', location: file, close };
}

/**
 * Kysely prepares every query afresh; compiling the SQL was about 6% of the profiled CPU time
 * (bench:load). The same few hundred query texts recur, so their statements are kept. Safe because
 * Kysely runs one query at a time on this one connection and never streams from SQLite here.
 */
function withStatementCache(sqlite: SQLite.Database) {
  const statements = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(query: string) {
      let stmt = statements.get(query);
      if (!stmt) {
        if (statements.size >= 1000) statements.clear();
        stmt = sqlite.prepare(query);
        statements.set(query, stmt);
      }
      return stmt;
    },
  };
}

function openPostgres(url: string): Omit<Store, 'passwordHashing'> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
  return { db, engine: 'postgres', location: redactUrl(url), close: () => db.destroy() };
}

/** `postgres://u:secret@h/db` → `postgres://u:***@h/db`. */
export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return 'postgres (unparseable URL)';
  }
}

export async function migrateToLatest(db: Kysely<Database>): Promise<void> {
  // Unordered: capabilities add migrations independently; each one touches only its own tables.
  const migrator = new Migrator({ db, provider: migrationProvider, allowUnorderedMigrations: true });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    throw new Error(`migration ${failed?.migrationName ?? ''} failed: ${String(error)}`);
  }
}
