import { IncomingMessage, ServerResponse } from 'node:http';
import { Socket } from 'node:net';
import helmet from 'helmet';
import { describe, expect, it } from 'vitest';
import { helmetHeaders } from './security.ts';

/** What helmet's own middleware leaves on a real Node response for the same options. */
function onRealResponse(options: Parameters<typeof helmet>[0]): Record<string, string> {
  const res = new ServerResponse(new IncomingMessage(new Socket()));
  helmet(options)(res.req, res, () => undefined);
  return Object.fromEntries(Object.entries(res.getHeaders()).map(([k, v]) => [k, String(v)]));
}

describe('helmetHeaders', () => {
  it('are exactly the headers helmet sets itself, worked out once', () => {
    const options = {
      contentSecurityPolicy: { useDefaults: false, directives: { defaultSrc: ["'self'"] } },
      referrerPolicy: { policy: 'no-referrer' as const },
    };
    expect(helmetHeaders(options)).toEqual(onRealResponse(options));
  });

  it("Gutbrain's: scripts from its own origin only, no framing, no referrer, no HSTS (the proxy's job)", () => {
    const h = helmetHeaders();
    expect(h['content-security-policy']).toContain("script-src 'self';");
    expect(h['content-security-policy']).toContain("frame-ancestors 'none'");
    expect(h['content-security-policy']).not.toMatch(/script-src[^;]*unsafe-inline/);
    expect(h['x-content-type-options']).toBe('nosniff');
    expect(h['x-frame-options']).toBe('SAMEORIGIN');
    expect(h['referrer-policy']).toBe('no-referrer');
    expect(h['cross-origin-opener-policy']).toBe('same-origin');
    expect(h).not.toHaveProperty('strict-transport-security');
    expect(h).not.toHaveProperty('cross-origin-embedder-policy');
  });
});
