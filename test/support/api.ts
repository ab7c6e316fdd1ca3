/**
 * Helpers for API tests through `app.inject`: a client that keeps the session cookie and CSRF
 * token like a browser would.
 *
 * @example
 * const app = await buildApp({ store });
 * const alice = await registerClient(app, { email: 'alice@example.com' });
 * const res = await alice.put('/api/checkins/2026-01-05', { mood: 7 });
 */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';

export interface TestClient {
  cookie: string | undefined;
  csrfToken: string | undefined;
  personId: string | undefined;
  request(
    method: string,
    url: string,
    body?: unknown,
    headers?: Record<string, string>,
  ): Promise<LightMyRequestResponse>;
  get(url: string): Promise<LightMyRequestResponse>;
  post(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  put(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  patch(url: string, body?: unknown): Promise<LightMyRequestResponse>;
  delete(url: string, body?: unknown): Promise<LightMyRequestResponse>;
}

export function client(app: FastifyInstance): TestClient {
  const c: TestClient = {
    cookie: undefined,
    csrfToken: undefined,
    personId: undefined,
    async request(method, url, body, headers = {}) {
      const res = await app.inject({
        method: method as 'GET',
        url,
        headers: {
          ...(c.cookie ? { cookie: `gb_session=${c.cookie}` } : {}),
          ...(c.csrfToken ? { 'x-csrf-token': c.csrfToken } : {}),
          ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
          ...headers,
        },
        payload: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
      });
      const set = res.cookies.find((k) => k.name === 'gb_session');
      if (set) c.cookie = set.value || undefined;
      const json = res.headers['content-type']?.toString().includes('json') ? res.json() : undefined;
      if (json?.csrfToken) c.csrfToken = json.csrfToken;
      if (json?.person?.id) c.personId = json.person.id;
      return res;
    },
    get: (url) => c.request('GET', url),
    post: (url, body) => c.request('POST', url, body),
    put: (url, body) => c.request('PUT', url, body),
    patch: (url, body) => c.request('PATCH', url, body),
    delete: (url, body) => c.request('DELETE', url, body),
  };
  return c;
}

let counter = 0;

/** Registers a new person (unique email unless given) and returns a logged-in client. */
export async function registerClient(
  app: FastifyInstance,
  overrides: { email?: string; password?: string; displayName?: string; timeZone?: string } = {},
): Promise<TestClient> {
  const c = client(app);
  counter += 1;
  const res = await c.post('/api/auth/register', {
    email: overrides.email ?? `person${counter}-${Date.now()}@example.com`,
    password: overrides.password ?? 'correct horse battery',
    displayName: overrides.displayName ?? `Person ${counter}`,
    timeZone: overrides.timeZone ?? 'Europe/Dublin',
  });
  if (res.statusCode !== 201) throw new Error(`register failed: ${res.statusCode} ${res.body}`);
  return c;
}
