/**
 * Where the server may send a push. A push endpoint comes from the browser, that is from the
 * person, so it is an address the server will POST to: it must be https, and never a private,
 * link-local or loopback address (the server must not become a way to reach its own network).
 * Loopback is allowed only with the explicit `allowLoopbackEndpoints` setting, for tests and local
 * development (GUTBRAIN_PUSH_ALLOW_LOOPBACK=1). Host names are checked again when they resolve
 * (`guardedLookup`, the push agent's resolver), so a name pointing inside is refused at connect time too.
 *
 * @example endpointProblem('https://fcm.googleapis.com/fcm/send/abc', false) // undefined: fine
 */
import { lookup as dnsLookup, type LookupAddress, type LookupOptions } from 'node:dns';
import { BlockList, isIP } from 'node:net';

export const MAX_ENDPOINT_LENGTH = 2048;

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

// Special-purpose ranges (RFC 6890): unspecified, private, shared, link-local, benchmarking,
// multicast and reserved. No push service lives there.
const internal = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  internal.addSubnet(net, prefix, 'ipv4');
for (const [net, prefix] of [
  ['::', 128],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  internal.addSubnet(net, prefix, 'ipv6');

/** Why the server must not connect to this IP address, or undefined when it may. */
export function addressProblem(address: string, allowLoopback: boolean): string | undefined {
  const family = isIP(address);
  if (family === 0) return 'is not an IP address';
  const type = family === 4 ? 'ipv4' : 'ipv6';
  if (loopback.check(address, type)) return allowLoopback ? undefined : 'is a loopback address';
  if (internal.check(address, type)) return 'is a private or reserved address';
  return undefined;
}

/** Why `endpoint` is not an address the server will push to, or undefined when it is. */
export function endpointProblem(endpoint: string, allowLoopback: boolean): string | undefined {
  let url: URL;
  try {
    url = new URL(endpoint);
  } catch {
    return 'must be a URL';
  }
  if (url.protocol !== 'https:') return 'must be an https URL';
  if (url.username || url.password) return 'must not carry a user name or password';
  const host = url.hostname.replace(/^\[(.*)\]$/, '$1').toLowerCase();
  if (isIP(host)) {
    const problem = addressProblem(host, allowLoopback);
    return problem && `must not point at a host that ${problem}`;
  }
  if (host === 'localhost' || host.endsWith('.localhost')) {
    return allowLoopback ? undefined : 'must not point at this machine (localhost)';
  }
  if (!host.includes('.')) return 'must name a public host';
  return undefined;
}

/** dns.lookup that refuses names resolving to addresses the server must not push to. */
export function guardedLookup(allowLoopback: boolean) {
  return (
    hostname: string,
    options: LookupOptions,
    callback: (err: NodeJS.ErrnoException | null, address: string | LookupAddress[], family?: number) => void,
  ): void => {
    dnsLookup(hostname, { ...options, all: true }, (err, addresses) => {
      if (err) return callback(err, []);
      const refused = addresses.find((a) => addressProblem(a.address, allowLoopback));
      if (refused || addresses.length === 0) {
        const e: NodeJS.ErrnoException = new Error(
          'push endpoint resolves to an address the server does not push to',
        );
        e.code = 'EPUSHADDRESS';
        return callback(e, []);
      }
      if (options.all) return callback(null, addresses);
      const first = addresses[0] as LookupAddress;
      callback(null, first.address, first.family);
    });
  };
}
