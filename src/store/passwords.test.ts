import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { verify } from '@node-rs/argon2';
import { describe, expect, it } from 'vitest';
import { openStore } from './open.ts';
import { hashPassword, OWASP_PASSWORD_HASHING } from './passwords.ts';

// OWASP Password Storage Cheat Sheet, argon2id: "a minimum configuration of 19 MiB of memory, an
// iteration count of 2, and 1 degree of parallelism". 19 MiB = 19 × 1024 KiB = 19,456 KiB.
const OWASP_PHC_PREFIX = '$argon2id$v=19$m=19456,t=2,p=1$';

describe('password hashing', () => {
  it("defaults to OWASP's argon2id baseline: 19 MiB, 2 iterations, 1 lane", () => {
    expect(OWASP_PASSWORD_HASHING).toEqual({ memoryCost: 19 * 1024, timeCost: 2, parallelism: 1 });
  });

  it('a store opened without a setting (as `gutbrain serve` and `gutbrain demo` do) hashes at that cost', async () => {
    const store = await openStore({ sqliteFile: join(mkdtempSync(join(tmpdir(), 'gutbrain-pw-')), 'g.db') });
    try {
      expect(store.passwordHashing).toEqual(OWASP_PASSWORD_HASHING);
      const stored = await hashPassword('correct horse battery', store.passwordHashing);
      expect(stored.startsWith(OWASP_PHC_PREFIX)).toBe(true);
      expect(await verify(stored, 'correct horse battery')).toBe(true);
      expect(await verify(stored, 'correct horse battery!')).toBe(false);
    } finally {
      await store.close();
    }
  });

  it('a cheaper cost is written into the hash, so verifying needs no setting', async () => {
    const stored = await hashPassword('correct horse battery', {
      memoryCost: 8,
      timeCost: 1,
      parallelism: 1,
    });
    expect(stored.startsWith('$argon2id$v=19$m=8,t=1,p=1$')).toBe(true);
    expect(await verify(stored, 'correct horse battery')).toBe(true);
  });
});
