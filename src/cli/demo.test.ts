import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openStore } from '../store/open.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');

describe('gutbrain demo', () => {
  it('creates a person named Demo with 180 days of sample data ending today in their time zone', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gutbrain-demo-'));
    const { stdout } = await run(
      'node',
      [
        join(root, 'bin/gutbrain.mjs'),
        'demo',
        '--email',
        'demo@example.invalid',
        '--password',
        'a long demo password',
      ],
      { cwd: root, env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '', TZ: 'UTC' } },
    );
    expect(stdout).toContain('email:    demo@example.invalid');
    const store = await openStore({ dataDir });
    try {
      const person = await store.db.selectFrom('person').selectAll().executeTakeFirstOrThrow();
      expect(person.display_name).toBe('Demo');
      // A real account: OWASP's argon2id baseline (19 MiB, 2 iterations, 1 lane), never a test cost.
      expect(person.password_hash.startsWith('$argon2id$v=19$m=19456,t=2,p=1$')).toBe(true);
      const moods = await store.db
        .selectFrom('observation')
        .select('date')
        .where('person_id', '=', person.id)
        .where('measure', '=', 'mood')
        .orderBy('date')
        .execute();
      const days = new Set(moods.map((m) => m.date));
      const today = new Date().toISOString().slice(0, 10);
      // 180 calendar days ending today; a few may lack a mood (the generator skips some days).
      expect([...days].at(-1)).toBe(today);
      expect(days.size).toBeGreaterThan(150);
      expect(days.size).toBeLessThanOrEqual(180);
      const first = new Date(`${today}T00:00:00Z`);
      first.setUTCDate(first.getUTCDate() - 179);
      expect([...days][0]! >= first.toISOString().slice(0, 10)).toBe(true);
    } finally {
      await store.close();
    }
  }, 60_000);
});
