import { describe, expect, it } from 'vitest';
import { urlBase64ToUint8Array } from './push.ts';

describe('urlBase64ToUint8Array', () => {
  it('decodes the RFC 4648 test vectors, with or without padding', () => {
    // RFC 4648 §10: BASE64("foob") = "Zm9vYg==", BASE64("fooba") = "Zm9vYmE=", BASE64("foobar") = "Zm9vYmFy".
    const text = (s: string) => new TextDecoder().decode(urlBase64ToUint8Array(s));
    expect(text('')).toBe('');
    expect(text('Zm9vYg')).toBe('foob');
    expect(text('Zm9vYg==')).toBe('foob');
    expect(text('Zm9vYmE')).toBe('fooba');
    expect(text('Zm9vYmFy')).toBe('foobar');
  });

  it('reads the URL-safe alphabet: - and _ stand for + and /', () => {
    // RFC 4648 §5: 0xfb 0xff is "+/8=" in base64, "-_8" in base64url.
    expect([...urlBase64ToUint8Array('-_8')]).toEqual([0xfb, 0xff]);
    expect([...urlBase64ToUint8Array('_-8A')]).toEqual([0xff, 0xef, 0x00]);
  });

  it('turns a VAPID public key into its 65 bytes, an uncompressed P-256 point', () => {
    const key = 'BCpDPhuma5iJGUC0U7r3UGMgtEK-lVUR6Ui6swOfnQnaFTu3YNFfrgUeVTYqs-jQ6di680C5_vlsReQzGwXtCAY';
    const bytes = urlBase64ToUint8Array(key);
    expect(bytes).toHaveLength(65);
    expect(bytes[0]).toBe(0x04);
    expect([...bytes]).toEqual([...Buffer.from(key, 'base64url')]);
  });
});
