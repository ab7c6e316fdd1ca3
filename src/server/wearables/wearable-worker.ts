/**
 * The worker thread that reads one wearable export from disk and posts back its daily truth (or
 * the failure). Its heap is capped by the `resourceLimits` it was started with; the thread ends
 * after the one file, handing its memory back.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { DailyTruth } from '../../core/wearables/daily.ts';
import { importFailureOf } from '../import/import-job.ts';
import type { UploadFailure } from '../microbiome/upload-job.ts';
import { runWearableJob, type WearableJob } from './import-job.ts';

export type FromWearableWorker =
  | { type: 'done'; result: DailyTruth }
  | { type: 'failed'; failure: UploadFailure };

const port = parentPort;
if (!port) throw new Error('wearable-worker.ts runs only as a worker thread');

try {
  const result = await runWearableJob(workerData as WearableJob);
  port.postMessage({ type: 'done', result } satisfies FromWearableWorker);
} catch (e) {
  port.postMessage({ type: 'failed', failure: importFailureOf(e) } satisfies FromWearableWorker);
}
