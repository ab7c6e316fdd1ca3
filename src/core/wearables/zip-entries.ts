/**
 * The files of a zip archive, one at a time, from a stream of its bytes (fflate's streaming
 * `Unzip`, pure JavaScript): a Google Takeout or Oura export of any size is read without holding
 * more than one wanted file unpacked. Files the reader does not want are passed over without
 * being unpacked.
 *
 * A zip ends with its central directory ("end of central directory" record, signature
 * PK\x05\x06 — APPNOTE.TXT 4.3.16); a download cut short has none, so its absence, or a file
 * whose data stops part-way, is reported as a truncated archive instead of a short import.
 */

import { Unzip, type UnzipFile, UnzipInflate } from 'fflate';
import { TooLargeError } from '../errors.ts';
import { concatBytes } from './byte-stream.ts';
import { ExportFormatError, type ReaderLimits } from './reader-kit.ts';
import type { WearableSource } from './samples.ts';
import { otherExportIn } from './sniff.ts';

export interface ZipEntry {
  /** Path inside the archive: `Takeout/Fitbit/Global Export Data/steps-2024-03-01.json`. */
  name: string;
  bytes: Uint8Array;
}

const LOCAL_HEADER = [0x50, 0x4b, 0x03, 0x04];
const END_OF_CENTRAL_DIRECTORY = [0x50, 0x4b, 0x05, 0x06];
// The end record is 22 bytes plus a comment of at most 65,535.
const TAIL_BYTES = 22 + 65_535;

/** True when the bytes begin like a zip archive. */
export function looksLikeZip(head: Uint8Array): boolean {
  return LOCAL_HEADER.every((b, i) => head[i] === b);
}

const megabytes = (n: number) => `${Math.round(n / 1024 / 1024).toLocaleString('en-GB')} MB`;

/**
 * Yields each wanted file of the archive, whole, in archive order. `want` sees each path; files it
 * declines are skipped unread. Throws ExportFormatError for something that is not a zip or is cut
 * short, TooLargeError past a limit.
 */
export async function* zipEntries(
  chunks: AsyncIterable<Uint8Array>,
  want: (name: string) => boolean,
  limits: Pick<ReaderLimits, 'entryBytes' | 'totalBytes'>,
): AsyncGenerator<ZipEntry> {
  const ready: ZipEntry[] = [];
  const open = new Set<string>();
  let failure: Error | null = null;
  let total = 0;
  const unzip = new Unzip((file: UnzipFile) => {
    if (file.name.endsWith('/') || !want(file.name)) return;
    const parts: Uint8Array[] = [];
    let size = 0;
    open.add(file.name);
    file.ondata = (err, data, final) => {
      if (failure) return;
      if (err) {
        failure = new ExportFormatError(
          `${baseName(file.name)} inside the archive could not be unpacked: the archive may be damaged. Download the export again.`,
        );
        return;
      }
      size += data.length;
      total += data.length;
      if (size > limits.entryBytes) {
        failure = new TooLargeError(
          `${baseName(file.name)} inside the archive is larger than ${megabytes(limits.entryBytes)} unpacked, the most one file may hold.`,
          'file',
        );
        file.terminate();
        return;
      }
      if (total > limits.totalBytes) {
        failure = new TooLargeError(
          `The files read from this archive come to more than ${megabytes(limits.totalBytes)} unpacked, the most one import may hold. Export a shorter period and import it in parts.`,
          'file',
        );
        file.terminate();
        return;
      }
      parts.push(data);
      if (final) {
        open.delete(file.name);
        ready.push({ name: file.name, bytes: concatBytes(parts, size) });
      }
    };
    file.start();
  });
  unzip.register(UnzipInflate);

  let first = true;
  let tail: Uint8Array = new Uint8Array(0);
  const push = (chunk: Uint8Array, final: boolean) => {
    try {
      unzip.push(chunk, final);
    } catch {
      failure ??= new ExportFormatError(
        'The archive could not be unpacked: it may be damaged or cut short. Download the export again.',
      );
    }
  };
  for await (const chunk of chunks) {
    if (chunk.length === 0) continue;
    if (first) {
      first = false;
      if (!looksLikeZip(chunk)) throw new ExportFormatError('This file is not a zip archive.');
    }
    tail = keepTail(tail, chunk);
    push(chunk, false);
    if (failure) throw failure;
    while (ready.length > 0) yield ready.shift() as ZipEntry;
  }
  if (first) throw new ExportFormatError('The file is empty.');
  push(new Uint8Array(0), true);
  if (failure) throw failure;
  while (ready.length > 0) yield ready.shift() as ZipEntry;
  if (open.size > 0 || !hasEndRecord(tail)) {
    throw new ExportFormatError(
      'The archive is cut short (its end is missing): the download may not have finished. Download the export again.',
    );
  }
}

function keepTail(tail: Uint8Array, chunk: Uint8Array): Uint8Array {
  if (chunk.length >= TAIL_BYTES) return chunk.slice(chunk.length - TAIL_BYTES);
  const keep = Math.min(tail.length, TAIL_BYTES - chunk.length);
  const out = new Uint8Array(keep + chunk.length);
  out.set(tail.subarray(tail.length - keep), 0);
  out.set(chunk, keep);
  return out;
}

function hasEndRecord(tail: Uint8Array): boolean {
  for (let i = tail.length - 22; i >= 0; i--) {
    if (END_OF_CENTRAL_DIRECTORY.every((b, k) => tail[i + k] === b)) return true;
  }
  return false;
}

export function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/**
 * The wanted files of an export archive as text (UTF-8), one at a time. When none is wanted the
 * archive is refused: as another export's, if its paths say so, or with `noneWords`.
 */
export async function* exportFileTexts(
  chunks: AsyncIterable<Uint8Array>,
  want: (name: string) => boolean,
  limits: Pick<ReaderLimits, 'entryBytes' | 'totalBytes'>,
  own: { source: WearableSource; words: string; noneWords: string },
): AsyncGenerator<{ name: string; file: string; text: string }> {
  const names: string[] = [];
  let read = 0;
  const decoder = new TextDecoder('utf-8');
  const noting = (name: string) => {
    if (names.length < 50) names.push(name);
    return want(name);
  };
  for await (const entry of zipEntries(chunks, noting, limits)) {
    read++;
    yield { name: entry.name, file: baseName(entry.name), text: decoder.decode(entry.bytes) };
  }
  if (read > 0) return;
  const other = otherExportIn(names, own.source);
  throw new ExportFormatError(
    other ? `This archive is ${other}, not ${own.words}. Choose that kind of import instead.` : own.noneWords,
  );
}
