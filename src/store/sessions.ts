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
  /**
   * How long a server process answers from its own cache before reading a session again: the most
   * a session ended in another process (`gutbrain serve --workers N`, or several servers on one
   * PostgreSQL) can live on here. 0 reads the database on every request. Default 2 s.
   */
  cacheMs?: number;
}

/** See SessionPolicy.cacheMs; README "Security" states it. */
export const SESSION_CACHE_MS = 2000;

export const DEFAULT_SESSION_POLICY: SessionPolicy = {
  idleMs: 7 * 24 * 3600_000,
  absoluteMs: 30 * 24 * 3600_000,
  cacheMs: SESSION_CACHE_MS,
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

/**
 * Live sessions a server process read lately, so most requests need no query. An entry is trusted
 * for at most `cacheMs` (by the app's clock) after it was read from the database; a session ended
 * in ANOTHER process (logout, password change, account deletion there) is therefore refused here
 * at most `cacheMs` later. One ended in this process is forgotten by every cache at once
 * (deleteSession, deleteSessionsOf, forgetSessionsOf), and for `cacheMs` afterwards nothing of that
 * session or person is cached again — so a lookup that read the row just before it was deleted, or
 * a deletion whose transaction has not committed yet, cannot put it back.
 * The idle and absolute limits are checked on every request, cached or not.
 *
 * @example const cache = new SessionCache(2000); await findLiveSession(db, token, policy, now, cache);
 */
export class SessionCache {
  readonly #rows = new Map<string, { row: SessionTable; readAt: number }>();
  /** id hashes and person ids ended lately → until when nothing of them is cached. */
  readonly #ended = new Map<string, number>();

  constructor(
    readonly cacheMs: number,
    readonly maxEntries = 10_000,
  ) {
    if (cacheMs > 0) liveCaches.add(this);
  }

  get(idHash: string, nowMs: number): SessionTable | undefined {
    const hit = this.#rows.get(idHash);
    if (!hit) return undefined;
    const age = nowMs - hit.readAt;
    if (age >= 0 && age < this.cacheMs) return hit.row;
    this.#rows.delete(idHash);
    return undefined;
  }

  put(idHash: string, row: SessionTable, nowMs: number, readAt = nowMs): void {
    if (this.cacheMs <= 0 || this.#isEnded(idHash, nowMs) || this.#isEnded(row.person_id, nowMs)) return;
    if (this.#rows.size >= this.maxEntries) this.#rows.clear();
    this.#rows.set(idHash, { row, readAt });
  }

  /** Forgets one session, and keeps it out of the cache for `cacheMs`. */
  forget(idHash: string, nowMs: number): void {
    this.#rows.delete(idHash);
    this.#end(idHash, nowMs);
  }

  /** Forgets every session of a person, and keeps them out of the cache for `cacheMs`. */
  forgetPerson(personId: string, nowMs: number): void {
    for (const [k, v] of this.#rows) if (v.row.person_id === personId) this.#rows.delete(k);
    this.#end(personId, nowMs);
  }

  /** Stops caching (the app closes). */
  close(): void {
    liveCaches.delete(this);
    this.#rows.clear();
    this.#ended.clear();
  }

  #end(key: string, nowMs: number): void {
    if (this.#ended.size >= this.maxEntries) {
      for (const [k, until] of this.#ended) if (until <= nowMs) this.#ended.delete(k);
      if (this.#ended.size >= this.maxEntries) this.#ended.clear();
    }
    // Wall-clock time as well as the app's: a test's frozen clock must not keep a tombstone forever.
    this.#ended.set(key, Math.max(nowMs, Date.now()) + this.cacheMs);
  }

  #isEnded(key: string, nowMs: number): boolean {
    const until = this.#ended.get(key);
    if (until === undefined) return false;
    if (until > nowMs && until > Date.now()) return true;
    this.#ended.delete(key);
    return false;
  }
}

/** Every cache of this process: an ending session is forgotten by all of them. */
const liveCaches = new Set<SessionCache>();

/** Tells every session cache of this process that a person's sessions ended (password change, deletion). */
export function forgetSessionsOf(personId: string, now = new Date()): void {
  for (const c of liveCaches) c.forgetPerson(personId, now.getTime());
}

/** True while a session row is within its idle and absolute limits at `now`. */
function isLive(row: SessionTable, policy: SessionPolicy, now: Date): boolean {
  const idleDeadline = new Date(row.last_seen_at).getTime() + policy.idleMs;
  return now.toISOString() < row.expires_at && now.getTime() < idleDeadline;
}

/**
 * The live session for a cookie value, or undefined (and the row removed) once it has expired.
 * With a cache, a session read within the cache's bound is answered without a query.
 */
export async function findLiveSession(
  db: Kysely<Database>,
  token: string,
  policy: SessionPolicy,
  now = new Date(),
  cache?: SessionCache,
): Promise<SessionTable | undefined> {
  const idHash = hashToken(token);
  const nowMs = now.getTime();
  const cached = cache?.get(idHash, nowMs);
  const row =
    cached ?? (await db.selectFrom('session').selectAll().where('id_hash', '=', idHash).executeTakeFirst());
  if (!row) return undefined;
  if (!isLive(row, policy, now)) {
    await db.deleteFrom('session').where('id_hash', '=', idHash).execute();
    forgetSession(idHash, now);
    return undefined;
  }
  // Touch at most once a minute: idle expiry needs no finer grain, and reads stay reads.
  if (nowMs - new Date(row.last_seen_at).getTime() > 60_000) {
    const touched = await db
      .updateTable('session')
      .set({ last_seen_at: now.toISOString() })
      .where('id_hash', '=', idHash)
      .executeTakeFirst();
    // Nothing touched: another process ended the session since this one cached it.
    if (Number(touched.numUpdatedRows) === 0) {
      forgetSession(idHash, now);
      return undefined;
    }
    const fresh = { ...row, last_seen_at: now.toISOString() };
    cache?.put(idHash, fresh, nowMs);
    return fresh;
  }
  if (!cached) cache?.put(idHash, row, nowMs);
  return row;
}

function forgetSession(idHash: string, now: Date): void {
  for (const c of liveCaches) c.forget(idHash, now.getTime());
}

export async function deleteSession(db: Kysely<Database>, token: string, now = new Date()): Promise<void> {
  const idHash = hashToken(token);
  forgetSession(idHash, now);
  await db.deleteFrom('session').where('id_hash', '=', idHash).execute();
  forgetSession(idHash, now);
}

/** Ends every session of a person (password change, account deletion). */
export async function deleteSessionsOf(
  db: Kysely<Database>,
  personId: string,
  now = new Date(),
): Promise<void> {
  forgetSessionsOf(personId, now);
  await db.deleteFrom('session').where('person_id', '=', personId).execute();
  forgetSessionsOf(personId, now);
}
