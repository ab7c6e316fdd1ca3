/**
 * Configuration from the environment: PORT, HOST, DATA_DIR, DATABASE_URL, TRUST_PROXY (a hop count
 * or the proxies' addresses), PUBLIC_URL (the address people open), LOG_LEVEL,
 * WEB_ROOT (the built web app; default dist/web),
 * and for Web Push GUTBRAIN_PUSH_SUBJECT (mailto: or https:) and GUTBRAIN_PUSH_ALLOW_LOOPBACK
 * (1 = accept push endpoints on this machine; for tests and development only).
 */
import { isIP } from 'node:net';
import { join, resolve } from 'node:path';
import { PROJECT_ROOT } from '../server/project-root.ts';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  /** Proxies whose X-Forwarded-* headers are believed: none, the nearest N hops, or these addresses. */
  trustProxy: TrustProxy;
  /** The origin people open (`https://gutbrain.example.org`), when set: cross-site writes are judged against it. */
  publicOrigin?: string;
  logLevel: string;
  webRoot: string;
  push: { subject?: string; allowLoopbackEndpoints: boolean };
}

export type TrustProxy = false | number | string[];

// proxy-addr's names for whole ranges (https://github.com/jshttp/proxy-addr#proxyaddrreq-trust).
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

function isProxyAddress(entry: string): boolean {
  if (PROXY_RANGE_NAMES.has(entry)) return true;
  const [address = '', prefix, ...rest] = entry.split('/');
  const family = isIP(address);
  if (family === 0 || rest.length > 0) return false;
  if (prefix === undefined) return true;
  const bits = Number(prefix);
  return /^\d{1,3}$/.test(prefix) && bits <= (family === 4 ? 32 : 128);
}

/**
 * TRUST_PROXY: unset or 0 trusts no proxy; a whole number N trusts the nearest N hops (the client is
 * the address the outermost trusted proxy saw); otherwise a comma-separated list of proxy addresses
 * or CIDR ranges. Trusting everything would let any client pick its own address by sending
 * X-Forwarded-For, which defeats the per-address login limits, so `true` is refused.
 */
export function parseTrustProxy(value: string | undefined): TrustProxy {
  const v = value?.trim() ?? '';
  if (v === '' || v === '0' || v === 'false' || v === 'off') return false;
  if (/^\d+$/.test(v)) return Number(v);
  const entries = v.split(',').map((e) => e.trim());
  const bad = entries.find((e) => !isProxyAddress(e));
  if (bad !== undefined) {
    throw new Error(
      `TRUST_PROXY must be the number of proxies in front of Gutbrain (usually 1) or their addresses (10.0.0.2,10.0.0.3 or 10.0.0.0/24), not "${bad}"`,
    );
  }
  return entries;
}

/** PUBLIC_URL → its origin (`https://gutbrain.example.org`), or undefined when unset. */
export function parsePublicUrl(value: string | undefined): string | undefined {
  const v = value?.trim();
  if (!v) return undefined;
  let url: URL;
  try {
    url = new URL(v);
  } catch {
    throw new Error(
      `PUBLIC_URL must be the address people open, such as https://gutbrain.example.org, not "${v}"`,
    );
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    throw new Error('PUBLIC_URL must start with https:// or http://');
  return url.origin;
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not ${env.PORT}`);
  const databaseUrl = env.DATABASE_URL?.trim() || undefined;
  if (databaseUrl && !/^postgres(ql)?:\/\//.test(databaseUrl)) {
    throw new Error('DATABASE_URL must start with postgres:// or postgresql://');
  }
  const pushSubject = env.GUTBRAIN_PUSH_SUBJECT?.trim() || undefined;
  if (pushSubject && !/^(mailto:|https:\/\/)\S+$/.test(pushSubject)) {
    throw new Error('GUTBRAIN_PUSH_SUBJECT must be a mailto: or https:// address');
  }
  return {
    port,
    host: env.HOST ?? '0.0.0.0',
    dataDir: resolve(env.DATA_DIR ?? './data'),
    databaseUrl,
    trustProxy: parseTrustProxy(env.TRUST_PROXY),
    publicOrigin: parsePublicUrl(env.PUBLIC_URL),
    logLevel: env.LOG_LEVEL ?? 'info',
    webRoot: env.WEB_ROOT ? resolve(env.WEB_ROOT) : join(PROJECT_ROOT, 'dist/web'),
    push: {
      subject: pushSubject,
      allowLoopbackEndpoints:
        env.GUTBRAIN_PUSH_ALLOW_LOOPBACK === '1' || env.GUTBRAIN_PUSH_ALLOW_LOOPBACK === 'true',
    },
  };
}
