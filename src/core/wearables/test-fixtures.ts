/**
 * Test helpers (Node only, excluded from the pure core project): a fixture folder zipped the way
 * the exporter ships it, and a byte stream cut into small chunks so entries straddle chunk ends.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { zipSync } from 'fflate';
import type { DeviceSample } from './samples.ts';

export const FIXTURES = new URL('./fixtures/', import.meta.url).pathname;

/** Every file under `dir`, zipped with paths relative to `dir` (deflated, as exporters do). */
export function zipFolder(dir: string): Uint8Array {
  const files: Record<string, Uint8Array> = {};
  const walk = (at: string) => {
    for (const name of readdirSync(at).sort()) {
      const path = join(at, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (name !== 'README.md') files[relative(dir, path)] = readFileSync(path);
    }
  };
  walk(dir);
  // A fixed time in the headers: the same folder always zips to the same bytes (and sha256).
  return zipSync(files, { level: 6, mtime: '2024-03-12T08:00:00Z' });
}

export async function* chunksOf(bytes: Uint8Array, size = 997): AsyncGenerator<Uint8Array> {
  for (let i = 0; i < bytes.length; i += size) yield bytes.slice(i, i + size);
}

/**
 * Every sample, with `startMs`/`endMs` checked against `start`/`end` (they must name the same
 * instants) and then left out, so expectations compare what a person would read.
 */
export async function collect(samples: AsyncIterable<DeviceSample>): Promise<DeviceSample[]> {
  const out: DeviceSample[] = [];
  for await (const { startMs, endMs, ...s } of samples) {
    if (startMs !== Date.parse(s.start) || endMs !== Date.parse(s.end)) {
      throw new Error(`sample instants disagree: ${s.start} ${startMs}, ${s.end} ${endMs}`);
    }
    out.push(s);
  }
  return out;
}

/** Sum of `value` over samples matching `pick`. */
export const total = (samples: DeviceSample[], pick: (s: DeviceSample) => boolean) =>
  samples.filter(pick).reduce((n, s) => n + s.value, 0);
