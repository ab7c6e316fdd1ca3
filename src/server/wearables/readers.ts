/**
 * The plug-in point for wearable exports: one reader per source, each streaming a file on disk
 * into `DeviceSample`s (core/wearables/samples.ts). Everything after the reader — daily truth,
 * priority, storage, the product — is shared, so a new export needs only its reader here.
 */
import type { DeviceSample, SkippedCounts, WearableSource } from '../../core/wearables/samples.ts';
import { fileKindOf } from '../../core/wearables/sniff.ts';
import { isZipFile, readAppleHealth } from './apple-health.ts';
import { importableSamples, type ReadableSource } from './importable-samples.ts';
import type { ReaderLimits } from './limits.ts';

/** The person's clock: exports that write UTC or wall-clock times without an offset need it. */
export interface PersonClock {
  timeZone: string;
  today: string;
}

export type WearableReader = (
  path: string,
  onSample: (sample: DeviceSample) => void,
  skipped: SkippedCounts,
  limits: ReaderLimits,
  clock: PersonClock,
) => Promise<void>;

/** A streaming reader of importable-samples.ts as a plug-in: its samples in order, then its skipped counts. */
const exportReader =
  (source: ReadableSource): WearableReader =>
  async (path, onSample, skipped, limits, clock) => {
    const read = importableSamples(source, path, { ...clock, limits: { samples: limits.records } });
    try {
      for await (const sample of read.samples) onSample(sample);
    } finally {
      for (const key of Object.keys(skipped) as (keyof SkippedCounts)[]) skipped[key] += read.skipped[key];
    }
  };

export const WEARABLE_READERS: Record<WearableSource, WearableReader> = {
  'apple-health': readAppleHealth,
  fitbit: exportReader('fitbit'),
  oura: exportReader('oura'),
  gadgetbridge: exportReader('gadgetbridge'),
};

/** What people call each source. */
export const SOURCE_NAMES: Record<WearableSource, string> = {
  'apple-health': 'Apple Health',
  fitbit: 'Fitbit',
  oura: 'Oura',
  gadgetbridge: 'Gadgetbridge',
};

/** Paths inside a zip that say which export it is. */
const ZIP_SIGNS: [RegExp, WearableSource][] = [
  [/(^|\/)export\.xml$/i, 'apple-health'],
  [
    /(^|\/)(steps|sleep|resting_heart_rate)-\d{4}-\d{2}-\d{2}\.json$|Daily Heart Rate Variability Summary/,
    'fitbit',
  ],
  [/(^|\/)(sleepmodel|dailyactivity)\.csv$|(^|\/)oura_data[^/]*\.json$/i, 'oura'],
  [/^database\/Gadgetbridge$/, 'gadgetbridge'],
];

/**
 * The source of a file when the person did not say: a zip by the paths of its entries (read from
 * its central directory), a database is Gadgetbridge's, XML is Apple Health's, and Oura's CSV or
 * JSON by their columns.
 */
export async function guessSource(path: string): Promise<WearableSource | undefined> {
  if (await isZipFile(path)) return zipSource(path);
  const { open } = await import('node:fs/promises');
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    const bytes = head.subarray(0, bytesRead);
    if (fileKindOf(bytes) === 'sqlite') return 'gadgetbridge';
    const text = bytes.toString('utf8');
    if (text.includes('<HealthData')) return 'apple-health';
    if (/bedtime_start|"summary_date"|(^|[;,])steps([;,]|$)/m.test(text.slice(0, 4096))) return 'oura';
    return undefined;
  } finally {
    await handle.close();
  }
}

async function zipSource(path: string): Promise<WearableSource | undefined> {
  const yauzl = (await import('yauzl')).default;
  let zip: Awaited<ReturnType<typeof yauzl.openPromise>>;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: true });
  } catch {
    // A damaged zip: the Apple Health reader (the first zip Gutbrain read) says so in words.
    return 'apple-health';
  }
  try {
    for await (const entry of zip.eachEntry()) {
      for (const [sign, source] of ZIP_SIGNS) if (sign.test(entry.fileName)) return source;
    }
    return undefined;
  } finally {
    zip.close();
  }
}
