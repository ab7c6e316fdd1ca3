/**
 * A Web Push service for tests, and a browser's side of a subscription, with nothing mocked:
 * - `startPushService()`: an HTTPS server on 127.0.0.1 with a self-signed certificate made by
 *   openssl, recording every POST and answering 201 (or what the test sets per path);
 * - `browserSubscription()`: a P-256 key pair and a 16-byte auth secret made as a browser makes
 *   them, and the decryption of an aes128gcm message (RFC 8188, RFC 8291) written here with
 *   node:crypto, independent of the web-push package that encrypts;
 * - `readVapid()`: checks the VAPID Authorization header (RFC 8292): an ES256 JWT verified with the
 *   key in `k=`.
 *
 * @example const service = await startPushService(); const device = browserSubscription(`${service.url}/d/1`);
 */
import { execFileSync } from 'node:child_process';
import { createDecipheriv, createECDH, createPublicKey, hkdfSync, randomBytes, verify } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:https';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ReceivedPush {
  path: string;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
}

export interface PushServiceForTests {
  /** https://127.0.0.1:PORT */
  url: string;
  /** The self-signed certificate (PEM): the server must be told to trust it. */
  ca: string;
  received: ReceivedPush[];
  /** Answer this status to pushes for `path` from now on (default 201). */
  answer(path: string, status: number): void;
  close(): Promise<void>;
}

export async function startPushService(): Promise<PushServiceForTests> {
  const dir = mkdtempSync(join(tmpdir(), 'gutbrain-push-'));
  execFileSync(
    'openssl',
    [
      'req',
      '-x509',
      '-newkey',
      'ec',
      '-pkeyopt',
      'ec_paramgen_curve:prime256v1',
      '-nodes',
      '-keyout',
      join(dir, 'key.pem'),
      '-out',
      join(dir, 'cert.pem'),
      '-days',
      '1',
      '-subj',
      '/CN=127.0.0.1',
      '-addext',
      'subjectAltName=IP:127.0.0.1',
    ],
    { stdio: 'ignore' },
  );
  const key = readFileSync(join(dir, 'key.pem'));
  const cert = readFileSync(join(dir, 'cert.pem'), 'utf8');
  rmSync(dir, { recursive: true, force: true });
  const received: ReceivedPush[] = [];
  const statuses = new Map<string, number>();
  const server = createServer({ key, cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const path = req.url ?? '';
      if (req.method === 'POST') received.push({ path, headers: req.headers, body: Buffer.concat(chunks) });
      res.writeHead(statuses.get(path) ?? 201).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `https://127.0.0.1:${port}`,
    ca: cert,
    received,
    answer: (path, status) => statuses.set(path, status),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface BrowserSubscription {
  /** What PushSubscription.toJSON() gives the page. */
  json: { endpoint: string; expirationTime: null; keys: { p256dh: string; auth: string } };
  /** The plaintext of an aes128gcm push body sent to this subscription. */
  decrypt(body: Buffer): string;
}

const hkdf = (ikm: Buffer, salt: Buffer, info: Buffer, length: number) =>
  Buffer.from(hkdfSync('sha256', ikm, salt, info, length));

export function browserSubscription(endpoint: string): BrowserSubscription {
  const ecdh = createECDH('prime256v1');
  const uaPublic = ecdh.generateKeys();
  const authSecret = randomBytes(16);
  return {
    json: {
      endpoint,
      expirationTime: null,
      keys: { p256dh: uaPublic.toString('base64url'), auth: authSecret.toString('base64url') },
    },
    decrypt(body) {
      // RFC 8188 §2.1 header: salt (16) | record size (4) | key id length (1) | key id.
      const salt = body.subarray(0, 16);
      const recordSize = body.readUInt32BE(16);
      const idLength = body[20] ?? 0;
      // RFC 8291 §4: the key id is the application server's ephemeral public key.
      const asPublic = body.subarray(21, 21 + idLength);
      const record = body.subarray(21 + idLength);
      if (idLength !== 65) throw new Error(`key id of ${idLength} bytes, not a P-256 public key`);
      if (record.length > recordSize) throw new Error('more than one record: a push is one');
      // RFC 8291 §3.3–3.4: IKM from the ECDH secret and the auth secret, then CEK and nonce.
      const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), uaPublic, asPublic]);
      const ikm = hkdf(ecdh.computeSecret(asPublic), authSecret, keyInfo, 32);
      const cek = hkdf(ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16);
      const nonce = hkdf(ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12);
      const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
      decipher.setAuthTag(record.subarray(-16));
      const padded = Buffer.concat([decipher.update(record.subarray(0, -16)), decipher.final()]);
      // RFC 8188 §2: the last record ends with the delimiter 0x02, then zero padding.
      let end = padded.length - 1;
      while (end >= 0 && padded[end] === 0) end -= 1;
      if (padded[end] !== 2) throw new Error('no last-record delimiter');
      return padded.subarray(0, end).toString('utf8');
    },
  };
}

export interface VapidClaims {
  aud: string;
  exp: number;
  sub: string;
  /** The application server's public key from `k=` (base64url). */
  publicKey: string;
}

/** Reads and verifies `Authorization: vapid t=<JWT>, k=<key>`; throws when the signature is wrong. */
export function readVapid(authorization: string | undefined): VapidClaims {
  const m = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(authorization ?? '');
  if (!m?.[1] || !m[2]) throw new Error(`not a VAPID header: ${authorization}`);
  const [header, payload, signature] = m[1].split('.') as [string, string, string];
  const point = Buffer.from(m[2], 'base64url');
  const key = createPublicKey({
    key: {
      kty: 'EC',
      crv: 'P-256',
      x: point.subarray(1, 33).toString('base64url'),
      y: point.subarray(33, 65).toString('base64url'),
    },
    format: 'jwk',
  });
  const alg = JSON.parse(Buffer.from(header, 'base64url').toString()).alg;
  if (alg !== 'ES256') throw new Error(`JWT signed with ${alg}, not ES256`);
  // JWS ES256 signatures are r || s (IEEE P1363), not DER.
  const ok = verify(
    'sha256',
    Buffer.from(`${header}.${payload}`),
    { key, dsaEncoding: 'ieee-p1363' },
    Buffer.from(signature, 'base64url'),
  );
  if (!ok) throw new Error('the VAPID JWT signature does not verify');
  return { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), publicKey: m[2] };
}
