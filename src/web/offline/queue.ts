/**
 * The browser's offline queue: writes that could not reach the server wait in localStorage and are
 * sent, in order, when the connection comes back. Only this person's writes are sent, each with
 * its client id, so a write that reached the server just before the connection dropped is answered
 * with the same row instead of being saved twice.
 *
 * @example const r = await sendOrQueue(person.id, { method: 'PUT', path, body, key, label });
 *          if (r.queued) showSavedOffline();
 */
import { useSyncExternalStore } from 'react';
import { ApiError, api } from '../api.ts';
import { newClientId, type PendingWrite, parseQueue, withoutWrite, withWrite, writesOf } from './pending.ts';

const STORAGE_KEY = 'gutbrain.pending-writes';
const listeners = new Set<() => void>();
let cached: { text: string | null; queue: PendingWrite[] } = { text: null, queue: [] };

function read(): PendingWrite[] {
  const text = localStorage.getItem(STORAGE_KEY);
  if (text !== cached.text) cached = { text, queue: parseQueue(text) };
  return cached.queue;
}

function write(queue: PendingWrite[]): void {
  if (queue.length === 0) localStorage.removeItem(STORAGE_KEY);
  else localStorage.setItem(STORAGE_KEY, JSON.stringify(queue));
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  // Another tab's queue changes arrive as storage events.
  const onStorage = (e: StorageEvent) => {
    if (e.key === STORAGE_KEY) listener();
  };
  window.addEventListener('storage', onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener('storage', onStorage);
  };
}

/** The person's waiting writes, kept up to date (for the pending count and list). */
export function usePendingWrites(personId: string | undefined): PendingWrite[] {
  const queue = useSyncExternalStore(subscribe, read, () => cached.queue);
  return personId ? writesOf(queue, personId) : [];
}

/** Without a key, each write stands alone (a food entry); with one, a later write replaces it. */
export type WriteRequest = Pick<PendingWrite, 'method' | 'path' | 'body' | 'label'> & { key?: string };

export type WriteOutcome<T> = { queued: false; answer: T } | { queued: true; write: PendingWrite };

/**
 * Sends a write now; without a connection, queues it and answers `{ queued: true }`. POST bodies
 * carry `clientId` so the server can recognise a repeat; PUTs are idempotent by their path.
 */
export async function sendOrQueue<T>(personId: string, req: WriteRequest): Promise<WriteOutcome<T>> {
  const id = newClientId();
  const body = req.method === 'POST' ? { ...req.body, clientId: id } : req.body;
  const key = req.key ?? id;
  const pending: PendingWrite = { ...req, key, body, id, personId, queuedAt: new Date().toISOString() };
  // A newer write of the same thing supersedes a queued one whether or not it goes through now.
  write(withoutWrite(read(), writesOf(read(), personId).find((w) => w.key === key)?.id ?? ''));
  try {
    return { queued: false, answer: await api.send<T>(req.method, req.path, body) };
  } catch (e) {
    if (e instanceof ApiError && e.status === 0) {
      write(withWrite(read(), pending));
      return { queued: true, write: pending };
    }
    throw e;
  }
}

export interface SyncResult {
  sent: number;
  /** Writes the server refused (a 4xx other than 401): dropped, with the server's message. */
  refused: { label: string; message: string }[];
  /** Answers the server gave, e.g. a check-in answer carrying `support`. */
  answers: unknown[];
}

let syncing: Promise<SyncResult> | null = null;

/**
 * Sends the person's waiting writes in order; stops at the first one that cannot reach the server
 * (still offline) or needs a new login. One sync at a time. Call it once the session (and so the
 * CSRF token) has been fetched again.
 */
export function syncPendingWrites(personId: string): Promise<SyncResult> {
  if (syncing) return syncing;
  syncing = (async () => {
    const result: SyncResult = { sent: 0, refused: [], answers: [] };
    for (const w of writesOf(read(), personId)) {
      try {
        result.answers.push(await api.send<unknown>(w.method, w.path, w.body));
        result.sent += 1;
      } catch (e) {
        // Kept for later: no connection, a login or fresh CSRF token needed, or a server fault.
        if (!(e instanceof ApiError) || e.status === 0 || e.status === 401 || e.code === 'csrf') break;
        if (e.status >= 500) break;
        result.refused.push({ label: w.label, message: e.message });
      }
      write(withoutWrite(read(), w.id));
    }
    return result;
  })().finally(() => {
    syncing = null;
  });
  return syncing;
}

/** The newest queued body for a key (a check-in saved offline shows again after a reload). */
export function pendingBody(personId: string, key: string): Record<string, unknown> | undefined {
  return writesOf(read(), personId).find((w) => w.key === key)?.body;
}
