import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorHandling } from './errors.ts';
import { bodyProblem, MAX_JSON_DEPTH, nulPath, registerInputGuard } from './input-guard.ts';

describe('nulPath', () => {
  it('names the first string or key holding NUL, by its dotted path', () => {
    expect(nulPath({ a: 'ok', b: [{ c: 'x\u0000y' }] })).toBe('b.0.c');
    expect(nulPath({ 'k\u0000': 1 })).toBe('k\u0000');
    expect(nulPath('\u0000')).toBe('');
    expect(nulPath({ note: 'a literal \\u0000 is text', n: 0, z: null })).toBeNull();
  });
});

describe('bodyProblem', () => {
  const nested = (depth: number) => {
    let v: unknown = 1;
    for (let i = 0; i < depth; i++) v = i % 2 ? [v] : { a: v };
    return v;
  };

  it('counts nesting without recursion: at the limit is fine, one more level is too deep', () => {
    expect(bodyProblem(nested(MAX_JSON_DEPTH))).toBeNull();
    expect(bodyProblem(nested(MAX_JSON_DEPTH + 1))?.kind).toBe('too_deep');
    // 200,000 levels would overflow any recursive walk's stack.
    expect(bodyProblem(nested(200_000))?.kind).toBe('too_deep');
    expect(nulPath(nested(200_000))).toBeNull();
  });

  it('reports the first NUL in document order', () => {
    expect(bodyProblem({ a: ['x', 'y\u0000'], b: '\u0000' })).toEqual({ kind: 'nul', at: 'a.1' });
  });
});

describe('registerInputGuard', () => {
  it('answers 400, not 500, to a 5,000-deep body', async () => {
    const app = Fastify();
    registerErrorHandling(app);
    registerInputGuard(app);
    app.post('/t', async () => ({ ok: true }));
    for (const payload of [
      '['.repeat(5000) + ']'.repeat(5000),
      `${'{"a":'.repeat(5000)}1${'}'.repeat(5000)}`,
    ]) {
      const res = await app.inject({
        method: 'POST',
        url: '/t',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error).toMatchObject({ code: 'too_deep', field: 'body' });
    }
  });

  it('answers 400 naming the body field, the query or the params', async () => {
    const app = Fastify();
    registerErrorHandling(app);
    registerInputGuard(app);
    app.post('/t/:id', async () => ({ ok: true }));
    const post = (url: string, payload: unknown) =>
      app.inject({ method: 'POST', url, payload: payload as object });
    expect((await post('/t/1', { note: 'a\u0000' })).json()).toEqual({
      error: { code: 'invalid', message: 'The note must not contain the NUL character', field: 'note' },
    });
    expect((await post('/t/1?q=%00', {})).json().error.field).toBe('query');
    expect((await post('/t/a%00b', {})).json().error.field).toBe('params');
    expect((await post('/t/1', { note: 'fine' })).statusCode).toBe(200);
  });
});
