/**
 * Server-side sessions. The cookie holds 256 random bits; the database holds only their SHA-256,
 * with a CSRF token, an idle deadline (last_seen_at + idle) and an absolute one (expires_at).
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database, SessionTable } from './schema.ts';

export interface SessionPolicy {
  idleMs: number;
  absoluteMs: number;
}

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 7 * 24 * 3600_000,
  absoluteMs: 30 * 24 * 3600_000,
};

export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export interface NewSession {
  token: string;
  csrfToken: string;
}

export async function createSession(
  db: Kysely<Database>,
  personId: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<NewSession> {
  const token = randomBytes(32).toString('base64url');
  const csrfToken = randomBytes(32).toString('base64url');
  await db
    .insertInto('session')
    .values({
      id_hash: hashToken(token),
      person_id: personId,
      csrf_token: csrfToken,
      created_at: now.toISOString(),
      last_seen_at: now.toISOString(),
      expires_at: new Date(now.getTime() + policy.absoluteMs).toISOString(),
    })
    .execute();
  return { token, csrfToken };
}

/** The live session for a cookie value, or undefined (and the row removed) once it has expired. */
export async function findLiveSession(
  db: Kysely<Database>,
  token: string,
  policy: SessionPolicy,
  now = new Date(),
): Promise<SessionTable | undefined> {
  const idHash = hashToken(token);
  const row = await db.selectFrom('session').selectAll().where('id_hash', '=', idHash).executeTakeFirst();
  if (!row) return undefined;
  const idleDeadline = new Date(row.last_seen_at).getTime() + policy.idleMs;
  if (now.toISOString() >= row.expires_at || now.getTime() >= idleDeadline) {
    await db.deleteFrom('session').where('id_hash', '=', idHash).execute();
    return undefined;
  }
  // Touch at most once a minute: idle expiry needs no finer grain, and reads stay reads.
  if (now.getTime() - new Date(row.last_seen_at).getTime() > 60_000) {
    await db
      .updateTable('session')
      .set({ last_seen_at: now.toISOString() })
      .where('id_hash', '=', idHash)
      .execute();
  }
  return row;
}

export async function deleteSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('session').where('id_hash', '=', hashToken(token)).execute();
}

/** Ends every session of a person (password change, account deletion). */
export async function deleteSessionsOf(db: Kysely<Database>, personId: string): Promise<void> {
  await db.deleteFrom('session').where('person_id', '=', personId).execute();
}
