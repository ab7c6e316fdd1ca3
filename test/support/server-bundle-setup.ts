/**
 * Bundles the server once before the browser tests (scripts/bundle-server.mjs), into a folder of
 * this run's own under dist/, so the ~50 servers they start skip tsx's per-file loading. The
 * bundle is built from the same sources bin/gutbrain.mjs runs; the API and CLI tests still start
 * bin/gutbrain.mjs itself. startServer runs the bundle when this setup provided one.
 */
import { mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { bundleServer } from '../../scripts/bundle-server.mjs';

declare module 'vitest' {
  export interface ProvidedContext {
    serverEntry: string;
  }
}

export default async function setup(project: TestProject) {
  // Inside the repository: the bundle imports its npm packages from node_modules.
  mkdirSync('dist', { recursive: true });
  const outDir = mkdtempSync(join(resolve('dist'), 'test-server-'));
  project.provide('serverEntry', await bundleServer(outDir));
  return () => rmSync(outDir, { recursive: true, force: true });
}
