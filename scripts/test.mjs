#!/usr/bin/env node
// `npm test`: lint and format check (Biome), type checks (tsc: everything, then src/core on its
// own without DOM or Node types), then every Vitest project (unit, API on SQLite and PostgreSQL,
// and the deep tier: fuzzing, memory, crash and browser tests). Ends with the line
// `N passed, N failed`, where the lint and each type check count as one test.
//
// `npm test -- --quick`: the same checks but only the `unit` and `api` projects (vitest.config.ts
// says what the deep tier holds). Other arguments go to Vitest and skip the lint and type checks.
import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync } from 'node:fs';

const args = process.argv.slice(2);
const quick = args.includes('--quick');
const extra = args.filter((a) => a !== '--quick');
const projects = quick ? ['--project', 'unit', '--project', 'api'] : [];
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
  check('tsc --noEmit -p src/core (no DOM, no Node)', 'node_modules/.bin/tsc', [
    '--noEmit',
    '-p',
    'src/core',
  ]);
}

mkdirSync('test-results', { recursive: true });
const report = 'test-results/vitest.json';
console.log(quick ? '\n▶ vitest (quick: unit and api; the deep tier is skipped)' : '\n▶ vitest');
const run = spawnSync(
  'node_modules/.bin/vitest',
  ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${report}`, ...projects, ...extra],
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
