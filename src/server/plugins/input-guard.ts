/**
 * Refuses the NUL character anywhere in a request's text (path, query string, JSON body) with a 400
 * naming where it was, and JSON bodies nested deeper than `MAX_JSON_DEPTH`. PostgreSQL cannot store
 * NUL in text ("invalid byte sequence for encoding UTF8: 0x00") while SQLite can, so without this
 * guard one engine answers 500 where the other stores it; no field in Gutbrain has a use for NUL.
 * No Gutbrain body nests more than a few levels, and anything that walks a value recursively
 * (this guard once did, answering 500 to a 5,000-deep array) overflows the stack on a deep one,
 * so the walk is iterative and stops at the limit. Found by the route fuzzer (test/support/route-fuzz.ts).
 */
import type { FastifyInstance } from 'fastify';
import { ValidationError } from '../../core/errors.ts';

/** Deeper than any body Gutbrain accepts (an import document nests about six levels). */
export const MAX_JSON_DEPTH = 32;

export type BodyProblem = { kind: 'nul'; at: string } | { kind: 'too_deep'; at: string };

const isPlainContainer = (value: unknown): value is Record<string, unknown> | unknown[] =>
  value !== null &&
  typeof value === 'object' &&
  // Streams (uploads) are read by their own parsers, not walked here.
  (Array.isArray(value) || Object.getPrototypeOf(value) === Object.prototype);

/**
 * The first problem in a parsed JSON value, walked depth-first without recursion: a string or key
 * holding NUL, or nesting deeper than `maxDepth`; `at` is the dotted path. Null when neither.
 */
export function bodyProblem(value: unknown, maxDepth = MAX_JSON_DEPTH): BodyProblem | null {
  const stack: { value: unknown; at: string; depth: number }[] = [{ value, at: '', depth: 0 }];
  while (stack.length > 0) {
    const { value: v, at, depth } = stack.pop() as (typeof stack)[number];
    if (typeof v === 'string') {
      if (v.includes('\u0000')) return { kind: 'nul', at };
      continue;
    }
    if (!isPlainContainer(v)) continue;
    if (depth >= maxDepth) return { kind: 'too_deep', at };
    const entries = Object.entries(v);
    // Pushed in reverse so the walk meets fields in document order.
    for (let i = entries.length - 1; i >= 0; i--) {
      const [k, child] = entries[i] as [string, unknown];
      const here = at ? `${at}.${k}` : k;
      if (k.includes('\u0000')) return { kind: 'nul', at: here };
      stack.push({ value: child, at: here, depth: depth + 1 });
    }
  }
  return null;
}

/** The dotted path of the first string (or key) holding NUL in a parsed JSON value, else null. */
export function nulPath(value: unknown): string | null {
  const problem = bodyProblem(value, Number.POSITIVE_INFINITY);
  return problem?.kind === 'nul' ? problem.at : null;
}

export function registerInputGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (req) => {
    const q = req.url.indexOf('?');
    if (req.url.includes('%00')) {
      const inPath = req.url.slice(0, q < 0 ? undefined : q).includes('%00');
      const field = inPath ? 'params' : 'query';
      throw new ValidationError(field, `${field} must not contain the NUL character`);
    }
    const problem = bodyProblem(req.body);
    if (problem?.kind === 'nul') {
      const field = problem.at || 'body';
      throw new ValidationError(field, `${field} must not contain the NUL character`);
    }
    if (problem?.kind === 'too_deep') {
      throw new ValidationError(
        'body',
        `body is nested more than ${MAX_JSON_DEPTH} levels deep; no Gutbrain request needs that`,
        'too_deep',
      );
    }
  });
}
