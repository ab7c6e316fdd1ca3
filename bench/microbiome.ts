/**
 * `npm run bench:microbiome`: a seeded 1,000-sample × 5,000-taxon count table (mostly zeros, like
 * real OTU tables), alpha diversity for every sample and Bray–Curtis for all 499,500 pairs, timed
 * here and in scikit-bio (bench/microbiome_skbio.py) on the same table file in the same run, with
 * the numbers cross-checked. Target: faster than scikit-bio. Last line:
 * `microbiome: <ms> ms, scikit-bio: <ms> ms, ratio <gutbrain ÷ scikit-bio>`.
 *
 * `npm run bench:microbiome -- --memory 200` instead streams a generated 200 MB table through the
 * parser and prints the peak memory against the file size (the bound is ~4×).
 * `--quick`: a 50-sample × 300-taxon table, so `npm test` can check the bench still works.
 */
import { execFileSync } from 'node:child_process';
import { createWriteStream, mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { alphaDiversity, brayCurtisAllPairs, sparseSamples } from '../src/core/microbiome/index.ts';
import { readReportFile } from '../src/server/microbiome/read-report.ts';

const quick = process.argv.includes('--quick');
const SAMPLES = quick ? 50 : 1000;
const TAXA = quick ? 300 : 5000;

function rng(seed: number) {
  let s = seed;
  return () => {
    s = (s * 48271) % 2147483647;
    return s / 2147483647;
  };
}

/** Writes a QIIME 2-style count table: each taxon appears in ~12 % of samples, heavy-tailed counts. */
async function writeTable(
  path: string,
  samples: number,
  taxa: number,
  seed = 7,
  withTaxonomy = false,
): Promise<void> {
  const rand = rng(seed);
  const out = createWriteStream(path);
  const write = (s: string) =>
    out.write(s) ? Promise.resolve() : new Promise<void>((r) => out.once('drain', r));
  const header = ['#OTU ID', ...Array.from({ length: samples }, (_, i) => `S${i}`)];
  if (withTaxonomy) header.push('taxonomy');
  await write(`# Constructed from biom file\n${header.join('\t')}\n`);
  for (let t = 0; t < taxa; t++) {
    const prevalence = 0.02 + 0.2 * rand();
    const cells = [`OTU${t}`];
    for (let s = 0; s < samples; s++) {
      cells.push(rand() < prevalence ? String(1 + Math.floor(Math.exp(rand() * 7))) : '0');
    }
    const g = t % 700; // each genus has one lineage, as in a real reference taxonomy
    if (withTaxonomy)
      cells.push(`k__Bacteria; p__P${g % 9}; c__C${g % 17}; o__O${g % 31}; f__F${g % 67}; g__G${g}`);
    await write(`${cells.join('\t')}\n`);
  }
  await new Promise<void>((r) => out.end(r));
}

async function memoryRun(megabytes: number): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'gutbrain-bench-'));
  const path = join(dir, 'big.tsv');
  // 1,000 samples → ~2.3 kB per row; rows until the file reaches the asked size.
  await writeTable(path, 1000, Math.ceil((megabytes * 1e6) / 2300), 11, true);
  const size = statSync(path).size;
  globalThis.gc?.();
  const base = process.memoryUsage().rss;
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, process.memoryUsage().rss - base);
  };
  const timer = setInterval(sample, 20);
  const started = performance.now();
  const report = await readReportFile(path, { rank: 'genus' }, sample);
  clearInterval(timer);
  sample();
  rmSync(dir, { recursive: true, force: true });
  const taxa = report.kind === 'taxa' ? report.table.taxa.length : 0;
  console.log(
    `parsed ${(size / 1e6).toFixed(0)} MB (${taxa} genera) in ${(performance.now() - started).toFixed(0)} ms; ` +
      `peak memory above start ${(peak / 1e6).toFixed(0)} MB = ${(peak / size).toFixed(2)}× the file`,
  );
}

async function main(): Promise<void> {
  const memoryAt = process.argv.indexOf('--memory');
  if (memoryAt >= 0) return memoryRun(Number(process.argv[memoryAt + 1] ?? 200));

  const dir = mkdtempSync(join(tmpdir(), 'gutbrain-bench-'));
  try {
    const path = join(dir, 'table.tsv');
    await writeTable(path, SAMPLES, TAXA);
    const parseStart = performance.now();
    const report = await readReportFile(path, { rank: 'genus' });
    const parseMs = performance.now() - parseStart;
    if (report.kind !== 'taxa') throw new Error('expected a taxa table');
    const table = report.table;

    // Timed: the same work as scikit-bio's side, from the parsed table.
    const runs: number[] = [];
    let alpha: ReturnType<typeof alphaDiversity>[] = [];
    let pairs: Float64Array = new Float64Array(0);
    for (let r = 0; r < 3; r++) {
      const start = performance.now();
      const samples = sparseSamples(table);
      alpha = samples.map((s) => alphaDiversity(s.values, table.integerCounts));
      pairs = brayCurtisAllPairs(samples, table.taxa.length);
      runs.push(performance.now() - start);
    }
    const ms = Math.min(...runs);

    const outJson = join(dir, 'skbio.json');
    const skbioMs = Number(
      execFileSync('/usr/bin/python3', [join(import.meta.dirname, 'microbiome_skbio.py'), path, outJson], {
        encoding: 'utf8',
      }).trim(),
    );
    const ref = JSON.parse(readFileSync(outJson, 'utf8')) as Record<string, number[] | number>;

    // Cross-check: same values on samples 0, 1 and the last, and on the distances.
    const idx = [0, 1, SAMPLES - 1];
    let worst = 0;
    for (const key of [
      'shannonNats',
      'shannonBits',
      'simpson',
      'inverseSimpson',
      'observed',
      'pielou',
    ] as const) {
      idx.forEach((s, k) => {
        worst = Math.max(worst, Math.abs((alpha[s]![key] as number) - (ref[key] as number[])[k]!));
      });
    }
    idx.forEach((s, k) => {
      const c = alpha[s]!.chao1;
      worst = Math.max(worst, Math.abs(('value' in c ? c.value : Number.NaN) - (ref.chao1 as number[])[k]!));
    });
    (ref.brayCurtisFirst as number[]).forEach((v, k) => {
      worst = Math.max(worst, Math.abs(pairs[k]! - v));
    });
    worst = Math.max(worst, Math.abs(pairs[pairs.length - 1]! - (ref.brayCurtisLast as number)));
    const sum = pairs.reduce((a, b) => a + b, 0);
    const sumDiff = Math.abs(sum - (ref.brayCurtisSum as number)) / pairs.length;
    if (!(worst < 1e-9 && sumDiff < 1e-12))
      throw new Error(`results differ from scikit-bio (max diff ${worst})`);

    console.log(
      `table: ${SAMPLES} samples × ${TAXA} taxa, parsed in ${parseMs.toFixed(0)} ms (not timed below)`,
    );
    console.log(`checked against scikit-bio: max difference ${worst.toExponential(1)}`);
    console.log(
      `microbiome: ${ms.toFixed(0)} ms, scikit-bio: ${skbioMs.toFixed(0)} ms, ratio ${(ms / skbioMs).toFixed(3)}`,
    );
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
