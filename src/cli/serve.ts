/**
 * `gutbrain serve [--workers N]`: a small supervisor (Node's cluster module) that runs N server
 * processes (default 1) on one port, starts a new one when one dies — saying why, never what it
 * was doing — and on SIGTERM or SIGINT lets every worker finish its requests and close before it
 * exits. Migrations run once in the supervisor before any worker starts, so workers never race to
 * run the same one. https://nodejs.org/api/cluster.html
 *
 * @example gutbrain serve --workers 2
 */
import cluster, { type Worker } from 'node:cluster';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStore, redactUrl } from '../store/open.ts';
import { holdServerLease, type Lease } from '../store/sqlite-files.ts';
import { readConfig, type ServerConfig } from './config.ts';

export const SERVE_USAGE = `Usage: gutbrain serve [--workers N]

Starts the web app: N server processes (default 1) sharing one port, each restarted if it dies.`;

/** How long a worker may take to finish its requests on shutdown before it is killed. */
const SHUTDOWN_GRACE_MS = 10_000;

export function parseWorkers(argv: string[]): number {
  const { values } = parseArgs({ args: argv, options: { workers: { type: 'string', default: '1' } } });
  const n = Number(values.workers);
  if (!Number.isInteger(n) || n < 1 || n > 64)
    throw new Error(`--workers must be a whole number from 1 to 64, not ${values.workers}`);
  return n;
}

export async function serve(argv: string[] = []): Promise<void> {
  if (cluster.isPrimary) await supervise(parseWorkers(argv));
  else await runWorker();
}

/** A server process's exit code when its port was taken (98 is EADDRINUSE's number on Linux). */
const EXIT_PORT_TAKEN = 98;

/** A port nobody listens on, so that every worker, and every replacement, listens on the same one. */
function freePort(host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, host, () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** Why a worker stopped, in words: its exit code or the signal, and what that usually means. */
export function describeExit(code: number | null, signal: string | null): string {
  if (signal === 'SIGKILL')
    return 'it was killed (SIGKILL: by the system, often for lack of memory, or by hand)';
  if (signal === 'SIGABRT' || code === 134) return 'it aborted (SIGABRT: often out of memory)';
  if (signal) return `it received ${signal}`;
  return code === 0 ? 'it exited' : `it failed (exit code ${code})`;
}

function dataLine(config: ServerConfig): string {
  return config.databaseUrl
    ? `PostgreSQL ${redactUrl(config.databaseUrl)}`
    : join(config.dataDir, 'gutbrain.db');
}

async function supervise(workers: number): Promise<void> {
  const config = readConfig();
  // Migrate once, here; then hold the lease (SQLite) for as long as the supervisor runs, so a
  // restore is refused even in the moment between one worker dying and the next starting.
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  await store.close();
  const lease: Lease | undefined = config.databaseUrl
    ? undefined
    : holdServerLease(join(config.dataDir, 'gutbrain.db'));
  // PORT=0: a free port chosen here. Another program can take it before the first worker binds it
  // (the probe has to let it go); the first worker then says so and another free port is tried.
  let port = config.port === 0 ? await freePort(config.host) : config.port;
  let portTries = 1;

  let stopping = false;
  let announced = false;
  const listening = new Set<number>();
  let quickDeaths = 0;

  const start = () => cluster.fork({ PORT: String(port) });

  cluster.on('listening', (worker: Worker) => {
    listening.add(worker.id);
    console.log(`Worker ${worker.process.pid} is serving`);
    if (announced) return;
    announced = true;
    console.log(`Gutbrain is running at http://localhost:${port}`);
    console.log(`Data: ${dataLine(config)}`);
    if (!config.push.subject) {
      console.log(
        'Reminder pushes name a placeholder contact: set GUTBRAIN_PUSH_SUBJECT (mailto: or https:).',
      );
    }
  });

  cluster.on('exit', (worker: Worker, code: number | null, signal: string | null) => {
    const wasServing = listening.delete(worker.id);
    if (stopping) {
      if (Object.keys(cluster.workers ?? {}).length === 0) finish(0);
      return;
    }
    const why = describeExit(code, signal);
    if (!wasServing && code === EXIT_PORT_TAKEN && config.port === 0 && !announced && portTries < 5) {
      portTries += 1;
      freePort(config.host).then(
        (p) => {
          port = p;
          start();
        },
        () => stopAll(1),
      );
      return;
    }
    if (!wasServing) {
      // It never got as far as listening: a configuration or start-up error (printed above by
      // the worker) that a restart would only repeat.
      console.error(`gutbrain: a server process could not start (${why}); stopping.`);
      stopAll(1);
      return;
    }
    quickDeaths += 1;
    setTimeout(() => {
      quickDeaths = Math.max(0, quickDeaths - 1);
    }, 60_000).unref();
    // Back off when workers keep dying: 0 s, then 1, 2, 4 … up to 30 s between restarts.
    const delay = quickDeaths <= 1 ? 0 : Math.min(30_000, 1000 * 2 ** (quickDeaths - 2));
    console.error(`gutbrain: server process ${worker.process.pid} stopped: ${why}. Starting a new one.`);
    setTimeout(start, delay);
  });

  let exitCode = 0;
  const finish = (code: number) => {
    lease?.release();
    process.exit(exitCode || code);
  };
  const stopAll = (code: number) => {
    if (stopping) return;
    stopping = true;
    exitCode = code;
    const alive = Object.values(cluster.workers ?? {}).filter((w): w is Worker => w !== undefined);
    if (alive.length === 0) return finish(code);
    for (const w of alive) w.process.kill('SIGTERM');
    setTimeout(() => {
      for (const w of Object.values(cluster.workers ?? {})) w?.process.kill('SIGKILL');
    }, SHUTDOWN_GRACE_MS).unref();
  };
  process.once('SIGTERM', () => stopAll(0));
  process.once('SIGINT', () => stopAll(0));

  for (let i = 0; i < workers; i++) start();
}

/** One server process: opens the store, builds the app, listens; closes gracefully on SIGTERM. */
async function runWorker(): Promise<void> {
  // Loaded here, not at the top: the supervisor never builds an app, so it starts faster without it.
  const { buildApp, safeLogSerializers } = await import('../server/app.ts');
  const config = readConfig();
  const store = await openStore({ databaseUrl: config.databaseUrl, dataDir: config.dataDir });
  const app = await buildApp({
    store,
    webRoot: config.webRoot,
    trustProxy: config.trustProxy,
    ...(config.publicOrigin ? { publicOrigin: config.publicOrigin } : {}),
    logger: { level: config.logLevel, serializers: safeLogSerializers },
    push: {
      ...(config.push.subject ? { subject: config.push.subject } : {}),
      allowLoopbackEndpoints: config.push.allowLoopbackEndpoints,
    },
    pushRemindersEveryMs: 60_000,
  });
  let stopping = false;
  const shutdown = async () => {
    // Ctrl-C reaches this process twice: from the terminal, and as SIGTERM from the supervisor.
    if (stopping) return;
    stopping = true;
    console.log(`Server process ${process.pid} is stopping: finishing the requests in progress`);
    // Stops accepting, lets requests in progress finish, then closes the database.
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGTERM', shutdown);
  // Ctrl-C in a terminal reaches every process of the group; the supervisor coordinates.
  process.once('SIGINT', shutdown);
  try {
    await app.listen({ port: config.port, host: config.host });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EADDRINUSE') throw e;
    console.error(`gutbrain: port ${config.port} on ${config.host} is already in use.`);
    await store.close();
    process.exit(EXIT_PORT_TAKEN);
  }
}
