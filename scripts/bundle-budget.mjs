#!/usr/bin/env node
// The performance budget, run after `vite build`: sums the gzipped size of the initial JavaScript
// (the entry chunk and everything it imports statically, from dist/web/.vite/manifest.json), prints
// it, and fails the build above the budget. Also prints what opening Today loads (the lazy Today
// chunk and its static imports on top), for information.
// Sizes use Vite's units (1 kB = 1000 bytes) and zlib's default gzip level, as Vite's own report.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

export const BUDGET_BYTES = 200 * 1000;
const root = process.argv[2] ?? 'dist/web';

/** Manifest keys reachable from `start` through static imports (start included). */
export function staticClosure(manifest, start) {
  const seen = new Set();
  const walk = (key) => {
    if (seen.has(key) || !manifest[key]) return;
    seen.add(key);
    for (const dep of manifest[key].imports ?? []) walk(dep);
  };
  walk(start);
  return seen;
}

function main() {
  const manifest = JSON.parse(readFileSync(join(root, '.vite', 'manifest.json'), 'utf8'));
  const entry = Object.keys(manifest).find((k) => manifest[k].isEntry);
  if (!entry) throw new Error('no entry chunk in the Vite manifest (is build.manifest on?)');
  const gz = (key) => gzipSync(readFileSync(join(root, manifest[key].file))).length;
  const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`;

  const initial = [...staticClosure(manifest, entry)];
  const initialBytes = initial.reduce((sum, k) => sum + gz(k), 0);
  console.log('\nInitial JavaScript (gzip):');
  for (const k of initial) console.log(`  ${manifest[k].file.padEnd(48)} ${kB(gz(k)).padStart(10)}`);
  console.log(`  ${'total'.padEnd(48)} ${kB(initialBytes).padStart(10)}  (budget ${kB(BUDGET_BYTES)})`);

  const today = Object.keys(manifest).find((k) => manifest[k].src === 'routes/Today.tsx');
  if (today) {
    const extra = [...staticClosure(manifest, today)].filter((k) => !initial.includes(k));
    const todayBytes = initialBytes + extra.reduce((sum, k) => sum + gz(k), 0);
    console.log(`  Opening Today loads ${kB(todayBytes)} in all (the Today chunk and its imports on top).`);
  }
  if (initialBytes > BUDGET_BYTES) {
    console.error(`\n✗ Initial JavaScript is ${kB(initialBytes)}, over the ${kB(BUDGET_BYTES)} budget.`);
    process.exit(1);
  }
  console.log(`✓ Initial JavaScript within budget.\n`);
}

main();
