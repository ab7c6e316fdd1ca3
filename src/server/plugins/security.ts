/**
 * Security headers (CSP without inline script), `Cache-Control: no-store` on every API answer,
 * and a same-origin check on state-changing requests: a browser's `Origin` must be the public
 * origin — PUBLIC_URL when set, else this request's own host (the forwarded one only when the
 * proxy is trusted, which Fastify's `req.host` already respects). `Origin: null` (sandboxed
 * frames, some redirects, file: pages) is never our page, so it is refused too.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import { HttpError } from './errors.ts';
import { recordRoutes } from './route-table.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export interface SecurityOptions {
  /** The origin people open (`https://gutbrain.example.org`), from PUBLIC_URL. */
  publicOrigin?: string;
}

/** True when a browser's Origin header names the site this request was made to. */
export function isOwnOrigin(origin: string, req: FastifyRequest, publicOrigin?: string): boolean {
  let url: URL;
  try {
    url = new URL(origin);
  } catch {
    return false;
  }
  if (url.origin === 'null') return false;
  if (publicOrigin) return url.origin === publicOrigin;
  return url.host === req.host;
}

const HELMET_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: {
    useDefaults: false,
    directives: {
      defaultSrc: ["'self'"],
      scriptSrc: ["'self'"],
      // Charts set style attributes; styles can't run code, scripts stay 'self' only.
      styleSrc: ["'self'", "'unsafe-inline'"],
      imgSrc: ["'self'", 'data:', 'blob:'],
      fontSrc: ["'self'"],
      connectSrc: ["'self'"],
      workerSrc: ["'self'"],
      manifestSrc: ["'self'"],
      objectSrc: ["'none'"],
      baseUri: ["'self'"],
      formAction: ["'self'"],
      frameAncestors: ["'none'"],
    },
  },
  crossOriginEmbedderPolicy: false,
  strictTransportSecurity: false,
  referrerPolicy: { policy: 'no-referrer' },
};

/**
 * The headers helmet sets, worked out once: none of them depends on the request (no CSP nonces), so
 * every answer gets the same object in one call instead of helmet rebuilding its middleware — CSP
 * directives parsed again — on every request, as @fastify/helmet does.
 */
export function helmetHeaders(options: HelmetOptions = HELMET_OPTIONS): Record<string, string> {
  const headers: Record<string, string> = {};
  const res = {
    setHeader: (name: string, value: string | number | readonly string[]) => {
      headers[name.toLowerCase()] = String(value);
    },
    removeHeader: () => undefined,
  };
  let done = false;
  helmet(options)({} as IncomingMessage, res as unknown as ServerResponse, () => {
    done = true;
  });
  if (!done) throw new Error('helmet did not finish synchronously: its headers cannot be worked out once');
  return headers;
}

export async function registerSecurity(app: FastifyInstance, options: SecurityOptions = {}): Promise<void> {
  recordRoutes(app);
  const securityHeaders = helmetHeaders();
  app.addHook('onRequest', async (req, reply) => {
    reply.headers(securityHeaders);
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    if (!UNSAFE.has(req.method)) return;
    // Browsers send Origin on cross-site writes; a foreign one is refused outright.
    const origin = req.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, req, options.publicOrigin)) {
      throw new HttpError(403, 'bad_origin', 'This request came from another site.');
    }
  });
}
