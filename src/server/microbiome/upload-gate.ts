/**
 * Uploads are read off the event loop, one worker thread per upload, with a capped heap and a time
 * limit, at most one upload per person and one per server process at a time (others wait their
 * turn, unread). A file that would need gigabytes then costs its worker, not the server: the worker
 * is ended and the person gets a 413 in words while every other request carries on. (A whole text
 * report under 64 KB is read in place: see INLINE_BYTES.) One worker at a
 * time keeps the process under ~600 MB (measured: ~200 MB idle, ~460 MB reading a 40 MB table).
 */
import { randomUUID } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { ChoiceError } from '../../core/errors.ts';
import { isHdf5 } from '../../core/microbiome/read.ts';
import { HttpError } from '../plugins/errors.ts';
import { type WorkerJob, watchWorker } from '../worker-watch.ts';
import {
  failureOf,
  runUploadJob,
  type UploadFailure,
  type UploadJob,
  type UploadResult,
} from './upload-job.ts';
import type { FromWorker, ToWorker } from './upload-worker.ts';

export interface UploadLimits {
  /** Largest body, in bytes. */
  maxBytes: number;
  /** Heap of one upload's worker (V8 old generation), in MB. */
  workerHeapMb: number;
  /** How long reading one upload may take, body included. */
  timeMs: number;
  /** Uploads read at once by one server process; more wait their turn. */
  parallel: number;
  /** Uploads that may wait for their turn; more answer 503. */
  waiting: number;
}

const MB = 1024 * 1024;

export const DEFAULT_UPLOAD_LIMITS: UploadLimits = {
  maxBytes: 200 * MB,
  workerHeapMb: 192,
  timeMs: 120_000,
  parallel: 1,
  waiting: 20,
};

const interrupted = () =>
  new HttpError(400, 'upload_interrupted', 'The upload stopped before the whole file arrived.', 'body');

/**
 * A whole text report this small is read on the server thread: the limits bound its cost to
 * milliseconds, while starting a worker costs a few hundred (the route fuzzer sends thousands).
 */
const INLINE_BYTES = 64 * 1024;

async function readInline(body: Uint8Array, job: UploadJob): Promise<UploadResult> {
  try {
    return await runUploadJob(
      (async function* () {
        yield body;
      })(),
      job,
    );
  } catch (e) {
    throw errorOf(failureOf(e));
  }
}

const WORKER_ENTRY = new URL('./upload-worker.mjs', import.meta.url);

/** One person's upload turn, shared by every server process on one database. */
export interface UploadLease {
  /** True when `holder` now holds `personId`'s lease for `forMs`; false when another holds it. */
  take(personId: string, holder: string, forMs: number): Promise<boolean>;
  release(personId: string, holder: string): Promise<void>;
}

const inProgress = () =>
  new HttpError(
    429,
    'upload_in_progress',
    'Another upload of yours is still being read. Wait for it to finish, then try again.',
  );

/** Who is uploading now, in this process, and who waits for a worker. */
export class UploadGate {
  private readonly people = new Set<string>();
  private running = 0;
  private readonly queue: Array<() => void> = [];

  constructor(
    readonly limits: UploadLimits,
    /** The same rule across server processes on one database (store/upload-lease.ts). */
    private readonly lease?: UploadLease,
  ) {}

  /** Reads `body` in a worker for `personId`, or refuses at once when they already have one running. */
  async read(
    personId: string,
    body: AsyncIterable<Uint8Array>,
    job: Omit<UploadJob, 'maxBytes'>,
  ): Promise<UploadResult> {
    return this.run(personId, () =>
      readInWorker(body, { ...job, maxBytes: this.limits.maxBytes }, this.limits),
    );
  }

