/**
 * Browser tests against a real server: starts `gutbrain serve` (bundled once per run) as a child
 * process on a free port (SQLite in a temp folder, or a fresh PostgreSQL database), and launches
 * Debian's Chromium through playwright-core.
 *
 * @example
 * const server = await startServer('sqlite'); const browser = await launchBrowser();
 * const page = await browser.newPage({ viewport: PHONE }); await registerViaUi(page, server.url);
 * // or, for a describe block: const run = useServerAndBrowser(engine); … run.server.url
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, chromium, type Locator, type Page } from 'playwright-core';
import { afterAll, beforeAll, inject } from 'vitest';
import type { Engine } from '../../src/store/open.ts';
import { createTestDatabase } from './db.ts';

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };

export interface RunningServer {
  url: string;
  process: ChildProcess;
  output: () => string;
  stop(): Promise<void>;
}

export async function startServer(
  engine: Engine = 'sqlite',
  env: Record<string, string> = {},
): Promise<RunningServer> {
  const db = await createTestDatabase(engine);
  const dataDir = mkdtempSync(join(tmpdir(), 'gutbrain-e2e-'));
  // The run's bundled server (test/support/server-bundle-setup.ts), else the command itself.
  const child = spawn(process.execPath, [inject('serverEntry') ?? 'bin/gutbrain.mjs', 'serve'], {
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: db.databaseUrl ?? '',
      LOG_LEVEL: 'warn',
      // The browser tests' own build (test/support/web-build-setup.ts); dist/web otherwise.
      WEB_ROOT: inject('webRoot') ?? '',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d) => {
    out += d;
  });
  child.stderr?.on('data', (d) => {
    out += d;
  });
  const url = await new Promise<string>((resolve, reject) => {
    // Two processes start: the supervisor (which migrates) and then its server process.
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${out}`)), 60_000);
    const onData = () => {
      const m = /Gutbrain is running at (http:\/\/\S+)/.exec(out);
      if (m?.[1]) {
        clearTimeout(timer);
        resolve(m[1].replace('localhost', '127.0.0.1'));
      }
    };
    child.stdout?.on('data', onData);
    child.on('exit', (code) => reject(new Error(`server exited with ${code}:\n${out}`)));
  });
  return {
    url,
    process: child,
    output: () => out,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

const HEADLESS_SHELL = '/usr/bin/chromium-headless-shell';

/**
 * Debian's Chromium. Tests that need the Notifications and Push APIs ask for `notifications` and
 * get the whole browser (`chromium`); the others run on `chromium-headless-shell` when it is
 * installed (.ci/run installs it): the same engine from the same Debian source, without the
 * browser's own UI layer. Measured here: the escalation file 45 → 37 CPU-s (mostly the browser
 * process); the axe-heavy page checks, whose cost is in the renderer, about the same.
 * CHROMIUM_PATH overrides both.
 *
 * Service workers are blocked in every context unless a test asks for them (`serviceWorkers`, and
 * always with `notifications`): ours precaches every built file, so each new context — each
 * test's first visit — downloaded and stored the whole app again (about 0.6 CPU-s a context here).
 * The offline, push and reminder tests run with it; a context may still ask for it itself.
 */
export async function launchBrowser({
  notifications = false,
  serviceWorkers = notifications,
}: {
  notifications?: boolean;
  serviceWorkers?: boolean;
} = {}): Promise<Browser> {
  const executablePath =
    process.env.CHROMIUM_PATH ??
    (notifications || !existsSync(HEADLESS_SHELL) ? '/usr/bin/chromium' : HEADLESS_SHELL);
  const browser = await chromium.launch({
    executablePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--disable-dev-shm-usage',
    ],
  });
  if (!serviceWorkers) {
    const newContext = browser.newContext.bind(browser);
    const newPage = browser.newPage.bind(browser);
    browser.newContext = (options = {}) => newContext({ serviceWorkers: 'block', ...options });
    browser.newPage = (options = {}) => newPage({ serviceWorkers: 'block', ...options });
  }
  return browser;
}

/**
 * A server on `engine` and a Chromium for one describe block: started before its first test,
 * stopped after its last. Read `run.server` and `run.browser` inside the tests.
 */
export function useServerAndBrowser(
  engine: Engine = 'sqlite',
  env: Record<string, string> = {},
  browserOptions: Parameters<typeof launchBrowser>[0] = {},
): { server: RunningServer; browser: Browser } {
  const run = {} as { server: RunningServer; browser: Browser };
  beforeAll(async () => {
    run.server = await startServer(engine, env);
    run.browser = await launchBrowser(browserOptions);
  });
  afterAll(async () => {
    await run.browser?.close();
    await run.server?.stop();
  });
  return run;
}

let people = 0;

/** Registers a new person through the form and waits for Today. Returns the email and password. */
export async function registerViaUi(page: Page, baseUrl: string, name = 'Robin') {
  people += 1;
  const email = `e2e-${people}-${Date.now()}@example.com`;
  const password = 'a long enough password';
  await page.goto(`${baseUrl}/register`);
  await page.getByLabel('Name to show').fill(name);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.getByRole('heading', { name: 'Today’s check-in' }).waitFor();
  return { email, password };
}

/** Saves a full-page screenshot under test-results/screenshots/. */
export async function screenshot(page: Page, name: string): Promise<string> {
  const dir = join('test-results', 'screenshots');
  mkdirSync(dir, { recursive: true });
  const path = join(dir, `${name}.png`);
  await page.screenshot({ path, fullPage: true });
  return path;
}

/**
 * Follows a main-navigation entry the way a person would: straight from the bar when it shows,
 * otherwise through "More" (on phones only the primary entries sit in the bar).
 */
export async function openNav(page: Page, label: string): Promise<void> {
  const direct = page.locator('nav.nav > a.nav-link', { hasText: label });
  if (await direct.isVisible()) {
    await direct.click();
    return;
  }
  await page.locator('.nav-more > summary').click();
  await page.locator('.nav-more-panel a', { hasText: label }).click();
}

/**
 * Waits for `target`; if it never comes, fails with what `shown` (a part of the page) says instead,
 * so a failure in a full run tells which side went wrong.
 */
export async function waitForOrReport(target: Locator, shown: Locator, timeout?: number): Promise<void> {
  await target.waitFor(timeout === undefined ? {} : { timeout }).catch(async (e: Error) => {
    const text = await shown.textContent().catch(() => '(not on the page)');
    throw new Error(`${e.message}\nAt ${target.page().url()} the page shows instead:\n${text}`, { cause: e });
  });
}
