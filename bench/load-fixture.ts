/**
 * A SQLite database for the load benchmarks: `people` persons with a year of daily check-ins each
 * and a live session per person, written straight through better-sqlite3 for speed.
 */
import { randomBytes, randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { addDays, localDateAt } from '../src/core/dates.ts';
import { openStore } from '../src/store/open.ts';
import { hashToken } from '../src/store/sessions.ts';

export interface LoadPerson {
  id: string;
  token: string;
  csrf: string;
}

export interface LoadFixture {
  dataDir: string;
  file: string;
  people: LoadPerson[];
  today: string;
}

export async function makeLoadFixture(people = 200, days = 365): Promise<LoadFixture> {
  const dataDir = mkdtempSync(join(tmpdir(), 'gutbrain-bench-'));
  const file = join(dataDir, 'gutbrain.db');
  const store = await openStore({ sqliteFile: file });
  await store.close();
  const db = new SQLite(file);
  db.pragma('journal_mode = WAL');
  const now = new Date().toISOString();
  const far = new Date(Date.now() + 30 * 86_400_000).toISOString();
  const today = localDateAt(new Date(), 'UTC');
  const insPerson = db.prepare(
    `insert into person (id, email, password_hash, display_name, time_zone, role, created_at, updated_at)
     values (?, ?, 'x', ?, 'UTC', 'person', ?, ?)`,
  );
  const insSession = db.prepare(
    'insert into session (id_hash, person_id, csrf_token, created_at, last_seen_at, expires_at) values (?, ?, ?, ?, ?, ?)',
  );
  const insObs = db.prepare(
    `insert into observation (id, person_id, date, measure, value, text, source, created_at, updated_at)
     values (?, ?, ?, ?, ?, ?, 'checkin', ?, ?)`,
  );
  const measures = [
    'mood',
    'energy_morning',
    'energy_midday',
    'energy_evening',
    'focus',
    'stress',
    'sleep_quality',
  ];
  const out: LoadPerson[] = [];
  db.transaction(() => {
    for (let p = 0; p < people; p++) {
      const id = randomUUID();
      insPerson.run(id, `load${p}@example.com`, `Load ${p}`, now, now);
      const token = randomBytes(32).toString('base64url');
      const csrf = randomBytes(32).toString('base64url');
      insSession.run(hashToken(token), id, csrf, now, now, far);
      out.push({ id, token, csrf });
      for (let d = 0; d < days; d++) {
        const date = addDays(today, -d);
        for (const m of measures)
          insObs.run(randomUUID(), id, date, m, 1 + ((p + d + m.length) % 10), null, now, now);
        insObs.run(randomUUID(), id, date, 'sleep_hours', 6 + (d % 3), null, now, now);
        insObs.run(randomUUID(), id, date, 'note', null, 'a day like any other', now, now);
      }
    }
  })();
  db.close();
  return { dataDir, file, people: out, today };
}
