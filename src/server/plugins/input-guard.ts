/**
 * Refuses the NUL character anywhere in a request's text (path, query string, JSON body) with a 400
 * naming where it was. PostgreSQL cannot store NUL in text ("invalid byte sequence for encoding
 * UTF8: 0x00") while SQLite can, so without this guard one engine answers 500 where the other stores
 * it; no field in Gutbrain has a use for NUL. Found by test/api/route-fuzz.test.ts.
 */
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../../core/errors.ts';

/** The dotted path of the first string (or key) holding NUL in a parsed JSON value, else null. */
export function nulPath(value: unknown, at = ''): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? at : null;
  if (value === null || typeof value !== 'object') return null;
  // Streams (uploads) are read by their own parsers, not walked here.
  if (!Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype) return null;
  for (const [k, v] of Object.entries(value)) {
    const here = at ? `${at}.${k}` : k;
    if (k.includes('\u0000')) return here;
    const found = nulPath(v, here);
    if (found !== null) return found;
  }
  return null;
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const q = req.url.indexOf('?');
    if (req.url.includes('%00')) {
      const inPath = req.url.slice(0, q < 0 ? undefined : q).includes('%00');
      const field = inPath ? 'params' : 'query';
      throw new ValidationError(field, `${field} must not contain the NUL character`);
    }
    const where = nulPath(req.body);
    if (where !== null) {
      const field = where || 'body';
      throw new ValidationError(field, `${field} must not contain the NUL character`);
    }
  });
}
