/**
 * How fast Today becomes usable: starts `gutbrain serve` on a local port (SQLite in a temp folder),
 * signs a person in with a week of check-ins, and opens /today in Debian's Chromium again and again.
 * "Interactive" is the moment the check-in form is in the page, read from the browser's own clock
 * (performance.now() since the navigation began, recorded by a MutationObserver): React attaches
 * its event handlers in the same commit that puts the form in the page, so it can be used from then.
 * Also prints First Contentful Paint and DOMContentLoaded from the Paint and Navigation Timing APIs.
 *
 * Cold: a new browser context each time (no HTTP cache, no service worker: a first visit).
 * Warm: the same context (service worker installed, app shell from its cache: everyday use).
 *
 * `npm run bench:today` (builds the web app first if dist/web is missing). Target: under 1 s.
 * `--quick`: one cold and one warm run, and a missed target does not fail the run (a busy test
 * machine says nothing about speed), so `npm test` can check the bench still works.
 */
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type BrowserContext, chromium } from 'playwright-core';

const quick = process.argv.includes('--quick');
const RUNS = Number(process.env.RUNS ?? (quick ? 1 : 10));
const TARGET_MS = 1000;

interface Timing {
  interactive: number;
  fcp: number;
  dcl: number;
}

async function startServer(): Promise<{ url: string; child: ChildProcess }> {
  const child = spawn(process.execPath, ['bin/gutbrain.mjs', 'serve'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: mkdtempSync(join(tmpdir(), 'gutbrain-bench-')),
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 30_000);
    const onData = (d: Buffer) => {
      out += d;
      const m = /Gutbrain is running at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return { url, child };
}

/**
 * Records when the check-in form first appears, on the page's own clock. A string, not a function:
 * tsx wraps functions in helpers that do not exist in the page.
 */
const RECORD_READY = `(() => {
  const check = () => {
    if (window.__todayReady === undefined && document.querySelector('form.checkin button[type="submit"]')) {
      window.__todayReady = performance.now();
    }
  };
  new MutationObserver(check).observe(document, { childList: true, subtree: true });
})();`;

async function openToday(context: BrowserContext, url: string): Promise<Timing> {
  const page = await context.newPage();
  await page.goto(`${url}/today`);
  // An inline arrow (a string would need eval, which the CSP forbids).
  await page.waitForFunction(
    () => (window as { __todayReady?: number }).__todayReady !== undefined,
    undefined,
    {
      timeout: 15_000,
    },
  );
  const t = (await page.evaluate(`(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return { interactive: window.__todayReady, fcp: fcp ? fcp.startTime : NaN, dcl: nav ? nav.domContentLoadedEventEnd : NaN };
  })()`)) as Timing;
  await page.close();
  return t;
}

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? (s[mid] ?? 0) : ((s[mid - 1] ?? 0) + (s[mid] ?? 0)) / 2;
};
const max = (xs: number[]) => Math.max(...xs);

function report(label: string, runs: Timing[]): number {
  const m = (k: keyof Timing) => median(runs.map((r) => r[k]));
  console.log(
    `${label.padEnd(6)} interactive median ${m('interactive').toFixed(0)} ms (max ${max(runs.map((r) => r.interactive)).toFixed(0)} ms) · FCP ${m('fcp').toFixed(0)} ms · DOMContentLoaded ${m('dcl').toFixed(0)} ms · ${runs.length} runs`,
  );
  return m('interactive');
}

async function main(): Promise<void> {
  // A WEB_ROOT given (the browser tests' own build) is served as it is.
  if (!process.env.WEB_ROOT && !existsSync('dist/web/index.html')) {
    execFileSync(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], {
      stdio: 'inherit',
      env: { ...process.env, NODE_ENV: 'production' },
    });
  }
  const { url, child } = await startServer();
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--no-first-run'],
  });
  try {
    // A signed-in person with a week of check-ins (Today loads the day; the nav and banners load too).
    const setup = await browser.newContext();
    const reg = await setup.request.post(`${url}/api/auth/register`, {
      data: { email: 'bench@example.com', password: 'a long enough password', displayName: 'Bench' },
    });
    if (!reg.ok()) throw new Error(`register failed: ${reg.status()}`);
    const { csrfToken } = (await reg.json()) as { csrfToken: string };
    const today = new Date();
    for (let i = 0; i < 7; i++) {
      const d = new Date(today.getTime() - i * 86_400_000).toISOString().slice(0, 10);
      await setup.request.put(`${url}/api/checkins/${d}`, {
        data: { mood: 5 + (i % 4), energyMorning: 6, sleepHours: 7.5, note: 'bench' },
        headers: { 'x-csrf-token': csrfToken },
      });
    }
    const state = await setup.storageState();
    // The tour is for people, not for the benchmark.
    const personId = (
      (await (await setup.request.get(`${url}/api/auth/session`)).json()) as { person: { id: string } }
    ).person.id;
    await setup.close();
    const init = { storageState: state, viewport: { width: 390, height: 844 } };
    const dismissTour = `localStorage.setItem('gutbrain.tour-done.${personId}', 'bench')`;

    const cold: Timing[] = [];
    for (let i = 0; i <= RUNS; i++) {
      const context = await browser.newContext(init);
      await context.addInitScript(dismissTour);
      await context.addInitScript(RECORD_READY);
      const t = await openToday(context, url);
      if (i > 0) cold.push(t); // the first run warms the server and the disk cache
      await context.close();
    }

    const context = await browser.newContext(init);
    await context.addInitScript(dismissTour);
    await context.addInitScript(RECORD_READY);
    const first = await context.newPage();
    await first.goto(`${url}/today`);
    await first.evaluate('navigator.serviceWorker.ready.then(() => undefined)');
    await first.close();
    const warm: Timing[] = [];
    for (let i = 0; i < RUNS; i++) warm.push(await openToday(context, url));
    await context.close();

    console.log(`\nToday interactive in Chromium on a local server (${url}), phone viewport:`);
    const coldMedian = report('cold', cold);
    report('warm', warm);
    const ok = coldMedian < TARGET_MS;
    console.log(
      `${ok ? '✓' : '✗'} Today interactive: ${coldMedian.toFixed(0)} ms (cold median; target under ${TARGET_MS} ms)\n`,
    );
    if (!ok && !quick) process.exitCode = 1;
  } finally {
    await browser.close();
    child.kill('SIGTERM');
  }
}

await main();
