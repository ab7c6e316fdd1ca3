/**
 * The plug-in point for wearable exports: one reader per source, each streaming a file on disk
 * into `DeviceSample`s (core/wearables/samples.ts). Everything after the reader — daily truth,
 * priority, storage, the product — is shared, so a new export needs only its reader here.
 */
import { ValidationError } from '../../core/errors.ts';
import type { DeviceSample, SkippedCounts, WearableSource } from '../../core/wearables/samples.ts';
import { isZipFile, readAppleHealth } from './apple-health.ts';
import type { ReaderLimits } from './limits.ts';

export type WearableReader = (
  path: string,
  onSample: (sample: DeviceSample) => void,
  skipped: SkippedCounts,
  limits: ReaderLimits,
) => Promise<void>;

const notYet =
  (name: string): WearableReader =>
  async () => {
    throw new ValidationError('source', `${name} exports cannot be read yet.`, 'unsupported_source');
  };

export const WEARABLE_READERS: Record<WearableSource, WearableReader> = {
  'apple-health': readAppleHealth,
  fitbit: notYet('Fitbit'),
  oura: notYet('Oura'),
  gadgetbridge: notYet('Gadgetbridge'),
};

/** What people call each source. */
export const SOURCE_NAMES: Record<WearableSource, string> = {
  'apple-health': 'Apple Health',
  fitbit: 'Fitbit',
  oura: 'Oura',
  gadgetbridge: 'Gadgetbridge',
};

/** The source of a file when the person did not say: only Apple Health's zip and XML are told apart yet. */
export async function guessSource(path: string): Promise<WearableSource | undefined> {
  if (await isZipFile(path)) return 'apple-health';
  const { open } = await import('node:fs/promises');
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(64 * 1024);
    const { bytesRead } = await handle.read(head, 0, head.length, 0);
    return head.subarray(0, bytesRead).toString('utf8').includes('<HealthData') ? 'apple-health' : undefined;
  } finally {
    await handle.close();
  }
}
