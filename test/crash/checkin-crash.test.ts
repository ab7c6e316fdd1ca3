import { spawn } from 'node:child_process';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../src/store/open.ts';
import { createPerson } from '../../src/store/people.ts';
import { writerArgs } from '../support/crash-writer.ts';
import { createTestDatabase, testEngines } from '../support/db.ts';

/** Runs the writer until it has acknowledged `minAcks` saves, then SIGKILLs it; returns acked dates. */
function writeThenKill(target: string, personId: string, offset: number, minAcks: number): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...writerArgs(), target, personId, String(offset)], {
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    const acked: string[] = [];
    let buffer = '';
    let err = '';
    child.stderr.on('data', (d) => {
      err += d;
    });
    child.stdout.on('data', (d: Buffer) => {
      buffer += d.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop() ?? '';
      for (const line of lines) if (line.startsWith('ack ')) acked.push(line.slice(4));
      // Kill at a moment that varies from run to run, mid-stream.
      if (acked.length >= minAcks && !child.killed) child.kill('SIGKILL');
    });
    child.on('exit', (_code, signal) => {
      if (signal !== 'SIGKILL') reject(new Error(`writer exited on its own: ${err}`));
      else resolve(acked);
    });
  });
}

/** SIGKILLs per engine (issue 9 asks for 20). */
const RUNS = 20;

describe.each(testEngines())('crash safety on %s', (engine) => {
  it(`keeps every acknowledged check-in through ${RUNS} SIGKILLs, each check-in whole or absent`, {
    timeout: 300_000,
  }, async () => {
    const db = await createTestDatabase(engine);
    const target = db.databaseUrl ?? (db.sqliteFile as string);
    const setup = await openStore(db);
    const person = await createPerson(setup.db, {
      email: `crash-${engine}@example.com`,
      passwordHash: 'x',
      displayName: 'Crash',
      timeZone: 'UTC',
    });
    await setup.close();

    const allAcked: string[] = [];
    for (let run = 0; run < RUNS; run++) {
      const acked = await writeThenKill(target, person.id, run * 100_000, 5 + Math.floor(Math.random() * 40));
      expect(acked.length).toBeGreaterThanOrEqual(5);
      allAcked.push(...acked);
    }

    const store = await openStore(db);
    if (engine === 'sqlite') {
      const check = await sql<{ integrity_check: string }>`pragma integrity_check`.execute(store.db);
      expect(check.rows[0]?.integrity_check).toBe('ok');
    }
    const rows = await store.db
      .selectFrom('observation')
      .select(['date'])
      .where('person_id', '=', person.id)
      .where('measure', '=', 'mood')
      .execute();
    const stored = new Set(rows.map((r) => r.date));
    const missing = allAcked.filter((d) => !stored.has(d));
    expect(missing).toEqual([]);
    expect(allAcked.length).toBeGreaterThanOrEqual(RUNS * 5);
    // A check-in is two rows written in one transaction: a day has both (mood and note) or neither,
    // even the day that was being written when the process died.
    const notes = await store.db
      .selectFrom('observation')
      .select(['date'])
      .where('person_id', '=', person.id)
      .where('measure', '=', 'note')
      .execute();
    expect(notes.map((r) => r.date).sort()).toEqual([...stored].sort());
    await store.close();
  });
});
