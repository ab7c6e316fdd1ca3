/**
 * The browser's API client: JSON in and out, the CSRF token on every state-changing request,
 * and errors as `ApiError` carrying the server's `{ code, message, field }`.
 *
 * @example const { days } = await api.get<{ days: Day[] }>('/api/checkins?from=2026-01-01');
 */

import type { Endpoint, InputOf, OutputOf } from '../contract/endpoint.ts';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
    /** Values to offer the person when the server asks them to pick one (which sample, say). */
    readonly choices?: readonly string[],
  ) {
    super(message);
  }
}

let csrfToken: string | undefined;

/** Called whenever the server hands out a token (session, login, register, password change). */
export function setCsrfToken(token: string | undefined): void {
  csrfToken = token;
}

async function request<T>(method: string, path: string, body?: unknown): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  // A file goes as the raw body (uploads stream it to the server's reader); anything else as JSON.
  const file = typeof Blob !== 'undefined' && body instanceof Blob;
  if (body !== undefined) headers['content-type'] = file ? 'application/octet-stream' : 'application/json';
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      body: body === undefined ? undefined : file ? (body as Blob) : JSON.stringify(body),
      credentials: 'same-origin',
    });
  } catch {
    throw new ApiError(0, 'offline', 'Could not reach Gutbrain. Check your connection and try again.');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let json: unknown;
  try {
    json = text ? JSON.parse(text) : undefined;
  } catch {
    json = undefined;
  }
  if (!res.ok) {
    const err = (
      json as
        | { error?: { code?: string; message?: string; field?: string; choices?: readonly string[] } }
        | undefined
    )?.error;
    throw new ApiError(
      res.status,
      err?.code ?? 'http_error',
      err?.message ?? `Request failed (${res.status}).`,
      err?.field,
      err?.choices,
    );
  }
  const token = (json as { csrfToken?: string } | undefined)?.csrfToken;
  if (token) setCsrfToken(token);
  return json as T;
}

/** `METHOD path` of an endpoint, as the contract spells it: `'GET /api/habits/:date'`. */
export type EndpointKey<E extends Endpoint> = `${E['method']} ${E['path']}`;

/**
 * Calls one endpoint of the contract, typed by it: the web never writes an answer's shape by hand.
 * The endpoint is named by type only (`import type`), so no zod code reaches the page.
 *
 * @example const day = await callApi<typeof getHabitDay>('GET /api/habits/:date', { params: { date } });
 */
export function callApi<E extends Endpoint>(key: EndpointKey<E>, input: InputOf<E>): Promise<OutputOf<E>> {
  const space = key.indexOf(' ');
  const method = key.slice(0, space);
  const parts = input as { params?: Record<string, string>; query?: Record<string, unknown>; body?: unknown };
  return request<OutputOf<E>>(method, pathOf(key.slice(space + 1), parts.params, parts.query), parts.body);
}

/**
 * Sends a file as the raw body of an upload endpoint (one whose contract has `upload`), typed like
 * `callApi`: the server streams it to its reader instead of parsing JSON.
 *
 * @example await uploadFile<typeof postTaxonomy>('POST /api/microbiome/taxonomies', {}, file);
 */
export function uploadFile<E extends Endpoint>(
  key: EndpointKey<E>,
  input: InputOf<E>,
  file: Blob,
): Promise<OutputOf<E>> {
  const space = key.indexOf(' ');
  const parts = input as { params?: Record<string, string>; query?: Record<string, unknown> };
  return request<OutputOf<E>>(
    key.slice(0, space),
    pathOf(key.slice(space + 1), parts.params, parts.query),
    file,
  );
}

/** Fills `:name` segments and appends the query (absent values left out). */
export function pathOf(
  path: string,
  params?: Record<string, string>,
  query?: Record<string, unknown>,
): string {
  const filled = path.replace(/:([A-Za-z0-9_]+)/g, (_m, name: string) => {
    const value = params?.[name];
    if (value === undefined) throw new Error(`missing path parameter ${name}`);
    return encodeURIComponent(value);
  });
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(query ?? {}))
    if (v !== undefined && v !== null) search.set(k, String(v));
  const qs = search.toString();
  return qs ? `${filled}?${qs}` : filled;
}

export const api = {
  get: <T>(path: string) => request<T>('GET', path),
  send: <T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', path: string, body?: unknown) =>
    request<T>(method, path, body),
};

/** A message fit to show a person for any thrown value. */
export function errorMessage(e: unknown): string {
  if (e instanceof ApiError || e instanceof Error) return e.message;
  return 'Something went wrong.';
}

/**
 * Sends a file as the request body of one endpoint (an export of GBs: no JSON wrapping), reporting
 * the share sent so far; answers like callApi. XMLHttpRequest, because fetch reports no upload progress.
 */
export function uploadWithProgress<E extends Endpoint>(
  key: EndpointKey<E>,
  input: InputOf<E>,
  file: Blob,
  onProgress: (sent: number) => void,
): Promise<OutputOf<E>> {
  const space = key.indexOf(' ');
  const parts = input as { params?: Record<string, string>; query?: Record<string, unknown> };
  const xhr = new XMLHttpRequest();
  return new Promise((resolve, reject) => {
    xhr.open(key.slice(0, space), pathOf(key.slice(space + 1), parts.params, parts.query));
    xhr.setRequestHeader('accept', 'application/json');
    xhr.setRequestHeader(
      'content-type',
      file.type === 'application/zip' || /xml/.test(file.type) ? file.type : 'application/octet-stream',
    );
    if (csrfToken) xhr.setRequestHeader('x-csrf-token', csrfToken);
    xhr.upload.onprogress = (e) => {
      if (e.lengthComputable) onProgress(e.loaded / e.total);
    };
    xhr.onerror = () =>
      reject(new ApiError(0, 'offline', 'The upload stopped: check your connection and try again.'));
    xhr.onload = () => {
      let json: unknown;
      try {
        json = xhr.responseText ? JSON.parse(xhr.responseText) : undefined;
      } catch {
        json = undefined;
      }
      if (xhr.status >= 200 && xhr.status < 300) return resolve(json as OutputOf<E>);
      const err = (json as { error?: { code?: string; message?: string; field?: string } } | undefined)
        ?.error;
      reject(
        new ApiError(
          xhr.status,
          err?.code ?? 'http_error',
          err?.message ?? `Upload failed (${xhr.status}).`,
          err?.field,
        ),
      );
    };
    xhr.send(file);
  });
}
