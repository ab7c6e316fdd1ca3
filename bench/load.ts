/**
 * `npm run bench:load`: autocannon against Gutbrain on 127.0.0.1 — saving a check-in and reading a
 * year of History data, for 200 people with a year of data each — and against a bare Fastify route
 * doing the same SQL (bench/bare-server.ts), both servers up at once and taking turns flat out
 * (ROUNDS turns each, DURATION seconds in all each); the ratios are the medians of the turns'. `SOAK_SECONDS=300 npm run bench:load -- --soak`
 * runs the Gutbrain load that long and prints the server's RSS at start and end.
 *
 * Last line: `load: <req/s> req/s, p99 <ms> ms, bare: <req/s> req/s, ratio <gutbrain ÷ bare>`.
 * `--quick`: 5 people × 30 days, 1-second runs over 5 connections, so `npm test` can check the bench works.
 * `PROFILE_DIR=/tmp/prof`: the Gutbrain processes write V8 CPU profiles there (`node --cpu-prof`;
 * the server process's is the largest), to open in Chrome DevTools or read with bench/profile-top.ts.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { copyFileSync, readFileSync } from 'node:fs';
import autocannon from 'autocannon';
import { addDays } from '../src/core/dates.ts';
import { type LoadFixture, makeLoadFixture } from './load-fixture.ts';
import { type PacedRequest, paced } from './paced.ts';

const quick = process.argv.includes('--quick');
const CONNECTIONS = Number(process.env.CONNECTIONS ?? (quick ? 5 : 50));
const DURATION = Number(process.env.DURATION ?? (quick ? 1 : 30));
/** Turns each server takes (DURATION split between them): see below. */
const ROUNDS = Number(process.env.ROUNDS ?? (quick ? 1 : 5));
/** The offered load for the latency run: many times what 200 people ever send, below saturation. */
const RATE = Number(process.env.RATE ?? (quick ? 50 : 400));
/** Seconds of load before measuring; the first seconds after start-up run at two-thirds speed. */
const WARMUP = Number(process.env.WARMUP ?? (quick ? 1 : 10));
const soak = process.argv.includes('--soak');
const PROFILE_DIR = process.env.PROFILE_DIR;
/** Node flags for the Gutbrain server: `gutbrain serve` forks its server process with the same flags. */
const profileFlags = PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${PROFILE_DIR}`] : [];

function startChild(
  args: string[],
  env: Record<string, string>,
  ready: RegExp,
): Promise<{ child: ChildProcess; port: number; output: () => string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    const onData = (d: Buffer) => {
      out += d.toString();
      const m = ready.exec(out);
      if (m?.[1]) resolve({ child, port: Number(m[1]), output: () => out });
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', (d) => {
      out += d.toString();
    });
    child.on('exit', (code) => reject(new Error(`child exited ${code}: ${out}`)));
  });
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
  return kb / 1024;
}

/** CPU seconds (user + system) a process has used so far, from /proc (clock ticks of 1/100 s). */
function cpuSeconds(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

/**
 * Runs `load` and returns its result with the server process's CPU time per request: unlike
 * throughput, this hardly moves when other work shares the machine.
 */
async function withCpu<R extends { requests: { total: number } }>(pid: number, load: () => Promise<R>) {
  const before = cpuSeconds(pid);
  const r = await load();
  return { ...r, cpuMsPerRequest: ((cpuSeconds(pid) - before) * 1000) / Math.max(1, r.requests.total) };
}

const pick = <T>(xs: T[]) => xs[Math.floor(Math.random() * xs.length)] as T;

function checkinBody() {
  const r = () => 1 + Math.floor(Math.random() * 10);
  return {
    mood: r(),
    energyMorning: r(),
    energyMidday: r(),
    energyEvening: r(),
    focus: r(),
    stress: r(),
    sleepQuality: r(),
  };
}

type Person = LoadFixture['people'][number];

/** The two requests a person's History visit makes: save a day's check-in, read the last 30 days. */
interface Scenario {
  save(p: Person): PacedRequest;
  read(p: Person): PacedRequest;
}

function gutbrainScenario(fx: LoadFixture): Scenario {
  // The History page opens on the last 30 days.
  const from = addDays(fx.today, -29);
  return {
    save: (p) => ({
      method: 'PUT',
      path: `/api/checkins/${addDays(fx.today, -Math.floor(Math.random() * 365))}`,
      headers: {
        cookie: `gb_session=${p.token}`,
        'x-csrf-token': p.csrf,
        'content-type': 'application/json',
      },
      body: JSON.stringify(checkinBody()),
    }),
    read: (p) => ({
      method: 'GET',
      path: `/api/checkins?from=${from}&to=${fx.today}`,
      headers: { cookie: `gb_session=${p.token}` },
    }),
  };
}

function bareScenario(fx: LoadFixture): Scenario {
  const from = addDays(fx.today, -29);
  const body = () => {
    const b = checkinBody();
    return {
      mood: b.mood,
      energy_morning: b.energyMorning,
      energy_midday: b.energyMidday,
      energy_evening: b.energyEvening,
      focus: b.focus,
      stress: b.stress,
      sleep_quality: b.sleepQuality,
    };
  };
  return {
    save: (p) => ({
      method: 'PUT',
      path: `/bare/${p.id}/${addDays(fx.today, -Math.floor(Math.random() * 365))}`,
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(body()),
    }),
    read: (p) => ({ method: 'GET', path: `/bare/${p.id}?from=${from}&to=${fx.today}` }),
  };
}

/** Every connection saves a check-in and reads History, again and again, as fast as answers come. */
function saturate(fx: LoadFixture, s: Scenario, port: number, seconds: number) {
  return autocannon({
    url: `http://127.0.0.1:${port}`,
    connections: CONNECTIONS,
    duration: seconds,
    requests: [
      {
        setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => {
          const p = pick(fx.people);
          ctx.p = p;
          return { ...req, ...s.save(p) };
        },
      },
      {
        setupRequest: (req: Record<string, unknown>, ctx: Record<string, unknown>) => ({
          ...req,
          ...s.read(ctx.p as Person),
        }),
      },
    ],
  });
}

