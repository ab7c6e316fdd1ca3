#!/usr/bin/env node
// `npm test`: lint and format check (Biome), type check (tsc), then every Vitest project
// (unit, API on SQLite and PostgreSQL, browser). Ends with the line `N passed, N failed`,
// where the lint and type checks count as one test each.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const extra = process.argv.slice(2);
let passed = 0;
let failed = 0;

function check(name, cmd, args) {
  console.log(`\n▶ ${name}`);
  const r = spawnSync(cmd, args, { stdio: 'inherit' });
  if (r.status === 0) passed += 1;
  else {
    failed += 1;
    console.log(`✗ ${name} failed`);
  }
}

if (extra.length === 0) {
  check('biome check', 'node_modules/.bin/biome', ['check', '.']);
  check('tsc --noEmit', 'node_modules/.bin/tsc', ['--noEmit']);
}

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
console.log('\n▶ vitest');
const run = spawnSync(
  'node_modules/.bin/vitest',
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...extra],
  { stdio: 'inherit' },
);
try {
  const json = JSON.parse(readFileSync(report, 'utf8'));
  passed += json.numPassedTests;
  failed += json.numFailedTests;
  // A file that fails to load has no failed tests but must fail the run.
  const brokenFiles = json.testResults.filter(
    (f) => f.status === 'failed' && f.assertionResults.length === 0,
  );
  failed += brokenFiles.length;
  for (const f of brokenFiles) console.log(`✗ could not run ${f.name}: ${f.message.split('\n')[0]}`);
} catch {
  failed += 1;
  console.log('✗ vitest produced no report');
}
if (run.status !== 0 && failed === 0) failed += 1;

console.log(`\n${passed} passed, ${failed} failed`);
process.exit(failed === 0 ? 0 : 1);
