import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { registerErrorHandling } from './errors.ts';
import { nulPath, registerInputGuard } from './input-guard.ts';

describe('nulPath', () => {
  it('names the first string or key holding NUL, by its dotted path', () => {
    expect(nulPath({ a: 'ok', b: [{ c: 'x\u0000y' }] })).toBe('b.0.c');
    expect(nulPath({ 'k\u0000': 1 })).toBe('k\u0000');
    expect(nulPath('\u0000')).toBe('');
    expect(nulPath({ note: 'a literal \\u0000 is text', n: 0, z: null })).toBeNull();
  });
});

describe('registerInputGuard', () => {
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
