/**
 * Configuration from the environment: PORT, HOST, DATA_DIR, DATABASE_URL, TRUST_PROXY, LOG_LEVEL,
 * WEB_ROOT (the built web app; default dist/web),
 * and for Web Push GUTBRAIN_PUSH_SUBJECT (mailto: or https:) and GUTBRAIN_PUSH_ALLOW_LOOPBACK
 * (1 = accept push endpoints on this machine; for tests and development only).
 */
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface ServerConfig {
  port: number;
  host: string;
  dataDir: string;
  databaseUrl?: string;
  trustProxy: boolean;
  logLevel: string;
  webRoot: string;
  push: { subject?: string; allowLoopbackEndpoints: boolean };
}

export const PROJECT_ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

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
    trustProxy: env.TRUST_PROXY === '1' || env.TRUST_PROXY === 'true',
    logLevel: env.LOG_LEVEL ?? 'info',
    webRoot: env.WEB_ROOT ? resolve(env.WEB_ROOT) : join(PROJECT_ROOT, 'dist/web'),
    push: {
      subject: pushSubject,
      allowLoopbackEndpoints:
        env.GUTBRAIN_PUSH_ALLOW_LOOPBACK === '1' || env.GUTBRAIN_PUSH_ALLOW_LOOPBACK === 'true',
    },
  };
}
