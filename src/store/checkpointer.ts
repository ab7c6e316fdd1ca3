/**
 * SQLite WAL checkpoints on a worker thread. A checkpoint copies the pages committed to the
 * write-ahead log back into the database file and fsyncs it (synchronous=FULL); SQLite runs it in
 * whichever connection commits past `wal_autocheckpoint` pages, which is the server's only
 * connection, so every few hundred saves one request stalled the event loop for 15–25 ms
 * (bench:load). Here a second connection on its own thread checkpoints every `intervalMs`
 * without waiting for anyone (PASSIVE), and the main connection's autocheckpoint is only a
 * backstop: by the time the log reaches it, the worker has copied nearly every page already.
 * Durability is unchanged — a commit is on disk in the log before it is acknowledged.
 * See https://www.sqlite.org/wal.html#ckpt and https://www.sqlite.org/pragma.html#pragma_wal_checkpoint
 *
 * @example const stop = startCheckpointer('/data/gutbrain.db'); … await stop();
 */
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';

// Plain CommonJS so the worker needs no TypeScript loader (tsx registers hooks per thread).
const WORKER = `
const { workerData, parentPort } = require('node:worker_threads');
const SQLite = require(workerData.driver);
const db = new SQLite(workerData.file);
db.pragma('synchronous = FULL');
db.pragma('busy_timeout = 1000');
const timer = setInterval(() => {
  try {
    db.pragma('wal_checkpoint(PASSIVE)');
  } catch {
    // Busy or locked: the next tick tries again, and the backstop in the main connection remains.
  }
}, workerData.intervalMs);
parentPort.on('message', () => {
  clearInterval(timer);
  db.close();
  parentPort.close();
});
`;

/** Pages the main connection lets the log reach before it checkpoints itself (4 kB pages: 16 MB). */
export const BACKSTOP_PAGES = 4000;

export function startCheckpointer(file: string, intervalMs = 100): () => Promise<void> {
  const driver = createRequire(import.meta.url).resolve('better-sqlite3');
  const worker = new Worker(WORKER, { eval: true, workerData: { file, driver, intervalMs } });
  let running = true;
  const exited = new Promise<void>((resolve) =>
    worker.once('exit', () => {
      running = false;
      resolve();
    }),
  );
  // A checkpointer that fails leaves the backstop doing the work; it never takes the server down.
  worker.on('error', () => {});
  worker.unref();
  return async () => {
    if (running) {
      worker.ref(); // keep the process alive until the worker has closed its connection
      worker.postMessage('stop');
    }
    await exited;
  };
}
