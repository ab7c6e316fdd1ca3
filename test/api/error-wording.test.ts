/**
 * Error messages are written for a person (issue 18): every route is sent what a web form sends
 * when a field is left out or empty, and each message is scanned for developer jargon — field
 * identifiers (`clinicianEmail`, `energy_morning`), query syntax (`?sample=`), encodings and
 * schema words. The `field` of the error keeps the machine name, for the web app to place it.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import { fieldLabel } from '../../src/server/plugins/error-wording.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore, testEngines } from '../support/db.ts';
import {
  type Alice,
  type Clinicians,
  makeClinicians,
  NOW,
  ROUTES,
  registeredRoutes,
  requestFor,
  seedAlice,
  send,
  specOf,
} from '../support/route-samples.ts';

const JARGON: [string, RegExp][] = [
  ['a camelCase identifier', /\b[a-z]+[A-Z][A-Za-z]*\b/],
  ['a snake_case identifier', /\b[a-z0-9]+_[a-z0-9_]+\b/],
  ['query syntax', /\?[a-z]+=/i],
  ['a developer word', /\b(UTF-?8|JSON|schema|undefined|null|NaN|regex|enum|string|boolean|uuid)\b/i],
  ['a dotted path', /\b[a-z]+\.[a-z0-9]+\b(?!\s*(MB|kB))/],
];

/** What a form sends when a field is skipped, cleared or left empty. */
function variants(body: Record<string, unknown>): [string, Record<string, unknown>][] {
  const out: [string, Record<string, unknown>][] = [];
  for (const key of Object.keys(body)) {
    const { [key]: _dropped, ...rest } = body;
    out.push([`without ${key}`, rest]);
    out.push([`${key}: null`, { ...body, [key]: null }]);
    out.push([`${key}: ''`, { ...body, [key]: '' }]);
  }
  return out;
}

describe('field labels', () => {
  it('name fields as a form does', () => {
    expect(fieldLabel('clinicianEmail')).toBe('the clinician’s email');
    expect(fieldLabel('energy_morning')).toBe('the energy morning');
    expect(fieldLabel('files.0.name')).toBe('the name');
    expect(fieldLabel('sleepHours')).toBe('the sleep hours');
    expect(fieldLabel('movement.minutes')).toBe('the movement minutes');
    // Not Object.prototype's (the fuzzer sent a field named "constructor").
    expect(fieldLabel('constructor')).toBe('the constructor');
    expect(fieldLabel('toString')).toBe('the to string');
  });
});

describe.each(testEngines())('error messages a person can read on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let clinicians: Clinicians;
  let alice: Alice;

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => NOW });
    clinicians = await makeClinicians(app, `wording-${engine}`);
    alice = await seedAlice(app, clinicians, `wording-${engine}`);
  }, 120_000);
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('no message names a field the way code does, on any route with a form body', async () => {
    const keys = (await registeredRoutes()).filter((k) => ROUTES[k] && !k.startsWith('DELETE'));
    const faults: string[] = [];
    let checked = 0;
    for (const key of keys) {
      const spec = specOf(key);
      const req = requestFor(key, alice);
      if (req.raw || !req.body || typeof req.body !== 'object' || Array.isArray(req.body)) continue;
      const method = key.slice(0, key.indexOf(' '));
      const actor = spec.public
        ? undefined
        : key.includes('/api/clinician/')
          ? clinicians.granted
          : alice.client;
      for (const [what, body] of variants(req.body as Record<string, unknown>)) {
        const res = await send(app, actor, method, { url: req.url, body });
        if (res.statusCode < 400) continue;
        const { message } = res.json().error as { message: string };
        checked += 1;
        for (const [name, pattern] of JARGON) {
          if (pattern.test(message)) faults.push(`${key} ${what}: "${message}" has ${name}`);
        }
      }
    }
    expect(checked).toBeGreaterThan(50);
    expect(faults).toEqual([]);
  });

  it('a number measure without a unit asks for one in a sentence', async () => {
    const res = await alice.client.post('/api/measures/custom', { name: 'Water', kind: 'number' });
    expect(res.json().error).toEqual({
      code: 'invalid',
      message: 'A number measure needs a unit.',
      field: 'unit',
    });
    const empty = await alice.client.post('/api/measures/custom', {
      name: 'Water',
      kind: 'number',
      unit: null,
    });
    expect(empty.json().error.message).not.toMatch(/must be text/);
  });

  it('a clinician email that is not a clinician account, and a picture as a report, say what to do', async () => {
    const res = await alice.client.post('/api/sharing/grants', { clinicianEmail: 'nobody@example.com' });
    expect(res.statusCode).toBe(400);
    expect(res.json().error).toMatchObject({ field: 'clinicianEmail' });
    expect(res.json().error.message).toMatch(/^No clinician account on this Gutbrain has that email/);

    const png = readFileSync(new URL('../../src/web/public/icon-192.png', import.meta.url));
    const upload = await app.inject({
      method: 'POST',
      url: '/api/microbiome/samples?date=2026-03-01',
      payload: png,
      headers: {
        'content-type': 'application/octet-stream',
        cookie: `gb_session=${alice.client.cookie}`,
        'x-csrf-token': alice.client.csrfToken as string,
      },
    });
    expect(upload.statusCode).toBe(400);
    const message = upload.json().error.message as string;
    expect(message).not.toMatch(/UTF-8/);
    // Says which files are read.
    for (const accepted of ['MetaPhlAn', 'BIOM', 'QIIME 2', 'CSV', 'HUMAnN'])
      expect(message).toContain(accepted);
  });
});
