import { describe, expect, it } from 'vitest';
import { addressProblem, endpointProblem, guardedLookup } from './endpoint.ts';

describe('endpointProblem', () => {
  it('accepts the push services’ https endpoints', () => {
    for (const url of [
      'https://fcm.googleapis.com/fcm/send/dGVzdA:APA91b',
      'https://updates.push.services.mozilla.com/wpush/v2/gAAAAA',
      'https://web.push.apple.com/QGuQyavXutnMH',
      'https://[2a00:1450:4001:81c::200e]:8443/push',
    ])
      expect(endpointProblem(url, false), url).toBeUndefined();
  });

  it('refuses anything but https, and credentials in the URL', () => {
    expect(endpointProblem('http://fcm.googleapis.com/x', false)).toBe('must be an https URL');
    expect(endpointProblem('ftp://fcm.googleapis.com/x', false)).toBe('must be an https URL');
    expect(endpointProblem('not a url', false)).toBe('must be a URL');
    expect(endpointProblem('https://user:pw@push.example.com/x', false)).toBe(
      'must not carry a user name or password',
    );
  });

  it('never points inside: private, link-local, reserved, in any spelling', () => {
    for (const url of [
      'https://10.1.2.3/x',
      'https://172.16.0.1/x',
      'https://192.168.1.1/x',
      'https://169.254.169.254/latest/meta-data',
      'https://100.64.0.1/x',
      'https://0.0.0.0/x',
      'https://[fd00::1]/x',
      'https://[fe80::1]/x',
      'https://[::ffff:10.0.0.1]/x',
      'https://0x0a000001/x',
      'https://intranet/x',
    ])
      expect(endpointProblem(url, true), url).toBeDefined();
  });

  it('loopback only with the explicit setting', () => {
    for (const url of [
      'https://127.0.0.1:4443/p',
      'https://[::1]/p',
      'https://localhost/p',
      'https://a.localhost/p',
    ]) {
      expect(endpointProblem(url, false), url).toBeDefined();
      expect(endpointProblem(url, true), url).toBeUndefined();
    }
    expect(endpointProblem('https://2130706433/p', false)).toMatch(/loopback/);
  });
});

describe('addressProblem', () => {
  it('classifies resolved addresses the same way', () => {
    expect(addressProblem('142.250.74.106', false)).toBeUndefined();
    expect(addressProblem('127.0.0.53', false)).toBe('is a loopback address');
    expect(addressProblem('127.0.0.53', true)).toBeUndefined();
    expect(addressProblem('10.0.0.1', true)).toBe('is a private or reserved address');
    expect(addressProblem('::ffff:192.168.0.1', false)).toBe('is a private or reserved address');
    expect(addressProblem('host.example', false)).toBe('is not an IP address');
  });
});

describe('addressProblem: only global unicast', () => {
  // Each form from the IANA special-purpose registries, written as a resolver or URL would give it.
  it.each([
    ['::ffff:10.0.0.1', 'IPv4-mapped private'],
    ['::ffff:8.8.8.8', 'IPv4-mapped public (reaches whatever the mapping reaches)'],
    ['::ffff:127.0.0.1', 'IPv4-mapped loopback'],
    ['::ffff:a9fe:a9fe', 'IPv4-mapped cloud metadata, hex spelling'],
    ['::127.0.0.1', 'IPv4-compatible (deprecated)'],
    ['2002:a00:1::', '6to4 of 10.0.0.1'],
    ['2002:c0a8:101::1', '6to4 of 192.168.1.1'],
    ['64:ff9b::a9fe:a9fe', 'NAT64 of 169.254.169.254'],
    ['64:ff9b:1::1', 'local-use NAT64'],
    ['2001:0:4136:e378:8000:63bf:3fff:fdd2', 'Teredo'],
    ['2001:db8::1', 'documentation'],
    ['3fff::1', 'documentation (2024)'],
    ['2001:2::1', 'benchmarking'],
    ['fec0::1', 'site-local (deprecated)'],
    ['fc00::1', 'unique-local'],
    ['fd12:3456::1', 'unique-local'],
    ['fe80::1', 'link-local'],
    ['ff02::1', 'multicast'],
    ['::', 'unspecified'],
    ['100::1', 'discard-only'],
    ['192.0.2.1', 'IPv4 documentation'],
    ['198.51.100.7', 'IPv4 documentation'],
    ['203.0.113.9', 'IPv4 documentation'],
    ['192.88.99.1', '6to4 relay anycast'],
    ['255.255.255.255', 'broadcast'],
    ['127.0.0.1', 'loopback'],
    ['::1', 'loopback'],
  ])('refuses %s (%s)', (address) => {
    expect(addressProblem(address, false)).toBeDefined();
  });

  it.each([
    '2a00:1450:4001:81c::200e',
    '2606:4700::6810:84e5',
    '2001:4860:4860::8888',
    '8.8.8.8',
    '17.57.146.52',
  ])('accepts the global unicast address %s', (address) => {
    expect(addressProblem(address, false)).toBeUndefined();
  });

  it('lets loopback through only with the setting, and never in a mapped or tunnelled spelling', () => {
    expect(addressProblem('::1', true)).toBeUndefined();
    expect(addressProblem('127.0.0.2', true)).toBeUndefined();
    expect(addressProblem('::ffff:127.0.0.1', true)).toBe('is a private or reserved address');
    expect(addressProblem('2002:7f00:1::', true)).toBe('is a private or reserved address');
    expect(endpointProblem('https://[::ffff:7f00:1]/p', true)).toBeDefined();
    expect(endpointProblem('https://[64:ff9b::7f00:1]/p', true)).toBeDefined();
  });
});

describe('guardedLookup', () => {
  const resolve = (allowLoopback: boolean, all: boolean) =>
    new Promise<unknown>((ok, fail) =>
      guardedLookup(allowLoopback)('localhost', { all }, (err, address) => (err ? fail(err) : ok(address))),
    );

  it('refuses a name that resolves to this machine unless loopback is allowed', async () => {
    await expect(resolve(false, false)).rejects.toMatchObject({ code: 'EPUSHADDRESS' });
    expect(await resolve(true, false)).toMatch(/^(127\.|::1$)/);
    expect(await resolve(true, true)).toEqual(
      expect.arrayContaining([expect.objectContaining({ family: expect.any(Number) })]),
    );
  });
});
