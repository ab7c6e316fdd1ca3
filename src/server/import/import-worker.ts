/**
 * The worker thread that reads one import: the files arrive whole in `workerData` (the route has
 * them already, within its body limit), the plan or the failure goes back, and the thread ends,
 * handing its memory back. Its heap is capped by the `resourceLimits` it was started with.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { UploadFailure } from '../microbiome/upload-job.ts';
import { type ImportJob, type ImportReading, importFailureOf, runImportJob } from './import-job.ts';

export type FromImportWorker =
  | { type: 'done'; result: ImportReading }
  | { type: 'failed'; failure: UploadFailure };

const port = parentPort;
if (!port) throw new Error('import-worker.ts runs only as a worker thread');

try {
  port.postMessage({
    type: 'done',
    result: runImportJob(workerData as ImportJob),
  } satisfies FromImportWorker);
} catch (e) {
  port.postMessage({ type: 'failed', failure: importFailureOf(e) } satisfies FromImportWorker);
}
