import { describe, expect, it } from 'vitest';
import { addressProblem, endpointProblem, guardedLookup } from './endpoint.ts';

describe('endpointProblem', () => {
  it('accepts the push services’ https endpoints', () => {
    for (const url of [
      'https://fcm.googleapis.com/fcm/send/dGVzdA:APA91b',
      'https://updates.push.services.mozilla.com/wpush/v2/gAAAAA',
      'https://web.push.apple.com/QGuQyavXutnMH',
      'https://[2001:db8::1]:8443/push',
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
