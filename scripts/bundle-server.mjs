#!/usr/bin/env node
// Bundles the `gutbrain` command (src/cli/main.ts) and its three worker threads into plain
// JavaScript files with esbuild, npm packages left as imports. bin/gutbrain.mjs runs the same
// sources through tsx, which transforms each file with esbuild at load; the bundle is that
// transform done once, so a start skips tsx's loader thread: one server start measured here took
// 1.85 CPU-seconds from the bundle against 3.66 through tsx.
// The browser tests start every server from one bundle made per run (test/support/server-bundle-setup.ts).
//
// The folder must sit inside the repository, so the bundle finds node_modules and the files
// PROJECT_ROOT points at (src/server/project-root.ts).
//
// Usage: node scripts/bundle-server.mjs OUTDIR   → OUTDIR/gutbrain.mjs serve
// From code: bundleServer(outdir, { name: 'path/to/entry.ts' }) adds more entry points beside it
// (the tests add the crash test's writer), sharing the server's chunks.
import { resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

export async function bundleServer(outdir, moreEntries = {}) {
  await build({
    // Entry points are named from the repository, whatever folder this is run from.
    absWorkingDir: fileURLToPath(new URL('..', import.meta.url)),
    entryPoints: {
      gutbrain: 'src/cli/main.ts',
      // Beside gutbrain.mjs under the names the server asks for (new URL('./upload-worker.mjs', …)).
      'upload-worker': 'src/server/microbiome/upload-worker.ts',
      'wearable-worker': 'src/server/wearables/wearable-worker.ts',
      'import-worker': 'src/server/import/import-worker.ts',
      ...moreEntries,
    },
    outdir,
    outExtension: { '.js': '.mjs' },
    bundle: true,
    splitting: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
  return `${outdir}/gutbrain.mjs`;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const outdir = process.argv[2];
  if (!outdir) {
    console.error('usage: node scripts/bundle-server.mjs OUTDIR');
    process.exit(2);
  }
  console.log(await bundleServer(resolve(outdir)));
}