/** The same pair of requests at a steady `RATE` per second over the same connections. */
function steady(fx: LoadFixture, s: Scenario, port: number, seconds: number) {
  let p = pick(fx.people);
  return paced({
    port,
    rate: RATE,
    seconds,
    connections: CONNECTIONS,
    next: (i) => {
      if (i % 2 === 0) {
        p = pick(fx.people);
        return s.save(p);
      }
      return s.read(p);
    },
  });
}

const DAYS = quick ? 30 : 365;
const fx = await makeLoadFixture(quick ? 5 : 200, DAYS);
console.log(`fixture: ${fx.people.length} people × ${DAYS} days in ${fx.file}`);
// The bare server gets its own copy: sharing one SQLite file would have each checkpoint the other's
// writes (the WAL is the file's, not the process's), and charge one server's CPU with the other's work.
const bareFile = `${fx.file}.bare`;
copyFileSync(fx.file, bareFile);
const server = await startChild(
  [...profileFlags, 'bin/gutbrain.mjs', 'serve'],
  { PORT: '0', HOST: '127.0.0.1', DATA_DIR: fx.dataDir, LOG_LEVEL: 'warn', DATABASE_URL: '' },
  /running at http:\/\/localhost:(\d+)/,
);

const gutbrain = gutbrainScenario(fx);
if (soak) {
  const seconds = Number(process.env.SOAK_SECONDS ?? 300);
  await saturate(fx, gutbrain, server.port, 5); // warm-up
  // `gutbrain serve` is a supervisor; the memory that matters is its server process's.
  const worker = Number(/Worker (\d+) is serving/.exec(server.output())?.[1]);
  const start = rssMb(worker);
  const r = await saturate(fx, gutbrain, server.port, seconds);
  const end = rssMb(worker);
  server.child.kill('SIGTERM');
  console.log(
    `soak: ${seconds} s, ${r.requests.average.toFixed(0)} req/s, errors ${r.errors}, non-2xx ${r.non2xx}`,
  );
  console.log(
    `soak: RSS start ${start.toFixed(1)} MB, end ${end.toFixed(1)} MB, growth ${(end - start).toFixed(1)} MB`,
  );
  process.exit(0);
}

