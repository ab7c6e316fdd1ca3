/**
 * The same-origin check on writes: judged against PUBLIC_URL when set, else against the request's
 * own host — the forwarded host only when the proxy is trusted — and `Origin: null` is refused.
 */
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKnowledge } from '../../src/core/knowledge/index.ts';
import { type AppOptions, buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { openTestStore, testEngines } from '../support/db.ts';

describe.each(testEngines())('origin check on %s', (engine) => {
  let store: Store;
  const apps: FastifyInstance[] = [];
  const app = async (options: Partial<AppOptions>) => {
    const a = await buildApp({ store, knowledge: parseKnowledge([]), ...options });
    apps.push(a);
    return a;
  };
  // A state-changing request that needs no session: its status says only whether the origin passed.
  const logout = (a: FastifyInstance, headers: Record<string, string>) =>
    a.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { host: 'gutbrain.internal:3000', ...headers },
    });

  beforeAll(async () => {
    store = await openTestStore(engine);
  });
  afterAll(async () => {
    for (const a of apps) await a.close();
    await store.close();
  });

  it('without PUBLIC_URL: the request’s own host passes; another site, a bad value and null do not', async () => {
    const a = await app({});
    expect((await logout(a, { origin: 'http://gutbrain.internal:3000' })).statusCode).toBe(204);
    expect((await logout(a, {})).statusCode).toBe(204);
    for (const origin of ['https://evil.example', 'null', '', 'not a url', 'http://gutbrain.internal:3001']) {
      const res = await logout(a, { origin });
      expect(res.statusCode, origin).toBe(403);
      expect(res.json().error.code).toBe('bad_origin');
    }
  });

  it('believes X-Forwarded-Host only from a trusted proxy', async () => {
    const forwarded = { origin: 'https://evil.example', 'x-forwarded-host': 'evil.example' };
    expect((await logout(await app({}), forwarded)).statusCode).toBe(403);
    const behindProxy = await app({ trustProxy: 1 });
    expect(
      (
        await logout(behindProxy, {
          origin: 'https://gutbrain.example.org',
          'x-forwarded-host': 'gutbrain.example.org',
        })
      ).statusCode,
    ).toBe(204);
    // Trusted by address: a request from elsewhere cannot set the host it is judged against.
    const byAddress = await app({ trustProxy: ['10.0.0.2'] });
    expect((await logout(byAddress, forwarded)).statusCode).toBe(403);
  });

  it('with PUBLIC_URL: only that exact origin, whatever Host or X-Forwarded-Host say', async () => {
    const a = await app({ publicOrigin: 'https://gutbrain.example.org', trustProxy: 1 });
    expect((await logout(a, { origin: 'https://gutbrain.example.org' })).statusCode).toBe(204);
    for (const origin of [
      'http://gutbrain.example.org',
      'http://gutbrain.internal:3000',
      'https://evil.example',
      'null',
    ]) {
      const res = await logout(a, { origin, 'x-forwarded-host': 'evil.example' });
      expect(res.statusCode, origin).toBe(403);
    }
  });
});
