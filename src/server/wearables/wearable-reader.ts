/**
 * Reads a wearable export off the event loop: a worker thread with a capped heap and a time limit
 * (as data imports and microbiome uploads are). A file this small is read in place: starting a
 * worker costs more than reading it.
 */
import { stat } from 'node:fs/promises';
import { Worker } from 'node:worker_threads';
import type { DailyTruth } from '../../core/wearables/daily.ts';
import { importFailureOf } from '../import/import-job.ts';
import { errorOf } from '../microbiome/upload-gate.ts';
import { HttpError } from '../plugins/errors.ts';
import { watchWorker } from '../worker-watch.ts';
import { runWearableJob, type WearableJob } from './import-job.ts';
import type { FromWearableWorker } from './wearable-worker.ts';

const INLINE_BYTES = 64 * 1024;
const WORKER_ENTRY = new URL('./wearable-worker.mjs', import.meta.url);

export interface WorkerLimits {
  /** V8 old-generation heap of the worker, MB. */
  workerHeapMb: number;
  /** How long reading one file may take. */
  timeMs: number;
}

/** Measured: a 1 GB export.xml is read in well under this, with a heap below 150 MB. */
export const DEFAULT_WEARABLE_WORKER: WorkerLimits = { workerHeapMb: 384, timeMs: 30 * 60_000 };

export async function readWearableFile(job: WearableJob, limits: WorkerLimits): Promise<DailyTruth> {
  const { size } = await stat(job.path);
  if (size <= INLINE_BYTES) {
    try {
      return await runWearableJob(job);
    } catch (e) {
      throw errorOf(importFailureOf(e));
    }
  }
  const worker = new Worker(WORKER_ENTRY, {
    workerData: job,
    resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb, maxYoungGenerationSizeMb: 16 },
    stdout: false,
    stderr: false,
  });
  const words = 'Export a shorter period, or write to us: we would like to know such a file.';
  return watchWorker<DailyTruth, FromWearableWorker>(
    worker,
    {
      deadline: Date.now() + limits.timeMs,
      tooSlow: () =>
        new HttpError(
          413,
          'too_slow',
          `Reading the export took longer than ${Math.round(limits.timeMs / 60_000)} minutes, the most an import may take. ${words}`,
          'file',
        ),
      outOfMemory: () =>
        new HttpError(
          413,
          'too_large',
          `Reading this export needed more than the ${limits.workerHeapMb} MB of memory an import may use. ${words}`,
          'file',
        ),
    },
    (m, run) => {
      if (m.type === 'done') run.resolve(m.result);
      else run.reject(errorOf(m.failure));
    },
  );
}