// Both servers run side by side and take turns, ROUNDS times: on a shared machine the speed of the
// moment moves a lot (seen here: the same bare server from 1,300 to 460 req/s within minutes), and
// alternating puts both through the same moments. The ratio printed is the median of the rounds'.
const bare = await startChild(
  ['--import', 'tsx', 'bench/bare-server.ts', bareFile, '0'],
  {},
  /bare listening (\d+)/,
);
const bareScript = bareScenario(fx);
// `gutbrain serve` is a supervisor; the CPU that matters is its server process's.
const gutbrainPid = Number(/Worker (\d+) is serving/.exec(server.output())?.[1]);
const barePid = bare.child.pid as number;
await saturate(fx, gutbrain, server.port, WARMUP); // JIT, page cache and statement cache
await saturate(fx, bareScript, bare.port, WARMUP);
const rounds: { g: Awaited<ReturnType<typeof measure>>; b: Awaited<ReturnType<typeof measure>> }[] = [];
async function measure(pid: number, s: Scenario, port: number) {
  return withCpu(pid, () => saturate(fx, s, port, Math.max(1, Math.round(DURATION / ROUNDS))));
}
for (let i = 0; i < ROUNDS; i++) {
  const g = await measure(gutbrainPid, gutbrain, server.port);
  const b = await measure(barePid, bareScript, bare.port);
  rounds.push({ g, b });
  console.log(
    `round ${i + 1}: gutbrain ${g.requests.average.toFixed(0)} req/s (${g.cpuMsPerRequest.toFixed(3)} ms CPU/request), ` +
      `bare ${b.requests.average.toFixed(0)} req/s (${b.cpuMsPerRequest.toFixed(3)} ms CPU/request), ` +
      `ratio ${(g.requests.average / b.requests.average).toFixed(2)}, CPU ratio ${(b.cpuMsPerRequest / g.cpuMsPerRequest).toFixed(2)}`,
  );
}
const medianOf = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)] as number;
const middle = (key: (r: (typeof rounds)[number]) => number) => {
  const m = medianOf(rounds.map(key));
  return rounds.find((r) => key(r) === m) as (typeof rounds)[number];
};
const { g, b } = middle((r) => r.g.requests.average / r.b.requests.average);
const gSteady = await steady(fx, gutbrain, server.port, DURATION);
const bSteady = await steady(fx, bareScript, bare.port, DURATION);
server.child.kill('SIGTERM');
bare.child.kill('SIGTERM');
await new Promise((r) => server.child.once('exit', r));
const cpuRatio = medianOf(rounds.map((r) => r.b.cpuMsPerRequest / r.g.cpuMsPerRequest));

const tail = (r: { non2xx: number; errors: number }) => `errors ${r.errors}, non-2xx ${r.non2xx}`;
for (const [name, r] of [
  ['gutbrain', g],
  ['bare    ', b],
] as const) {
  console.log(
    `${name} ${CONNECTIONS} connections, flat out:   ${r.requests.average.toFixed(0)} req/s, p50 ${r.latency.p50} ms, p99 ${r.latency.p99} ms, ${tail(r)}`,
  );
}
for (const [name, r] of [
  ['gutbrain', gSteady],
  ['bare    ', bSteady],
] as const) {
  console.log(
    `${name} ${CONNECTIONS} connections, ${RATE} req/s steady: p50 ${r.p50} ms, p99 ${r.p99} ms, max ${r.max} ms, ${tail(r)}`,
  );
}
// Little's law: with every connection always waiting, mean latency = connections ÷ throughput, and
// no p99 sits below the mean — so flat out, a p99 target is only reachable above this many req/s.
console.log(
  `floor: flat out, ${CONNECTIONS} waiting connections ÷ ${g.requests.average.toFixed(0)} req/s = ${((CONNECTIONS / g.requests.average) * 1000).toFixed(1)} ms mean latency (bare ${((CONNECTIONS / b.requests.average) * 1000).toFixed(1)} ms); a 20 ms p99 needs over ${CONNECTIONS / 0.02} req/s`,
);
// CPU per request: the same comparison, robust to other work on the machine (throughput is not).
console.log(
  `cpu: gutbrain ${g.cpuMsPerRequest.toFixed(3)} ms/request, bare ${b.cpuMsPerRequest.toFixed(3)} ms/request, median ratio of ${ROUNDS} rounds ${cpuRatio.toFixed(2)} (bare ÷ gutbrain)`,
);
console.log(`ratios: the medians of ${ROUNDS} alternating rounds; the load line is the median round's`);
console.log(
  `load: ${g.requests.average.toFixed(0)} req/s, p99 ${g.latency.p99} ms, bare: ${b.requests.average.toFixed(0)} req/s, ratio ${(g.requests.average / b.requests.average).toFixed(2)}`,
);
process.exit(0);
