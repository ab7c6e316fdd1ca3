/**
 * Vitest global setup: makes a PostgreSQL server available to the API and browser tests.
 * Uses TEST_DATABASE_URL when set (CI starts a cluster in .ci/run); otherwise starts a throw-away
 * cluster from Debian's postgresql package; otherwise, outside CI, runs the suite on SQLite only.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    pgAdminUrl: string | null;
  }
}

function pgBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  for (const v of versions) if (existsSync(join(base, v, 'bin/initdb'))) return join(base, v, 'bin');
  return null;
}

export default function setup(project: TestProject) {
  const given = process.env.TEST_DATABASE_URL;
  if (given) {
    project.provide('pgAdminUrl', given);
    return;
  }
  const bin = pgBin();
  if (!bin) {
    if (process.env.CI) throw new Error('CI needs PostgreSQL: set TEST_DATABASE_URL or install postgresql');
    console.warn('[tests] PostgreSQL not installed: API tests run on SQLite only');
    project.provide('pgAdminUrl', null);
    return;
  }
  const root = mkdtempSync(join(tmpdir(), 'gutbrain-pg-'));
  const asRoot = process.getuid?.() === 0;
  const run = (cmd: string, args: string[]) =>
    asRoot ? execFileSync('runuser', ['-u', 'postgres', '--', cmd, ...args]) : execFileSync(cmd, args);
  if (asRoot) chownSync(root, Number(execFileSync('id', ['-u', 'postgres']).toString().trim()), 0);
  const port = 56000 + Math.floor(Math.random() * 2000);
  run(join(bin, 'initdb'), [
    '-D',
    join(root, 'data'),
    '-U',
    'postgres',
    '--auth=trust',
    '-E',
    'UTF8',
    '--no-locale',
  ]);
  run(join(bin, 'pg_ctl'), [
    '-D',
    join(root, 'data'),
    '-l',
    join(root, 'log'),
    '-w',
    '-o',
    `-c listen_addresses=127.0.0.1 -p ${port} -k ${root} -c fsync=on -c max_connections=300`,
    'start',
  ]);
  project.provide('pgAdminUrl', `postgres://postgres@127.0.0.1:${port}/postgres`);
  return () => {
    const stop = asRoot
      ? spawnSync('runuser', [
          '-u',
          'postgres',
          '--',
          join(bin, 'pg_ctl'),
          '-D',
          join(root, 'data'),
          '-m',
          'fast',
          'stop',
        ])
      : spawnSync(join(bin, 'pg_ctl'), ['-D', join(root, 'data'), '-m', 'fast', 'stop']);
    if (stop.status === 0) rmSync(root, { recursive: true, force: true });
  };
}
