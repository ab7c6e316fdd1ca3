/**
 * Security headers (CSP without inline script), `Cache-Control: no-store` on every API answer,
 * and a same-origin check on state-changing requests: a browser's `Origin` must be the public
 * origin — PUBLIC_URL when set, else this request's own host (the forwarded one only when the
 * proxy is trusted, which Fastify's `req.host` already respects). `Origin: null` (sandboxed
 * frames, some redirects, file: pages) is never our page, so it is refused too.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance, FastifyRequest } from 'fastify';
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

export async function registerSecurity(app: FastifyInstance, options: SecurityOptions = {}): Promise<void> {
  recordRoutes(app);
  await app.register(helmet, {
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
  });

  app.addHook('onRequest', async (req, reply) => {
    if (req.url.startsWith('/api/')) reply.header('cache-control', 'no-store');
    if (!UNSAFE.has(req.method)) return;
    // Browsers send Origin on cross-site writes; a foreign one is refused outright.
    const origin = req.headers.origin;
    if (origin !== undefined && !isOwnOrigin(origin, req, options.publicOrigin)) {
      throw new HttpError(403, 'bad_origin', 'This request came from another site.');
    }
  });
}
