/**
 * Reads an import file off the event loop, as microbiome uploads are (microbiome/upload-gate.ts):
 * a worker thread with a capped heap and a time limit, in the person's one turn through the same
 * kind of gate. A 200,000-row Bearable export takes tens of seconds to plan; on the server thread
 * it kept every other person waiting. Small files (the route fuzzer's, most real ones) are read in
 * place: starting a worker costs a few hundred milliseconds.
 */
import { Worker } from 'node:worker_threads';
import { errorOf, type UploadLimits } from '../microbiome/upload-gate.ts';
import { HttpError } from '../plugins/errors.ts';
import { watchWorker } from '../worker-watch.ts';
import { type ImportJob, type ImportReading, importFailureOf, runImportJob } from './import-job.ts';
import type { FromImportWorker } from './import-worker.ts';

/** Files of this many characters in all are read on the server thread (milliseconds of work). */
const INLINE_CHARS = 64 * 1024;

const WORKER_ENTRY = new URL('./import-worker.mjs', import.meta.url);

export async function readImport(job: ImportJob, limits: UploadLimits): Promise<ImportReading> {
  const chars = job.files.reduce((n, f) => n + f.content.length, 0);
  if (chars <= INLINE_CHARS) {
    try {
      return runImportJob(job);
    } catch (e) {
      throw errorOf(importFailureOf(e));
    }
  }
  const worker = new Worker(WORKER_ENTRY, {
    workerData: job,
    resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb, maxYoungGenerationSizeMb: 32 },
    stdout: false,
    stderr: false,
  });
  const words = 'Export a shorter period and import it in parts.';
  return watchWorker<ImportReading, FromImportWorker>(
    worker,
    {
      deadline: Date.now() + limits.timeMs,
      tooSlow: () =>
        new HttpError(
          413,
          'too_slow',
          `Reading the file took longer than ${Math.round(limits.timeMs / 1000)} seconds, the most an import may take. ${words}`,
          'files',
        ),
      outOfMemory: () =>
        new HttpError(
          413,
          'too_large',
          `Reading this file needed more than the ${limits.workerHeapMb} MB of memory an import may use. ${words}`,
          'files',
        ),
    },
    (m, run) => {
      if (m.type === 'done') run.resolve(m.result);
      else run.reject(errorOf(m.failure));
    },
  );
}
