import { describe, expect, it } from 'vitest';
import { PHONE, registerViaUi, useServerAndBrowser } from '../support/browser.ts';

describe('installable and offline in Chromium', () => {
  const run = useServerAndBrowser('sqlite', {}, { serviceWorkers: true });

  it('serves a manifest with PNG icons, and index.html has no inline script under a self-only CSP', async () => {
    const index = await fetch(`${run.server.url}/today`);
    const html = await index.text();
    const csp = index.headers.get('content-security-policy') ?? '';
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(html).toContain('<link rel="manifest" href="/manifest.webmanifest">');
    // Every script tag points at a file; none carries code.
    const scripts = [...html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toMatch(/\bsrc=/);
      expect(body?.trim()).toBe('');
    }

    const manifest = (await (await fetch(`${run.server.url}/manifest.webmanifest`)).json()) as {
      name: string;
      start_url: string;
      display: string;
      icons: { src: string; sizes: string; type: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ name: 'Gutbrain', start_url: '/today', display: 'standalone' });
    const pngs = manifest.icons.filter((i) => i.type === 'image/png');
    expect(pngs.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(pngs.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of pngs) {
      const res = await fetch(`${run.server.url}${icon.src}`);
      expect(res.status).toBe(200);
      const bytes = new Uint8Array(await res.arrayBuffer());
      // PNG signature, then the IHDR width and height (big-endian) match the declared size.
      expect([...bytes.slice(0, 4)]).toEqual([0x89, 0x50, 0x4e, 0x47]);
      const view = new DataView(bytes.buffer);
      expect(`${view.getUint32(16)}x${view.getUint32(20)}`).toBe(icon.sizes);
    }
    const sw = await fetch(`${run.server.url}/sw.js`);
    expect(sw.status).toBe(200);
    expect(sw.headers.get('content-type')).toMatch(/javascript/);

    // Files named by their content's hash are kept a year; the page, the worker and the manifest
    // are asked about each time, so a new build reaches people.
    const script = /<script\b[^>]*\bsrc="(\/assets\/[^"]+\.js)"/.exec(html)?.[1];
    expect(script).toBeDefined();
    const asset = await fetch(`${run.server.url}${script}`);
    expect(asset.status).toBe(200);
    expect(asset.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    for (const res of [index, sw, await fetch(`${run.server.url}/manifest.webmanifest`)])
      expect(res.headers.get('cache-control')).toMatch(/^(no-cache|public, max-age=0)$/);
  });

  it('opens Today offline, queues a check-in, and saves it exactly once when back online', async () => {
    const context = await run.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await registerViaUi(page, run.server.url);
    // The worker installs after load and takes control of the page (clients.claim).
    await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);

    await context.setOffline(true);
    await page.reload();
    await page.getByRole('heading', { name: 'Today’s check-in' }).waitFor();
    expect(await page.getByText('You are offline.').isVisible()).toBe(true);

    const mood = page.getByRole('group', { name: /^Mood/ });
    await mood.getByRole('radio', { name: /^7 of 10/ }).click();
    // Stool type and the note are folded away under the everyday check-in.
    await page.getByText('Stool type and a note').click();
    await page.getByLabel('Note').fill('Logged on the train');
    await page.getByRole('button', { name: 'Save check-in' }).click();
    await page.getByText(/^Saved offline at/).waitFor();
    await page.getByText('1 entry saved offline').waitFor();

    // Saved twice while offline is still one waiting write (the same day).
    await mood.getByRole('radio', { name: /^8 of 10/ }).click();
    await page.getByRole('button', { name: 'Save changes' }).click();
    await page.getByText('1 entry saved offline').waitFor();

    // A reload offline still shows what is waiting.
    await page.reload();
    await page.getByRole('heading', { name: 'Today’s check-in' }).waitFor();
    expect(await mood.getByRole('radio', { checked: true }).getAttribute('value')).toBe('8');
    expect(await page.getByText('This day was saved offline and is waiting to sync.').isVisible()).toBe(true);

    const writes: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET' && r.url().includes('/api/checkins/')) writes.push(r.method());
    });
    await context.setOffline(false);
    await page.getByText('Synced 1 entry saved while offline.').waitFor();
    expect(await page.getByText(/saved offline —/).count()).toBe(0);

    const { days } = (await (await page.request.get(`${run.server.url}/api/checkins`)).json()) as {
      days: { checkin: { mood?: number; note?: string } }[];
    };
    expect(days).toHaveLength(1);
    expect(days[0]?.checkin).toMatchObject({ mood: 8, note: 'Logged on the train' });
    expect(writes).toEqual(['PUT']);
    expect(await page.evaluate(() => localStorage.getItem('gutbrain.pending-writes'))).toBeNull();
    await context.close();
  });

  it('a food logged offline is sent once with its client id when back online', async () => {
    const context = await run.browser.newContext({ viewport: PHONE });
    const page = await context.newPage();
    await registerViaUi(page, run.server.url, 'Kim');
    await page.goto(`${run.server.url}/log`);
    await page.getByLabel('Find a food').fill('kefir');
    await page
      .getByRole('button', { name: /^Kefir/ })
      .first()
      .click();
    await page.getByRole('button', { name: 'Log', exact: true }).click();
    // Kefir is now a recent food: a one-tap chip that works without a connection.
    const chip = page.locator('.quick-foods').getByRole('button', { name: 'Kefir' });
    await chip.waitFor();

    await context.setOffline(true);
    await chip.click();
    await page.getByRole('button', { name: 'Log', exact: true }).click();
    await page.getByText('Kefir saved offline — it will sync when you are back online.').waitFor();
    await page.getByText('1 entry saved offline').waitFor();

    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST' && r.url().endsWith('/api/food-entries')) posts.push(r.postData() ?? '');
    });
    await context.setOffline(false);
    await page.getByText('Synced 1 entry saved while offline.').waitFor();
    expect(posts).toHaveLength(1);
    expect(JSON.parse(posts[0] ?? '{}').clientId).toMatch(/^[0-9a-f-]{36}$/);

    const date = await page.evaluate(() => {
      const p = JSON.parse(localStorage.getItem('gutbrain.last-person') ?? '{}') as { timeZone?: string };
      return new Intl.DateTimeFormat('en-CA', { timeZone: p.timeZone }).format(new Date());
    });
    const day = (await (await page.request.get(`${run.server.url}/api/food-days/${date}`)).json()) as {
      entries: { food: { id: string } }[];
    };
    expect(day.entries.map((e) => e.food.id)).toEqual(['kefir', 'kefir']);
    await context.close();
  });
});
