/**
 * Node-only adapter shared by the CLI and the upload worker (core stays free of Node): streams a report
 * from a file or an HTTP body through `ReportParser` chunk by chunk, and opens BIOM 2.1 (HDF5) files
 * with h5wasm, which needs a real file, so an uploaded HDF5 body is spooled to a private temp file.
 */
import { createReadStream, createWriteStream } from 'node:fs';
import { mkdtemp, open, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { type Hdf5Reader, tableFromBiom2 } from '../../core/microbiome/biom.ts';
import { isHdf5, type ParsedReport, type ReportOptions, ReportParser } from '../../core/microbiome/read.ts';
import { ProfileFormatError } from '../../core/microbiome/types.ts';

export type Progress = (bytesRead: number) => void;

/** Thrown when a stream passes `maxBytes`; the server answers 413. */
export class ReportTooLargeError extends Error {
  constructor(readonly maxBytes: number) {
    super(`The file is larger than ${Math.round(maxBytes / 1024 / 1024)} MB.`);
  }
}

/** Reads a BIOM 2.1 file from disk. */
export async function readBiom2File(path: string, options: ReportOptions = {}): Promise<ParsedReport> {
  // Loaded on first use: the HDF5 runtime reserves hundreds of MB, which a server that never sees a
  // BIOM 2.1 upload should not pay for.
  const { default: h5wasm } = await import('h5wasm/node');
  await h5wasm.ready;
  let file: InstanceType<typeof h5wasm.File>;
  try {
    file = new h5wasm.File(path, 'r');
  } catch {
    throw new ProfileFormatError('the HDF5 file could not be opened (is it complete?)');
  }
  try {
    const reader: Hdf5Reader = {
      declared(p) {
        const d = file.get(p);
        if (!d || !(d instanceof h5wasm.Dataset)) return null;
        // Header only: metadata holds the declared shape and element size, no values are read.
        const meta = d.metadata;
        return { shape: meta.shape ?? [], elementBytes: meta.size };
      },
      dataset(p) {
        const d = file.get(p);
        if (!d || !(d instanceof h5wasm.Dataset)) return null;
        const value = d.value;
        if (value === null || typeof value !== 'object' || !('length' in value)) return null;
        return { value: value as ArrayLike<unknown>, shape: d.shape ?? [] };
      },
    };
    return { kind: 'taxa', table: tableFromBiom2(reader, options.rank ?? 'genus') };
  } finally {
    file.close();
  }
}

/** Reads any supported report from a file path, reporting progress in bytes. */
export async function readReportFile(
  path: string,
  options: ReportOptions = {},
  onProgress?: Progress,
): Promise<ParsedReport> {
  const handle = await open(path, 'r');
  const head = new Uint8Array(8);
  await handle.read(head, 0, 8, 0);
  await handle.close();
  if (isHdf5(head)) return readBiom2File(path, options);
  return readReportStream(createReadStream(path, { highWaterMark: 1 << 20 }), options, onProgress);
}

/**
 * Reads a report from a byte stream (an upload). Text formats are parsed as they arrive; HDF5 is
 * spooled to a temp file first. `maxBytes` stops the read early with `ReportTooLargeError`.
 */
export async function readReportStream(
  stream: AsyncIterable<Uint8Array | string>,
  options: ReportOptions = {},
  onProgress?: Progress,
  maxBytes = Number.POSITIVE_INFINITY,
): Promise<ParsedReport> {
  const iterator = stream[Symbol.asyncIterator]();
  const first = await iterator.next();
  if (first.done) throw new ProfileFormatError('the file is empty');
  const chunk0 = typeof first.value === 'string' ? Buffer.from(first.value) : first.value;
  let bytes = 0;
  const count = (c: Uint8Array) => {
    bytes += c.length;
    if (bytes > maxBytes) throw new ReportTooLargeError(maxBytes);
    onProgress?.(bytes);
  };
  const rest = {
    async *[Symbol.asyncIterator]() {
      for (;;) {
        const n = await iterator.next();
        if (n.done) return;
        yield typeof n.value === 'string' ? Buffer.from(n.value) : n.value;
      }
    },
  };
  if (isHdf5(chunk0)) {
    const dir = await mkdtemp(join(tmpdir(), 'gutbrain-biom-'));
    const path = join(dir, 'table.biom');
    try {
      await pipeline(
        (async function* () {
          count(chunk0);
          yield chunk0;
          for await (const c of rest) {
            count(c);
            yield c;
          }
        })(),
        createWriteStream(path, { mode: 0o600 }),
      );
      return await readBiom2File(path, options);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  }
  const parser = new ReportParser(options);
  count(chunk0);
  parser.push(chunk0);
  for await (const c of rest) {
    count(c);
    parser.push(c);
  }
  return parser.finish();
}
