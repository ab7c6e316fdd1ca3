// Backups of the embedded database: one-step copies that finish while another process keeps
// writing, and a restore that cannot hurt — it refuses while a server holds the database, refuses
// damaged or foreign files, and keeps the database it replaces.
import { type ChildProcess, execFile, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { backupSqlite, restoreSqlite, summarise } from '../../src/cli/backup.ts';
import { parseKnowledge } from '../../src/core/knowledge/index.ts';
import { buildApp } from '../../src/server/app.ts';
import { migrations } from '../../src/store/migrations/index.ts';
import { openStore } from '../../src/store/open.ts';
import { createPerson } from '../../src/store/people.ts';
import { registerClient } from '../support/api.ts';
import { startServer } from '../support/browser.ts';
import { writerArgs } from '../support/crash-writer.ts';

const root = join(import.meta.dirname, '../..');
const count = (file: string, sql: string) => {
  const db = new SQLite(file, { readonly: true });
  try {
    return Number((db.prepare(sql).get() as { n: number }).n);
  } finally {
    db.close();
  }
};
const digest = (file: string) => createHash('sha256').update(readFileSync(file)).digest('hex');
const mode = (file: string) => statSync(file).mode & 0o777;

/** Starts the crash test's writer (check-ins as fast as it can, in its own process) on `file`. */
function startWriter(
  file: string,
  personId: string,
): { child: ChildProcess; acks: () => number; ready: Promise<void> } {
  const child = spawn(process.execPath, [...writerArgs(), file, personId, '0'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let acks = 0;
  let err = '';
  child.stderr?.on('data', (d) => {
    err += d;
  });
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout?.on('data', (d: Buffer) => {
      acks += d
        .toString()
        .split('\n')
        .filter((l) => l.startsWith('ack ')).length;
      if (acks >= 50) resolve();
    });
    child.once('exit', () => reject(new Error(`writer stopped: ${err}`)));
  });
  return { child, acks: () => acks, ready };
}

describe('gutbrain backup (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gutbrain-backup-'));
  const live = join(dir, 'gutbrain.db');
  let writer: ChildProcess | undefined;
  afterAll(() => {
    writer?.kill('SIGKILL');
  });

  it('finishes while another process saves check-ins flat out, and the copy is whole, checked and 0600', async () => {
    const setup = await openStore({ sqliteFile: live });
    const person = await createPerson(setup.db, {
      email: 'busy@example.com',
      passwordHash: 'x',
      displayName: 'Busy',
      timeZone: 'UTC',
    });
    await setup.close();
    // About 10 MB, so a page-by-page copy needs many steps, each one undone by the next write.
    const seed = new SQLite(live);
    seed
      .prepare(
        `with recursive n(i) as (select 1 union all select i + 1 from n where i < 20000)
         insert into observation (id, person_id, date, measure, value, text, source, created_at, updated_at)
         select 'seed-' || i, ?, '1990-01-01', 'seed_' || i, null, hex(randomblob(200)), 'seed',
                '2026-01-01T00:00:00.000Z', '2026-01-01T00:00:00.000Z' from n`,
      )
      .run(person.id);
    seed.close();
    const w = startWriter(live, person.id);
    writer = w.child;
    await w.ready;
    const before = w.acks();
    const dest = join(dir, 'busy.db');
    const summary = await backupSqlite(live, dest);
    // Let the writer's output that arrived during the copy be counted.
    await new Promise<void>((resolve) => w.child.stdout?.once('data', () => resolve()));
    expect(w.acks()).toBeGreaterThan(before);
    w.child.kill('SIGKILL');
    expect(summary.people).toBe(1);
    // Every check-in in the copy is whole: a mood and a note per day, never one without the other.
    const perDay = new SQLite(dest, { readonly: true })
      .prepare("select date, count(*) as n from observation where source = 'checkin' group by date")
      .all() as { n: number }[];
    expect(perDay.length).toBeGreaterThanOrEqual(50);
    for (const d of perDay) expect(d.n).toBe(2);
    expect(new SQLite(dest, { readonly: true }).pragma('integrity_check', { simple: true })).toBe('ok');
    expect(mode(dest)).toBe(0o600);
    expect(readdirSync(dir).filter((f) => f.includes('partial'))).toEqual([]);
    await expect(backupSqlite(live, dest)).rejects.toThrow('already exists (use --force to replace it)');
  }, 60_000);

  it('leaves no partial file behind when the copy fails', async () => {
    const out = mkdtempSync(join(tmpdir(), 'gutbrain-backup-out-'));
    const garbage = join(dir, 'garbage.db');
    writeFileSync(garbage, 'this is not a database, but it is long enough to be read as one '.repeat(100));
    await expect(backupSqlite(garbage, join(out, 'copy.db'))).rejects.toThrow();
    expect(readdirSync(out)).toEqual([]);
    await expect(backupSqlite(join(dir, 'missing.db'), join(out, 'x.db'))).rejects.toThrow('no database at');
  });
});

