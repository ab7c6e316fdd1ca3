/**
 * Builds the web app once before the browser tests, into a folder of this run's own, so two test
 * runs (or a test run and `npm start`) never rebuild the files another is serving. startServer
 * hands the folder to the server as WEB_ROOT.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    webRoot: string;
  }
}

export default function setup(project: TestProject) {
  const outDir = join(mkdtempSync(join(tmpdir(), 'gutbrain-web-')), 'web');
  execFileSync(
    process.execPath,
    ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn', '--outDir', outDir, '--emptyOutDir'],
    {
      stdio: 'inherit',
      // Vitest sets NODE_ENV=test, which would make Vite bundle React's development build.
      env: { ...process.env, NODE_ENV: 'production' },
    },
  );
  project.provide('webRoot', outDir);
  return () => rmSync(join(outDir, '..'), { recursive: true, force: true });
}
