/**
 * Bundles the server once per project run (scripts/bundle-server.mjs), into a folder of the run's
 * own under dist/, so the servers the tests start skip tsx's per-file loading; the crash test's
 * writer (test/crash/checkin-writer.ts) is bundled beside it. The bundle is built from the same
 * sources bin/gutbrain.mjs runs; the CLI tests (src/cli/*.test.ts) still run bin/gutbrain.mjs
 * itself. startServer and writerArgs (test/support/crash-writer.ts) use the bundle when this setup provided one.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleServer } from '../../scripts/bundle-server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    serverEntry: string;
    crashWriter: string;
  }
}

export default async function setup(project: TestProject) {
  // Inside the repository: the bundle imports its npm packages from node_modules.
  mkdirSync('dist', { recursive: true });
  const outDir = mkdtempSync(join(resolve('dist'), 'test-server-'));
  project.provide(
    'serverEntry',
    await bundleServer(outDir, { 'checkin-writer': 'test/crash/checkin-writer.ts' }),
  );
  project.provide('crashWriter', join(outDir, 'checkin-writer.mjs'));
  return () => rmSync(outDir, { recursive: true, force: true });
}