  /**
   * Runs `work` (which starts a worker) in this person's one turn and one of the process's worker
   * slots; the data import route reads its files through here too.
   */
  async run<T>(personId: string, work: () => Promise<T>): Promise<T> {
    if (this.people.has(personId)) throw inProgress();
    this.people.add(personId);
    const holder = randomUUID();
    // Long enough for one job; taken again when the turn comes, so waiting does not outlast it.
    const lease = async () =>
      !this.lease || (await this.lease.take(personId, holder, this.limits.timeMs + 60_000));
    try {
      if (this.lease && !(await lease())) throw inProgress();
      try {
        // Checked and counted in one step (no await between), so parallel callers see each other.
        if (this.running >= this.limits.parallel && this.queue.length >= this.limits.waiting) {
          throw new HttpError(
            503,
            'busy',
            'The server is reading many uploads just now. Try again in a minute.',
          );
        }
        await this.turn();
        try {
          if (this.lease && !(await lease())) throw inProgress();
          return await work();
        } finally {
          this.running--;
          this.queue.shift()?.();
        }
      } finally {
        // A lease not given back (the database unreachable) ends by itself at its expiry.
        await this.lease?.release(personId, holder).catch(() => undefined);
      }
    } finally {
      this.people.delete(personId);
    }
  }

  /** Resolves when a worker slot is this caller's (the slot is counted in `running`). */
  private turn(): Promise<void> {
    if (this.running < this.limits.parallel) {
      this.running++;
      return Promise.resolve();
    }
    return new Promise((resolve) =>
      this.queue.push(() => {
        this.running++;
        resolve();
      }),
    );
  }
}

async function readInWorker(
  body: AsyncIterable<Uint8Array>,
  job: UploadJob,
  limits: UploadLimits,
): Promise<UploadResult> {
  const chunks = body[Symbol.asyncIterator]();
  const deadline = Date.now() + limits.timeMs;
  const tooSlow = () =>
    new HttpError(
      413,
      'too_slow',
      `Reading the file took longer than ${Math.round(limits.timeMs / 1000)} seconds, the most an upload may take. Try a smaller file, with only your own samples.`,
      'body',
    );
  // The first chunks are read here, within the same time limit, before any worker starts.
  const next = async () => {
    let timer: NodeJS.Timeout | undefined;
    try {
      return await Promise.race([
        chunks.next().catch(() => {
          throw interrupted();
        }),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(tooSlow()), deadline - Date.now());
        }),
      ]);
    } finally {
      clearTimeout(timer);
    }
  };
  // An HDF5 file needs h5wasm preloaded in the worker; a whole small text file is read in place.
  const first = await next();
  const head = first.done ? new Uint8Array(0) : first.value;
  const pending: Array<IteratorResult<Uint8Array>> = [first];
  if (!first.done && !isHdf5(head) && head.length <= INLINE_BYTES) {
    const second = await next();
    if (second.done) return readInline(head, job);
    pending.push(second);
  }
  const worker = new Worker(WORKER_ENTRY, {
    workerData: { ...job, hdf5: isHdf5(head) },
    resourceLimits: { maxOldGenerationSizeMb: limits.workerHeapMb, maxYoungGenerationSizeMb: 32 },
    stdout: false,
    stderr: false,
  });
  let received = 0;
  const send = async (run: WorkerJob<UploadResult>) => {
    let chunk: IteratorResult<Uint8Array>;
    try {
      chunk = pending.shift() ?? (await chunks.next());
    } catch {
      run.reject(interrupted());
      return;
    }
    if (run.settled) return;
    if (chunk.done) {
      worker.postMessage({ type: 'end' } satisfies ToWorker);
      return;
    }
    received += chunk.value.length;
    if (received > limits.maxBytes) {
      run.reject(
        new HttpError(
          413,
          'too_large',
          `The file is larger than ${Math.round(limits.maxBytes / MB)} MB.`,
          'body',
        ),
      );
      return;
    }
    // A copy the worker owns: the request's buffer may be a slice of a pooled one.
    const data = new Uint8Array(chunk.value);
    worker.postMessage({ type: 'chunk', data } satisfies ToWorker, [data.buffer]);
  };
  const outOfMemory = () =>
    new HttpError(
      413,
      'too_large',
      `Reading this file needed more than the ${limits.workerHeapMb} MB of memory an upload may use. Try a smaller file, with only your own samples.`,
      'body',
    );
  return watchWorker<UploadResult, FromWorker>(worker, { deadline, tooSlow, outOfMemory }, (m, run) => {
    if (m.type === 'pull') void send(run);
    else if (m.type === 'done') run.resolve(m.result);
    else run.reject(errorOf(m.failure));
  });
}

/** The answer for a failed read: the sample picker's choices survive the trip from the worker. */
export function errorOf(f: UploadFailure): Error {
  if (f.choices && f.field) return new ChoiceError(f.field, f.message, f.choices);
  return new HttpError(f.status, f.code, f.message, f.field);
}
