/**
 * Each benchmark in bench/ run in its `--quick` mode (a tiny size), so a bench cannot rot unnoticed:
 * it must still run to the end, exit 0 and print its last line. No timing is judged here; the
 * numbers of a quick run on a busy test machine mean nothing. (Today's bench needs the browser
 * tests' web build and Chromium: test/e2e/bench-today-quick.test.ts.)
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);

async function quickBench(script: string): Promise<string> {
  const { stdout } = await run(process.execPath, ['--import', 'tsx', script, '--quick'], {
    timeout: 150_000,
    maxBuffer: 16 * 1024 * 1024,
  });
  return stdout;
}

describe('benchmarks still run (quick mode)', () => {
  it('bench:insights agrees with SciPy and prints its ratio line', { timeout: 180_000 }, async () => {
    const out = await quickBench('bench/insights.ts');
    expect(out).toMatch(/cross-check: same pairs, 0 status mismatches, .*: agree/);
    expect(out).toMatch(/^insights: [\d.]+ ms, scipy: [\d.]+ ms, ratio [\d.]+$/m);
  });
  it('bench:microbiome agrees with scikit-bio and prints its ratio line', { timeout: 180_000 }, async () => {
    const out = await quickBench('bench/microbiome.ts');
    expect(out).toMatch(/checked against scikit-bio/);
    expect(out).toMatch(/^microbiome: \d+ ms, scikit-bio: \d+ ms, ratio [\d.]+$/m);
  });
  it('bench:wearables agrees with Python day by day and prints its ratio line', {
    timeout: 180_000,
  }, async () => {
    const out = await quickBench('bench/wearables.ts');
    expect(out).toMatch(/all equal to Python's: true/);
    expect(out).toMatch(/^wearables: [\d.]+ s, \d+ MB\/s, peak RSS \d+ MB, python: [\d.]+ s, ratio [\d.]+$/m);
  });
  it('bench:load runs both servers and prints its ratio line', { timeout: 180_000 }, async () => {
    const out = await quickBench('bench/load.ts');
    expect(out).toMatch(/errors 0, non-2xx 0/);
    expect(out).toMatch(/^load: \d+ req\/s, p99 [\d.]+ ms, bare: \d+ req\/s, ratio [\d.]+$/m);
  });
  it('bench:caseload serves a clinic and prints its ratio line', { timeout: 180_000 }, async () => {
    const out = await quickBench('bench/caseload.ts');
    expect(out).toMatch(
      /^caseload: [\d.]+ ms \(CPU [\d.]+ ms\) for 20 people, bare queries: [\d.]+ ms \(CPU [\d.]+ ms\), ratio [\d.]+$/m,
    );
  });
});
