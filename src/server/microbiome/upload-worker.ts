/**
 * The worker thread that reads one upload. It pulls the body chunk by chunk from the server thread
 * (one message per chunk asked, so a fast client never queues the whole file here), runs the job
 * and posts back the small result or the failure. Its heap is capped by the `resourceLimits` it was
 * started with, and the thread ends after one job, which hands all its memory back to the system.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { failureOf, runUploadJob, type UploadJob } from './upload-job.ts';

export type ToWorker = { type: 'chunk'; data: Uint8Array } | { type: 'end' };
export type FromWorker =
  | { type: 'pull' }
  | { type: 'done'; result: Awaited<ReturnType<typeof runUploadJob>> }
  | { type: 'failed'; failure: ReturnType<typeof failureOf> };

const port = parentPort;
if (!port) throw new Error('upload-worker.ts runs only as a worker thread');

function nextMessage(): Promise<ToWorker> {
  return new Promise((resolve) => port!.once('message', resolve));
}

async function* body(): AsyncGenerator<Uint8Array> {
  for (;;) {
    const reply = nextMessage();
    port!.postMessage({ type: 'pull' } satisfies FromWorker);
    const m = await reply;
    if (m.type === 'end') return;
    yield m.data;
  }
}

try {
  const result = await runUploadJob(body(), workerData as UploadJob);
  port.postMessage({ type: 'done', result } satisfies FromWorker);
} catch (e) {
  port.postMessage({ type: 'failed', failure: failureOf(e) } satisfies FromWorker);
}
