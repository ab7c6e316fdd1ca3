import { describe, expect, it } from 'vitest';
import { parsePublicUrl, parseTrustProxy, readConfig } from './config.ts';

describe('TRUST_PROXY', () => {
  it.each([
    [undefined, false],
    ['', false],
    ['0', false],
    ['1', 1],
    ['2', 2],
    ['10.0.0.2', ['10.0.0.2']],
    ['10.0.0.2, 10.0.0.3', ['10.0.0.2', '10.0.0.3']],
    ['10.0.0.0/24,fd00::/8', ['10.0.0.0/24', 'fd00::/8']],
    ['loopback', ['loopback']],
  ])('%j → %j', (value, expected) => {
    expect(parseTrustProxy(value)).toEqual(expected);
  });

  // "Trust everything" lets any client name its own address in X-Forwarded-For.
  it.each(['true', 'yes', '*', 'proxy.example', '10.0.0.0/33', '10.0.0.1/8/2'])('refuses %j', (value) => {
    expect(() => parseTrustProxy(value)).toThrow(/TRUST_PROXY must be the number of proxies/);
  });

  it('is read by readConfig', () => {
    expect(readConfig({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(readConfig({}).trustProxy).toBe(false);
  });
});

describe('PUBLIC_URL', () => {
  it('keeps only the origin', () => {
    expect(parsePublicUrl('https://gutbrain.example.org/app/')).toBe('https://gutbrain.example.org');
    expect(parsePublicUrl('http://localhost:3000')).toBe('http://localhost:3000');
    expect(parsePublicUrl(undefined)).toBeUndefined();
    expect(readConfig({ PUBLIC_URL: 'https://Gutbrain.Example.org:443' }).publicOrigin).toBe(
      'https://gutbrain.example.org',
    );
  });

  it('refuses what is not an http(s) address', () => {
    expect(() => parsePublicUrl('gutbrain.example.org')).toThrow(/PUBLIC_URL must be the address/);
    expect(() => parsePublicUrl('ftp://gutbrain.example.org')).toThrow(/https:\/\/ or http:\/\//);
  });
});
