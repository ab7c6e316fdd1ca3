/**
 * `bench/today-interactive.ts --quick` against this run's web build (WEB_ROOT), so the Today
 * benchmark cannot rot unnoticed: it must finish, exit 0 and print its summary line. No timing is
 * judged here (see bench/ for that).
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, inject, it } from 'vitest';

const run = promisify(execFile);

describe('bench:today still runs (quick mode)', () => {
  it('opens Today cold and warm in Chromium and prints its summary line', async () => {
    const { stdout } = await run(
      process.execPath,
      ['--import', 'tsx', 'bench/today-interactive.ts', '--quick'],
      {
        timeout: 110_000,
        env: { ...process.env, WEB_ROOT: inject('webRoot') },
      },
    );
    expect(stdout).toMatch(/cold\s+interactive median \d+ ms/);
    expect(stdout).toMatch(/Today interactive: \d+ ms \(cold median; target under 1000 ms\)/);
  });
});
