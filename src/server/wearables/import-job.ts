/**
 * The heavy part of a wearable import: stream the file through its reader into the daily truth.
 * Runs in a worker thread (wearable-reader.ts) for anything but a tiny file; only the daily values
 * (a few tens of thousands at most) cross back to the server thread, which writes them.
 */
import { DailyAggregator, type DailyTruth } from '../../core/wearables/daily.ts';
import type { WearableSource } from '../../core/wearables/samples.ts';
import type { ReaderLimits } from './limits.ts';
import { WEARABLE_READERS } from './readers.ts';

export interface WearableJob {
  path: string;
  source: WearableSource;
  timeZone: string;
  today: string;
  /** The person's order of origins, highest priority first. */
  priority: string[];
  limits: ReaderLimits;
}

export async function runWearableJob(job: WearableJob): Promise<DailyTruth> {
  const daily = new DailyAggregator({ timeZone: job.timeZone, today: job.today, priority: job.priority });
  await WEARABLE_READERS[job.source](job.path, (s) => daily.add(s), daily.skipped, job.limits, {
    timeZone: job.timeZone,
    today: job.today,
  });
  return daily.finish();
}
