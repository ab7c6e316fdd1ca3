/**
 * An open-loop load at a steady rate, for latency: requests leave on a fixed schedule over a pool
 * of keep-alive connections, and each latency is measured from when the request was *due*, so a
 * stalled server is charged for every request it delayed (no coordinated omission). autocannon's
 * own rate limit sends each second's budget in one burst and then corrects for omission with a
 * 1 ms expected interval, which turns a 40%-loaded server's p99 into hundreds of milliseconds.
 *
 * @example const r = await paced({ port, rate: 400, seconds: 15, connections: 50, next: () => ({ method: 'GET', path: '/' }) });
 */
import http from 'node:http';

export interface PacedRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface PacedResult {
  /** Requests answered per second over the run. */
  rate: number;
  p50: number;
  p99: number;
  max: number;
  non2xx: number;
  errors: number;
}

const percentile = (sorted: number[], p: number) =>
  sorted.length === 0
    ? Number.NaN
    : (sorted[Math.min(sorted.length - 1, Math.ceil(p * sorted.length) - 1)] as number);

export async function paced(options: {
  port: number;
  rate: number;
  seconds: number;
  connections: number;
  next: (i: number) => PacedRequest;
}): Promise<PacedResult> {
  const { port, rate, seconds, connections, next } = options;
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections });
  const total = Math.round(rate * seconds);
  const interval = 1000 / rate;
  const latencies: number[] = [];
  let non2xx = 0;
  let errors = 0;
  let done = 0;
  const start = performance.now();

  await new Promise<void>((resolve) => {
    const finish = (due: number) => {
      latencies.push(performance.now() - due);
      if (++done === total) resolve();
    };
    const fire = (i: number, due: number) => {
      const r = next(i);
      const req = http.request(
        { host: '127.0.0.1', port, agent, method: r.method, path: r.path, headers: r.headers },
        (res) => {
          if ((res.statusCode ?? 0) >= 300) non2xx++;
          res.resume();
          res.on('end', () => finish(due));
        },
      );
      req.on('error', () => {
        errors++;
        finish(due);
      });
      req.end(r.body);
    };
    let sent = 0;
    const tick = () => {
      const now = performance.now();
      while (sent < total && start + sent * interval <= now) {
        fire(sent, start + sent * interval);
        sent++;
      }
      if (sent < total) setTimeout(tick, Math.max(0, start + sent * interval - performance.now()));
    };
    tick();
  });
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  latencies.sort((a, b) => a - b);
  const round = (ms: number) => Math.round(ms * 10) / 10;
  return {
    rate: total / elapsed,
    p50: round(percentile(latencies, 0.5)),
    p99: round(percentile(latencies, 0.99)),
    max: round(latencies[latencies.length - 1] ?? Number.NaN),
    non2xx,
    errors,
  };
}