describe('gutbrain restore (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'gutbrain-restore-'));
  const live = join(dir, 'gutbrain.db');
  const first = join(dir, 'first.db');
  let clock = new Date('2026-03-01T08:00:00Z');

  it('makes a backup, then the live data moves on', async () => {
    const store = await openStore({ sqliteFile: live });
    const app = await buildApp({ store, now: () => clock, knowledge: parseKnowledge([]) });
    const alice = await registerClient(app);
    expect((await alice.put('/api/checkins/2026-02-28', { mood: 5, focus: 6 })).statusCode).toBe(200);
    await backupSqlite(live, first);
    clock = new Date('2026-03-05T08:00:00Z');
    expect((await alice.put('/api/checkins/2026-03-04', { mood: 9 })).statusCode).toBe(200);
    await app.close();
    await store.close();
  });

  it('refuses while a server holds the database, in this process or another', async () => {
    const store = await openStore({ sqliteFile: live });
    await expect(restoreSqlite(first, live, { force: true })).rejects.toThrow(/a Gutbrain server is using/);
    await store.close();

    const server = await startServer('sqlite', { DATA_DIR: dir });
    try {
      const before = digest(live);
      await expect(restoreSqlite(first, live, { force: true })).rejects.toThrow(/a Gutbrain server is using/);
      expect(digest(live)).toBe(before);
      expect((await fetch(`${server.url}/api/auth/session`)).status).toBe(401); // still serving
    } finally {
      await server.stop();
    }
  }, 60_000);

  it('refuses to overwrite newer data without --force', async () => {
    const before = count(live, 'select count(*) as n from observation');
    await expect(restoreSqlite(first, live)).rejects.toThrow(
      /has changes from 2026-03-05T08:00:00\.000Z, newer than the backup's last change \(2026-03-01T08:00:00\.000Z\); use --force/,
    );
    expect(count(live, 'select count(*) as n from observation')).toBe(before);
  });

  it('refuses a foreign SQLite file with a kysely_migration table and a person row', async () => {
    const foreign = join(dir, 'foreign.db');
    const db = new SQLite(foreign);
    db.exec(`create table kysely_migration (name varchar(255) primary key, timestamp varchar(255));
      create table person (id text primary key, email text);
      insert into person values ('p1', 'someone@example.com');
      create table notes (body text); insert into notes values ('${'x'.repeat(15_000)}');`);
    db.close();
    const before = digest(live);
    await expect(restoreSqlite(foreign, live, { force: true })).rejects.toThrow(
      /cannot be brought up to this Gutbrain/,
    );
    // Every migration name, but not the tables they make.
    const insert = new SQLite(foreign);
    for (const name of Object.keys(migrations)) {
      insert.prepare('insert into kysely_migration values (?, ?)').run(name, '2026-01-01T00:00:00.000Z');
    }
    insert.close();
    await expect(restoreSqlite(foreign, live, { force: true })).rejects.toThrow(
      /does not have this Gutbrain's tables, so the server could not use it: missing (table|index) /,
    );
    const newer = join(dir, 'newer.db');
    await backupSqlite(first, newer);
    const add = new SQLite(newer);
    add
      .prepare('insert into kysely_migration values (?, ?)')
      .run('0099_from_the_future', '2027-01-01T00:00:00.000Z');
    add.close();
    await expect(restoreSqlite(newer, live, { force: true })).rejects.toThrow(
      /made by a different or newer Gutbrain \(migrations this one does not have: 0099_from_the_future\)/,
    );
    expect(digest(live)).toBe(before);
    expect(readdirSync(dir).filter((f) => f.includes('restoring'))).toEqual([]);
  });

  it('runs integrity_check: a broken index that quick_check misses is refused', async () => {
    const broken = join(dir, 'broken-index.db');
    await backupSqlite(first, broken);
    const db = new SQLite(broken);
    db.unsafeMode(true); // lets writable_schema change an index's definition without rebuilding it
    db.pragma('writable_schema = 1');
    db.prepare(
      "update sqlite_master set sql = 'CREATE INDEX session_person ON session (csrf_token)' where name = 'session_person'",
    ).run();
    db.close();
    const check = new SQLite(broken, { readonly: true });
    expect(check.pragma('quick_check', { simple: true })).toBe('ok');
    check.close();
    await expect(restoreSqlite(broken, live, { force: true })).rejects.toThrow(
      /is damaged \(SQLite integrity_check: row \d+ missing from index session_person/,
    );
  });

  it('with --force restores, and keeps the replaced database aside so the restore can be undone', async () => {
    const newerCount = count(live, "select count(*) as n from observation where date = '2026-03-04'");
    expect(newerCount).toBeGreaterThan(0);
    const { restored, setAside } = await restoreSqlite(first, live, {
      force: true,
      now: new Date('2026-03-06T10:00:00Z'),
    });
    expect(restored.lastChange).toBe('2026-03-01T08:00:00.000Z');
    expect(setAside).toBe(`${live}.before-restore-20260306T100000Z`);
    expect(count(live, "select count(*) as n from observation where date = '2026-03-04'")).toBe(0);
    expect(count(setAside as string, "select count(*) as n from observation where date = '2026-03-04'")).toBe(
      newerCount,
    );
    expect(mode(live)).toBe(0o600);
    // The restored database opens and migrates like any other.
    await (await openStore({ sqliteFile: live })).close();
    // Undo: the set-aside file restores like a backup.
    await restoreSqlite(setAside as string, live, { force: true });
    expect(count(live, "select count(*) as n from observation where date = '2026-03-04'")).toBe(newerCount);
  });

  it('the command prints where the replaced database is kept', async () => {
    const { stdout } = await promisify(execFile)(
      process.execPath,
      [join(root, 'bin/gutbrain.mjs'), 'restore', first, '--force'],
      { cwd: root, env: { ...process.env, DATA_DIR: dir, DATABASE_URL: '' } },
    );
    expect(stdout).toMatch(/^Restored .*gutbrain\.db: .*last change 2026-03-01T08:00:00\.000Z$/m);
    const kept = /The database it replaced is kept at (\S+)/.exec(stdout)?.[1] as string;
    expect(existsSync(kept)).toBe(true);
    expect(stdout).toContain(`gutbrain restore ${kept} --force`);
  }, 30_000);

  it('restores into an empty place, and refuses files that are not Gutbrain databases', async () => {
    const fresh = join(mkdtempSync(join(tmpdir(), 'gutbrain-restore-fresh-')), 'gutbrain.db');
    const { setAside } = await restoreSqlite(first, fresh);
    expect(setAside).toBeUndefined();
    expect(summarise(fresh).people).toBe(1);
    const other = join(dir, 'other.db');
    new SQLite(other).exec('create table t (x integer)');
    await expect(restoreSqlite(other, live)).rejects.toThrow('is not a Gutbrain database');
  });
});
