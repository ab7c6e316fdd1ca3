/**
 * Security headers (CSP without inline script), `Cache-Control: no-store` on every API answer,
 * and a same-origin check on state-changing requests.
 */
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { HttpError } from './errors.ts';
import { recordRoutes } from './route-table.ts';

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export async function registerSecurity(app: FastifyInstance): Promise<void> {
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
    if (origin && origin !== 'null') {
      let host: string;
      try {
        host = new URL(origin).host;
      } catch {
        throw new HttpError(403, 'bad_origin', 'This request came from another site.');
      }
      if (host !== req.headers.host)
        throw new HttpError(403, 'bad_origin', 'This request came from another site.');
    }
  });
}
