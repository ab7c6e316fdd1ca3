/** `gutbrain import`: an Apple Health export on disk into an account, found by its email. */
import { execFile } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';
import { openStore } from '../store/open.ts';
import { createPerson } from '../store/people.ts';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const fixture = join(root, 'src/core/wearables/apple-health/fixtures/export.xml');

describe('gutbrain import', () => {
  it('imports the export into the account, and adds nothing the second time', {
    timeout: 60_000,
  }, async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'gutbrain-import-'));
    const store = await openStore({ dataDir });
    const person = await createPerson(store.db, {
      email: 'ana@example.invalid',
      passwordHash: 'x',
      displayName: 'Ana',
      timeZone: 'Europe/Berlin',
    });
    await store.close();
    const gutbrain = (...args: string[]) =>
      run('node', [join(root, 'bin/gutbrain.mjs'), 'import', ...args], {
        cwd: root,
        env: { ...process.env, DATA_DIR: dataDir, DATABASE_URL: '' },
      });
    const first = await gutbrain(fixture, '--email', 'ANA@example.invalid');
    expect(first.stdout).toMatch(
      /^Apple Health: 22 daily values from 2019-06-02 to 2024-03-11 — 22 added, 0 updated, 0 already there\./m,
    );
    expect(first.stdout).toContain(
      'left out: 2 of kinds Gutbrain does not use, 2 dated before 1900 or after today, 2 with impossible values, 3 repeated',
    );
    const again = await gutbrain(fixture, '--email', 'ana@example.invalid', '--source', 'apple-health');
    expect(again.stdout).toContain('0 added, 0 updated, 22 already there');
    const check = await openStore({ dataDir });
    const rows = await check.db
      .selectFrom('observation')
      .select(['measure', 'value'])
      .where('person_id', '=', person.id)
      .where('date', '=', '2024-03-11')
      .where('measure', '=', 'steps')
      .execute();
    await check.close();
    expect(rows).toEqual([{ measure: 'steps', value: 950 }]);
    await expect(gutbrain(fixture, '--email', 'nobody@example.invalid')).rejects.toMatchObject({
      stderr: expect.stringContaining('no account with the email nobody@example.invalid'),
    });
  });
});
