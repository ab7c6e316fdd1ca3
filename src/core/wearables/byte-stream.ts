/**
 * Small tools for a file arriving as a stream of byte chunks: a look at its first bytes without
 * losing them, and the whole of a small file (within a limit) for formats that cannot be read in
 * pieces, such as one JSON document.
 */
import { TooLargeError } from '../errors.ts';

/** The first chunk (empty for an empty file) and a stream that still yields every byte. */
export async function peekHead(
  chunks: AsyncIterable<Uint8Array>,
): Promise<{ head: Uint8Array; all: AsyncIterable<Uint8Array> }> {
  const it = chunks[Symbol.asyncIterator]();
  let first = await it.next();
  while (!first.done && first.value.length === 0) first = await it.next();
  const head = first.done ? new Uint8Array(0) : first.value;
  async function* all(): AsyncGenerator<Uint8Array> {
    if (head.length > 0) yield head;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  }
  return { head, all: all() };
}

/** Every byte, refused past `limit` (with `what` naming the file in the message). */
export async function wholeFile(
  chunks: AsyncIterable<Uint8Array>,
  limit: number,
  what: string,
): Promise<Uint8Array> {
  const parts: Uint8Array[] = [];
  let size = 0;
  for await (const chunk of chunks) {
    size += chunk.length;
    if (size > limit) {
      throw new TooLargeError(
        `${what} is larger than ${Math.round(limit / 1024 / 1024)} MB, the most this kind of file may hold.`,
        'file',
      );
    }
    parts.push(chunk);
  }
  return concatBytes(parts, size);
}

/** The parts as one array (`size` is their total length). */
export function concatBytes(parts: readonly Uint8Array[], size: number): Uint8Array {
  if (parts.length === 1) return parts[0] as Uint8Array;
  const out = new Uint8Array(size);
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}
