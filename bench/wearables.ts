/**
 * bench:wearables — a five-year synthetic Apple Health export.xml (about 1 GB, two sources;
 * bench/apple-health-export.ts) written into the system's temporary folder, imported into a fresh
 * SQLite database the way `gutbrain import` does it (hash, worker thread, reader, daily truth, one
 * transaction), and the same daily aggregation run by Debian's Python over ElementTree.iterparse
 * (bench/wearables_reference.py). Every daily value and skip count must agree, or it exits 1.
 *
 * Prints `wearables: <s> s, <MB/s>, peak RSS <MB>, python: <s> s, ratio <ours ÷ python>`.
 * `--quick` writes 20 days instead (scripts/benches-quick.test.ts runs it). Peak RSS is the whole
 * process's high-water mark (the import worker is a thread of it), reset after writing the file.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_UPLOAD_LIMITS } from '../src/server/microbiome/upload-gate.ts';
import { importWearablePath } from '../src/server/services/wearables.ts';
import { openStore } from '../src/store/open.ts';
import { createPerson } from '../src/store/people.ts';
import { writeAppleHealthExport } from './apple-health-export.ts';

const quick = process.argv.includes('--quick');
const DAYS = quick ? 20 : 5 * 365 + 1;
const END = '2026-01-31';
const TODAY = '2026-02-01';
const ZONE = 'Europe/Berlin';
const PYTHON = '/usr/bin/python3';

/** The process's peak resident memory so far, MB (Linux: VmHWM), and a way to start it again. */
const peakRssMb = () =>
  Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'))?.[1] ?? 0) / 1024;
const resetPeak = () => {
  try {
    writeFileSync('/proc/self/clear_refs', '5');
  } catch {
    // Older kernels: the peak then includes writing the file.
  }
};

const dir = mkdtempSync(join(tmpdir(), 'gutbrain-bench-wearables-'));
try {
  const xml = join(dir, 'export.xml');
  await writeAppleHealthExport(xml, { days: DAYS, endDate: END, timeZone: ZONE });
  const mb = statSync(xml).size / 2 ** 20;

  const store = await openStore({ dataDir: join(dir, 'data') });
  const now = new Date(`${TODAY}T12:00:00Z`);
  const person = await createPerson(
    store.db,
    { email: 'bench@example.invalid', passwordHash: 'x', displayName: 'Bench', timeZone: ZONE },
    now,
  );
  resetPeak();
  const started = performance.now();
  const summary = await importWearablePath(
    { store, now: () => now, uploads: DEFAULT_UPLOAD_LIMITS },
    { personId: person.id },
    xml,
    'apple-health',
  );
  const ours = (performance.now() - started) / 1000;
  const peak = peakRssMb();
  const stored = await store.db
    .selectFrom('observation')
    .select(['date', 'measure', 'value'])
    .where('person_id', '=', person.id)
    .where('source', '=', 'apple-health')
    .execute();
  await store.close();

  const out = join(dir, 'python.json');
  const pyStarted = performance.now();
  const py = spawnSync(PYTHON, [join(import.meta.dirname, 'wearables_reference.py'), xml, ZONE, TODAY, out], {
    encoding: 'utf8',
  });
  const python = (performance.now() - pyStarted) / 1000;
  if (py.status !== 0) throw new Error(`the Python reference failed: ${py.stderr}`);
  const reference = JSON.parse(readFileSync(out, 'utf8')) as {
    values: Record<string, number>;
    skipped: Record<string, number>;
  };

  const mismatches: string[] = [];
  const ourValues = new Map(stored.map((r) => [`${r.date}|${r.measure}`, Number(r.value)]));
  for (const [key, value] of Object.entries(reference.values)) {
    const mine = ourValues.get(key);
    if (mine === undefined || Math.abs(mine - value) > 1e-9)
      mismatches.push(`${key}: ours ${mine}, python ${value}`);
  }
  for (const key of ourValues.keys()) if (!(key in reference.values)) mismatches.push(`${key}: only ours`);
  for (const [why, n] of Object.entries(reference.skipped)) {
    const mine = summary.skipped[why as keyof typeof summary.skipped];
    if (mine !== n) mismatches.push(`skipped ${why}: ours ${mine}, python ${n}`);
  }
  if (mismatches.length > 0) {
    console.error(
      `${mismatches.length} daily values differ from the Python reference:\n${mismatches.slice(0, 20).join('\n')}`,
    );
    process.exitCode = 1;
  }
  console.log(
    `(${mb.toFixed(0)} MB, ${summary.samples.toLocaleString('en')} samples used, ${summary.values.toLocaleString('en')} daily values, all equal to Python's: ${mismatches.length === 0})`,
  );
  console.log(
    `wearables: ${ours.toFixed(1)} s, ${(mb / ours).toFixed(0)} MB/s, peak RSS ${peak.toFixed(0)} MB, python: ${python.toFixed(1)} s, ratio ${(ours / python).toFixed(2)}`,
  );
} finally {
  rmSync(dir, { recursive: true, force: true });
}
