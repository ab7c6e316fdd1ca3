/**
 * The folder holding Gutbrain's package.json, found by walking up from this module. The server
 * reads its knowledge files, version and default web build from there, and finds them the same
 * way whether it runs from its TypeScript sources (bin/gutbrain.mjs) or from one bundled file
 * (scripts/bundle-server.mjs, which the browser tests start).
 *
 * @example join(PROJECT_ROOT, 'knowledge')
 */
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

function findProjectRoot(from: string): string {
  for (let dir = from; ; dir = dirname(dir)) {
    const manifest = join(dir, 'package.json');
    if (
      existsSync(manifest) &&
      (JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'gutbrain'
    )
      return dir;
    if (dirname(dir) === dir) throw new Error(`no Gutbrain package.json above ${from}`);
  }
}

export const PROJECT_ROOT = findProjectRoot(dirname(fileURLToPath(import.meta.url)));
