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

export { MAX_ENDPOINT_LENGTH } from '../../contract/push.ts';

const loopbackV4 = new BlockList();
loopbackV4.addSubnet('127.0.0.0', 8, 'ipv4');
// Its own list: a BlockList holding IPv4 rules also matches IPv4-mapped IPv6 against them.
const loopbackV6 = new BlockList();
loopbackV6.addAddress('::1', 'ipv6');

// IPv4 special-purpose ranges (RFC 6890 and the IANA IPv4 Special-Purpose Address Registry):
// unspecified, private, shared, loopback, link-local, IETF protocol assignments, documentation,
// the 6to4 relay anycast, benchmarking, multicast and reserved. No push service lives there.
const internalV4 = new BlockList();
for (const [net, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.0.2.0', 24],
  ['192.88.99.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['198.51.100.0', 24],
  ['203.0.113.0', 24],
  ['224.0.0.0', 4],
  ['240.0.0.0', 4],
] as const)
  internalV4.addSubnet(net, prefix, 'ipv4');

// IPv6 is allowed, not blocked: only global unicast (2000::/3, RFC 4291 §2.4) minus the parts of
// it that are not one host on the public internet (IANA IPv6 Special-Purpose Address Registry):
// 2001::/23 (IETF protocol assignments, Teredo among them), 2001:db8::/32 and 3fff::/20
// (documentation), 2002::/16 (6to4, which embeds any IPv4 address). Everything outside 2000::/3
// is refused with it: IPv4-mapped (::ffff:0:0/96), NAT64 (64:ff9b::/96), unique-local (fc00::/7),
// link-local (fe80::/10), the deprecated site-local (fec0::/10), multicast and the rest.
const globalV6 = new BlockList();
globalV6.addSubnet('2000::', 3, 'ipv6');
const specialV6 = new BlockList();
for (const [net, prefix] of [
  ['2001::', 23],
  ['2001:db8::', 32],
  ['2002::', 16],
  ['3fff::', 20],
] as const)
  specialV6.addSubnet(net, prefix, 'ipv6');

/** Why the server must not connect to this IP address, or undefined when it may. */
export function addressProblem(address: string, allowLoopback: boolean): string | undefined {
  const family = isIP(address);
  if (family === 0) return 'is not an IP address';
  if (family === 4) {
    if (loopbackV4.check(address, 'ipv4')) return allowLoopback ? undefined : 'is a loopback address';
    return internalV4.check(address, 'ipv4') ? 'is a private or reserved address' : undefined;
  }
  if (loopbackV6.check(address, 'ipv6')) return allowLoopback ? undefined : 'is a loopback address';
  if (!globalV6.check(address, 'ipv6') || specialV6.check(address, 'ipv6')) {
    return 'is a private or reserved address';
  }
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
