/**
 * `npm run bench:insights`: one person with 5 years × 60 measures (seeded sample data plus custom
 * measures); the full associations of the insights page, timed here and in NumPy/SciPy
 * (bench/insights_scipy.py, same rules, vectorised) on the same data, whose numbers are also
 * cross-checked: the run FAILS (exit 1) when any pair's status differs or any estimate, p, q or
 * interval end differs by more than 1e-6. Target: under 100 ms and no slower than SciPy. The last
 * line is `insights: <ms> ms, scipy: <ms> ms, ratio <gutbrain ÷ scipy>`.
 *
 * `--quick` runs a tiny version (120 days, 3 runs) so that `npm test` can check the bench still works.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import '../src/core/foods/derive.ts';
import '../src/core/habits/habits.ts';
import { demoMatrix, generateDemoData } from '../src/core/demo/generate.ts';
import { type Association, computeAssociations } from '../src/core/insights/associations.ts';
import { factorKindOf, isLever } from '../src/core/insights/factors.ts';
import { dayTable, OUTCOMES } from '../src/core/insights/table.ts';
import { measureByKey } from '../src/core/tracking/measures.ts';

const quick = process.argv.includes('--quick');
const DAYS = quick ? 120 : 1826;
const MEASURES = 60;
const RUNS = quick ? 3 : 30;
const PY_RUNS = quick ? 2 : 7;
/** Largest difference from SciPy allowed in any number. */
const TOLERANCE = 1e-6;

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] as number) : ((s[mid - 1] as number) + (s[mid] as number)) / 2;
};

// The sample data has fewer measures than 60: top up with unrelated custom ones.
const base = dayTable(
  demoMatrix(generateDemoData({ seed: 42, endDate: '2026-03-31', days: 30 }).observations),
);
const demo = generateDemoData({
  seed: 42,
  endDate: '2026-03-31',
  days: DAYS,
  customMeasures: Math.max(0, MEASURES - base.columns.size),
});
const matrix = demoMatrix(demo.observations);
const table = dayTable(matrix);
const measures = [...table.columns.keys()].sort();
console.log(
  `data: ${table.days} days × ${measures.length} measures, ${demo.observations.length} observations`,
);
// Wall-clock medians: on a busy machine both sides slow down, the ratio much less than the times.
console.log(`machine: ${availableParallelism()} cores, load average ${loadavg()[0]?.toFixed(1)}`);

// Gutbrain: the whole computation from the store's Map matrix, after a JIT warm-up.
let report = computeAssociations(matrix);
for (let i = 0; i < (quick ? 1 : 5); i++) report = computeAssociations(matrix);
const tsTimes: number[] = [];
for (let i = 0; i < RUNS; i++) {
  const t0 = performance.now();
  report = computeAssociations(matrix);
  tsTimes.push(performance.now() - t0);
}
const tsMs = median(tsTimes);
const all: Association[] = [...report.associations, ...report.together];
const shown = all.filter((a) => a.status === 'shown');
console.log(
  `gutbrain: ${all.length} pairs, ${shown.length} shown; median of ${RUNS} runs ${tsMs.toFixed(1)} ms`,
);

type PyRow = [string, string, string, number, string, number?, number?, number?, number?, number?];

const dir = mkdtempSync(join(tmpdir(), 'gutbrain-bench-'));
let failed = false;
try {
  const values = new Float64Array(table.days * measures.length);
  measures.forEach((m, j) => {
    const col = table.columns.get(m) as Float64Array;
    for (let i = 0; i < table.days; i++) values[i * measures.length + j] = col[i] as number;
  });
  const kinds = Object.fromEntries(
    measures.map((m) => [m, factorKindOf(measureByKey(m), table.columns.get(m) as Float64Array) ?? 'skip']),
  );
  const levers = measures.filter((m) => isLever(m) && kinds[m] !== 'skip');
  writeFileSync(join(dir, 'values.f64'), Buffer.from(values.buffer));
  writeFileSync(join(dir, 'tracked.u8'), table.tracked);
  writeFileSync(
    join(dir, 'meta.json'),
    JSON.stringify({ days: table.days, measures, kinds, levers, outcomes: OUTCOMES }),
  );
  const out = execFileSync(
    '/usr/bin/python3',
    [new URL('./insights_scipy.py', import.meta.url).pathname, dir, String(PY_RUNS)],
    { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 },
  );
  const py = JSON.parse(out) as { ms: number[]; pairs: PyRow[] };
  const scipyMs = median(py.ms);
  console.log(`scipy: ${py.pairs.length} pairs; median of ${py.ms.length} runs ${scipyMs.toFixed(1)} ms`);

  // Cross-check every pair: same status, same numbers.
  const byKey = new Map(py.pairs.map((r) => [`${r[0]}|${r[1]}|${r[2]}|${r[3]}`, r]));
  let statusMismatch = 0;
  const maxDiff = { estimate: 0, p: 0, q: 0, ci: 0 };
  for (const a of all) {
    const r = byKey.get(`${a.family}|${a.factor}|${a.outcome}|${a.lag}`);
    if (!r || r[4] !== a.status) {
      statusMismatch++;
      continue;
    }
    if (a.status !== 'shown') continue;
    const [estimate, p, low, high, q] = r.slice(5) as number[];
    const diff = (x: number, y: number | undefined) =>
      y === undefined ? Number.POSITIVE_INFINITY : Math.abs(x - y);
    maxDiff.estimate = Math.max(
      maxDiff.estimate,
      diff(a.method === 'difference' ? a.difference : a.rho, estimate),
    );
    maxDiff.p = Math.max(maxDiff.p, diff(a.p, p));
    maxDiff.ci = Math.max(maxDiff.ci, diff(a.low, low), diff(a.high, high));
    maxDiff.q = Math.max(maxDiff.q, diff(a.q, q));
  }
  const samePairs = byKey.size === all.length;
  const worst = Math.max(maxDiff.estimate, maxDiff.p, maxDiff.q, maxDiff.ci);
  failed = !samePairs || statusMismatch > 0 || !(worst <= TOLERANCE);
  console.log(
    `cross-check: ${samePairs ? 'same pairs' : `pair count ${all.length} vs ${byKey.size}`}, ` +
      `${statusMismatch} status mismatches, max |Δ| estimate ${maxDiff.estimate.toExponential(1)}, ` +
      `p ${maxDiff.p.toExponential(1)}, q ${maxDiff.q.toExponential(1)}, CI ${maxDiff.ci.toExponential(1)} ` +
      `(allowed ${TOLERANCE}): ${failed ? 'FAILED' : 'agree'}`,
  );
  console.log(
    `target: under 100 ms ${tsMs < 100 ? 'met' : 'MISSED'}; at least as fast as SciPy ${tsMs <= scipyMs ? 'met' : 'MISSED'}`,
  );
  console.log(
    `insights: ${tsMs.toFixed(1)} ms, scipy: ${scipyMs.toFixed(1)} ms, ratio ${(tsMs / scipyMs).toFixed(3)}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
if (failed) {
  console.error('bench:insights: Gutbrain and SciPy disagree beyond 1e-6 (see the cross-check line)');
  process.exitCode = 1;
}
