/**
 * The offline queue's rules as pure functions over a list (no storage, no network), so they are
 * tested in milliseconds: a write made without a connection waits in order; a later write to the
 * same thing (the same day's check-in) replaces the earlier one instead of queueing twice; only the
 * signed-in person's writes are ever sent.
 */

export interface PendingWrite {
  /** Client-generated id, sent as `clientId` so the server answers the same row on a retry. */
  id: string;
  personId: string;
  method: 'PUT' | 'POST';
  path: string;
  body: Record<string, unknown>;
  /** Writes with the same key replace each other (a PUT per date is one write, however often saved). */
  key: string;
  /** What the person sees in the pending list, e.g. "Check-in · Mon 9 Mar". */
  label: string;
  queuedAt: string;
}

/** Adds a write at the end, dropping an earlier write of the same person with the same key. */
export function withWrite(queue: readonly PendingWrite[], write: PendingWrite): PendingWrite[] {
  return [...queue.filter((w) => !(w.personId === write.personId && w.key === write.key)), write];
}

/** The person's writes, oldest first (the order they are sent in). */
export function writesOf(queue: readonly PendingWrite[], personId: string): PendingWrite[] {
  return queue.filter((w) => w.personId === personId);
}

export function withoutWrite(queue: readonly PendingWrite[], id: string): PendingWrite[] {
  return queue.filter((w) => w.id !== id);
}

/** Reads a stored queue, keeping only well-formed entries (storage can hold anything). */
export function parseQueue(text: string | null): PendingWrite[] {
  if (!text) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  return raw.filter(
    (w): w is PendingWrite =>
      typeof w === 'object' &&
      w !== null &&
      typeof w.id === 'string' &&
      typeof w.personId === 'string' &&
      (w.method === 'PUT' || w.method === 'POST') &&
      typeof w.path === 'string' &&
      w.path.startsWith('/api/') &&
      typeof w.body === 'object' &&
      w.body !== null &&
      typeof w.key === 'string' &&
      typeof w.label === 'string' &&
      typeof w.queuedAt === 'string',
  );
}

/** A random (version 4) UUID, also where `crypto.randomUUID` is missing (plain http on a LAN). */
export function newClientId(
  random: (bytes: Uint8Array<ArrayBuffer>) => Uint8Array = (b) => crypto.getRandomValues(b),
): string {
  const b = random(new Uint8Array(16));
  b[6] = ((b[6] ?? 0) & 0x0f) | 0x40;
  b[8] = ((b[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
