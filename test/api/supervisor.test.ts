/**
 * `gutbrain serve` runs a supervisor: a server process that dies mid-request is replaced and the
 * next request is served; SIGTERM lets a request in progress finish before everything exits.
 * (The database plays no part here, so this runs on SQLite only.)
 */
import { connect, createServer, type Socket } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { type RunningServer, startServer } from '../support/browser.ts';

/** Resolves with the first match of `pattern` in the server's output from now on (or already there). */
function waitForOutput(server: RunningServer, pattern: RegExp, from = 0): Promise<RegExpExecArray> {
  return new Promise((resolve, reject) => {
    const check = () => {
      const m = pattern.exec(server.output().slice(from));
      if (!m) return false;
      server.process.stdout?.off('data', check);
      server.process.stderr?.off('data', check);
      resolve(m);
      return true;
    };
    if (check()) return;
    server.process.stdout?.on('data', check);
    server.process.stderr?.on('data', check);
    server.process.once('exit', () =>
      reject(new Error(`server exited before ${pattern}:\n${server.output()}`)),
    );
  });
}

/** Opens a connection and sends a login request whose body is only half there: a request in progress. */
function halfSentLogin(url: string): Promise<{ socket: Socket; answer: Promise<string> }> {
  const { hostname, port } = new URL(url);
  const body = JSON.stringify({ email: 'nobody@example.com', password: 'not the password' });
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname, () => {
      socket.write(
        `POST /api/auth/login HTTP/1.1\r\nHost: ${hostname}:${port}\r\nContent-Type: application/json\r\n` +
          `Content-Length: ${body.length}\r\n\r\n${body.slice(0, 10)}`,
      );
      let received = '';
      socket.on('data', (d) => {
        received += d;
      });
      const answer = new Promise<string>((done) => {
        socket.once('close', () => done(received));
      });
      resolve({ socket, answer });
    });
    socket.once('error', reject);
  });
}

const restOfLogin = JSON.stringify({ email: 'nobody@example.com', password: 'not the password' }).slice(10);

describe('gutbrain serve supervisor', () => {
  it('replaces a server process killed mid-request, says why, and serves the next request', async () => {
    const server = await startServer('sqlite');
    try {
      const [, pid] = await waitForOutput(server, /Worker (\d+) is serving/);
      const inFlight = await halfSentLogin(server.url);
      // A complete request on another connection proves the worker is accepting connections.
      expect((await fetch(`${server.url}/api/auth/session`)).status).toBe(401);
      const mark = server.output().length;
      process.kill(Number(pid), 'SIGKILL');
      // The request in progress dies with its process: the connection closes without an answer.
      expect(await inFlight.answer).toBe('');
      const [why] = await waitForOutput(server, /server process \d+ stopped: [^\n]+/, mark);
      expect(why).toBe(
        `server process ${pid} stopped: it was killed (SIGKILL: by the system, often for lack of memory, or by hand). Starting a new one.`,
      );
      const [, replacement] = await waitForOutput(server, /Worker (\d+) is serving/, mark);
      expect(replacement).not.toBe(pid);
      const next = await fetch(`${server.url}/api/auth/session`);
      expect(next.status).toBe(401);
      expect((await next.json()).error.code).toBe('unauthorized');
    } finally {
      await server.stop();
    }
  }, 120_000);

  it('on SIGTERM lets a request in progress finish, then exits 0', async () => {
    const server = await startServer('sqlite');
    await waitForOutput(server, /Worker (\d+) is serving/);
    const inFlight = await halfSentLogin(server.url);
    expect((await fetch(`${server.url}/api/auth/session`)).status).toBe(401);
    const exited = new Promise<number | null>((resolve) =>
      server.process.once('exit', (code) => resolve(code)),
    );
    server.process.kill('SIGTERM');
    await waitForOutput(server, /is stopping: finishing the requests in progress/);
    inFlight.socket.write(restOfLogin);
    const answer = await inFlight.answer;
    expect(answer).toMatch(/^HTTP\/1\.1 401 /);
    expect(answer).toContain('"code":"bad_credentials"');
    expect(await exited).toBe(0);
  }, 120_000);

  it('a port already in use is said in words, and the server stops instead of retrying for ever', async () => {
    const taken = createServer();
    await new Promise<void>((r) => taken.listen(0, '127.0.0.1', r));
    const port = (taken.address() as { port: number }).port;
    try {
      const error = await startServer('sqlite', { PORT: String(port) }).then(
        async (server) => {
          await server.stop();
          return null;
        },
        (e: Error) => e,
      );
      expect(error?.message).toMatch(/server exited with 1/);
      expect(error?.message).toContain(`port ${port} on 127.0.0.1 is already in use`);
      expect(error?.message).toContain('a server process could not start');
    } finally {
      taken.close();
    }
  });

  it('PORT=0: a free port taken by another program before the first bind is replaced by another', async () => {
    const preload = fileURLToPath(new URL('../support/first-port-taken.mjs', import.meta.url));
    const server = await startServer('sqlite', { NODE_OPTIONS: `--import ${preload}` });
    try {
      const [, held] = /test preload holds port (\d+)/.exec(server.output()) ?? [];
      expect(server.output()).toContain(`port ${held} on 127.0.0.1 is already in use`);
      expect(new URL(server.url).port).not.toBe(held);
      expect((await fetch(`${server.url}/api/auth/session`)).status).toBe(401);
    } finally {
      await server.stop();
    }
  });
});
