/**
 * The signed-in browser page's API for browser tests that seed data they are not about, and the
 * UTC date some days ago (the browser tests' people live in UTC).
 *
 * @example const api = await pageApi(page, server.url); await api.put(`/api/checkins/${daysAgo(1)}`, { mood: 6 });
 */
import type { Page } from 'playwright-core';

/** The signed-in page's API, with its CSRF token, for seeding data the test is not about. */
export async function pageApi(page: Page, baseUrl: string) {
  const session = await (await page.request.get(`${baseUrl}/api/auth/session`)).json();
  const headers = { 'x-csrf-token': (session as { csrfToken: string }).csrfToken };
  return {
    put: (path: string, data: unknown) => page.request.put(`${baseUrl}${path}`, { headers, data }),
    post: (path: string, data: unknown) => page.request.post(`${baseUrl}${path}`, { headers, data }),
    get: async (path: string) => (await page.request.get(`${baseUrl}${path}`)).json(),
  };
}

export const daysAgo = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString().slice(0, 10);
