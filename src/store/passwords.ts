/**
 * How passwords are hashed: argon2id. The cost is a setting of the store (production: OWASP's
 * baseline) so the test helpers can open stores with a cheap cost; nothing else ever lowers it.
 * A hash carries its own parameters (`$argon2id$v=19$m=…,t=…,p=…$`), so verifying needs no setting.
 *
 * @example const passwordHash = await hashPassword('correct horse battery', store.passwordHashing);
 */
import { hash } from '@node-rs/argon2';

/** argon2id cost: memory in KiB, iterations, lanes. */
export interface PasswordHashing {
  memoryCost: number;
  timeCost: number;
  parallelism: number;
}

/**
 * OWASP Password Storage Cheat Sheet, argon2id minimum: 19 MiB of memory, 2 iterations, 1 lane
 * (https://cheatsheetseries.owasp.org/cheatsheets/Password_Storage_Cheat_Sheet.html#argon2id).
 */
export const OWASP_PASSWORD_HASHING: PasswordHashing = Object.freeze({
  memoryCost: 19_456,
  timeCost: 2,
  parallelism: 1,
});

export function hashPassword(password: string, cost: PasswordHashing): Promise<string> {
  return hash(password, { algorithm: 2 /* Algorithm.Argon2id, a const enum */, ...cost });
}
