import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp, safeLogSerializers } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { client, registerClient } from '../support/api.ts';
import { openTestStore } from '../support/db.ts';

const MARKER = 'MARKER-health-7f3a9c';

describe('logs', () => {
  let store: Store;
  let lines: string[];
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    store = await openTestStore('sqlite');
    lines = [];
    const stream = new Writable({
      write(chunk, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    app = await buildApp({ store, logger: { level: 'debug', stream, serializers: safeLogSerializers } });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('record failed logins and denied requests, never health data or credentials', async () => {
    const c = await registerClient(app, { email: 'logger@example.com', password: 'secret password 1' });
    expect(
      (await c.put('/api/checkins/2026-01-02', { mood: 2, note: `feeling low ${MARKER}` })).statusCode,
    ).toBe(200);
    await c.get('/api/checkins/2026-01-02');
    await c.put(`/api/checkins/2026-01-03?note=${MARKER}`, { mood: 11, note: MARKER });
    const anon = client(app);
    await anon.post('/api/auth/login', { email: 'logger@example.com', password: `wrong ${MARKER}` });
    await anon.get('/api/checkins');
    await app.inject({
      method: 'PUT',
      url: '/api/checkins/2026-01-04',
      headers: { cookie: `gb_session=${c.cookie}`, 'content-type': 'application/json' },
      payload: JSON.stringify({ note: MARKER }),
    });

    const all = lines.join('');
    expect(all).toContain('login failed');
    expect(all).toContain('"statusCode":401');
    expect(all).toContain('"statusCode":403');
    expect(all).not.toContain(MARKER);
    expect(all).not.toContain('secret password 1');
    expect(all).not.toContain('logger@example.com');
    expect(all).not.toContain(c.cookie as string);
  });
});
