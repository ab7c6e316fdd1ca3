/**
 * Watching one job's worker thread (microbiome uploads, data imports): the first of its answer, the
 * time limit, running out of its capped heap or dying ends the job, and the thread is ended with it
 * so its memory goes back to the system.
 */
import type { Worker } from 'node:worker_threads';

export interface WorkerJob<T> {
  resolve(value: T): void;
  reject(error: Error): void;
  /** True once the job has its answer; later messages are ignored. */
  readonly settled: boolean;
}

export interface WorkerWatch {
  /** When the job must have answered (a `Date.now()` value). */
  deadline: number;
  tooSlow: () => Error;
  /** The answer when the worker ran out of its `resourceLimits` heap. */
  outOfMemory: () => Error;
}

export function watchWorker<T, M>(
  worker: Worker,
  watch: WorkerWatch,
  onMessage: (message: M, job: WorkerJob<T>) => void,
): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    let settled = false;
    const finish = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const job: WorkerJob<T> = {
      resolve: (value) => finish(() => resolve(value)),
      reject: (error) => finish(() => reject(error)),
      get settled() {
        return settled;
      },
    };
    const timer = setTimeout(() => job.reject(watch.tooSlow()), watch.deadline - Date.now());
    worker.on('message', (m: M) => onMessage(m, job));
    worker.on('error', (e: Error & { code?: string }) =>
      job.reject(e.code === 'ERR_WORKER_OUT_OF_MEMORY' ? watch.outOfMemory() : e),
    );
    worker.on('exit', () => job.reject(new Error('a worker thread stopped without an answer')));
  });
}
