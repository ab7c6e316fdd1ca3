/**
 * One entry point from a file on disk to the samples of a Fitbit, Oura or Gadgetbridge export:
 * the file is streamed in 64 KB chunks to the zip-reading core readers, or opened as a database
 * for Gadgetbridge. Gadgetbridge's newer "Export zip" (a backup holding `database/Gadgetbridge`,
 * AbstractZipBackupJob.DATABASE_FILENAME) is unpacked to a private temporary file first — a
 * database is read by SQLite from disk, never from memory — and the copy is removed afterwards.
 *
 * @example const read = importableSamples('oura', '/tmp/upload', { timeZone: 'Europe/Oslo', today: '2026-12-06' });
 *          for await (const sample of read.samples) …; read.skipped // once all are taken
 */
import { closeSync, createReadStream, mkdtempSync, openSync, readSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Unzip, UnzipInflate } from 'fflate';
import { TooLargeError } from '../../core/errors.ts';
import { readFitbitTakeout } from '../../core/wearables/fitbit.ts';
import { readOuraExport } from '../../core/wearables/oura.ts';
import { ExportFormatError, type ReadOptions, type WearableRead } from '../../core/wearables/reader-kit.ts';
import {
  type DeviceSample,
  NO_SKIPS,
  type SkippedCounts,
  type WearableSource,
} from '../../core/wearables/samples.ts';
import { describeKind, fileKindOf } from '../../core/wearables/sniff.ts';
import { readGadgetbridgeDb } from '../../store/wearables/gadgetbridge-db.ts';

/** The exports this entry point reads (Apple Health has its own reader). */
export type ReadableSource = Exclude<WearableSource, 'apple-health'>;

/** The largest database a Gadgetbridge backup zip may unpack to. */
const GADGETBRIDGE_DB_BYTES = 2 * 1024 * 1024 * 1024;
const GADGETBRIDGE_DB_ENTRY = 'database/Gadgetbridge';

export function fileChunks(path: string): AsyncIterable<Uint8Array> {
  return createReadStream(path, { highWaterMark: 64 * 1024 }) as AsyncIterable<Uint8Array>;
}

/** The samples of the export at `path`, read as `source`. */
export function importableSamples(source: ReadableSource, path: string, options: ReadOptions): WearableRead {
  if (source === 'fitbit') return readFitbitTakeout(fileChunks(path), options);
  if (source === 'oura') return readOuraExport(fileChunks(path), options);
  const skipped: SkippedCounts = { ...NO_SKIPS };
  return { samples: gadgetbridgeSamples(path, options, skipped), skipped };
}

async function* gadgetbridgeSamples(
  path: string,
  options: ReadOptions,
  skipped: SkippedCounts,
): AsyncGenerator<DeviceSample> {
  const kind = fileKindOf(headOf(path));
  let dbPath = path;
  let tempDir: string | null = null;
  if (kind === 'zip') {
    tempDir = mkdtempSync(join(tmpdir(), 'gutbrain-gadgetbridge-'));
    dbPath = join(tempDir, 'Gadgetbridge.db');
    await unpackEntry(path, GADGETBRIDGE_DB_ENTRY, dbPath).catch((e) => {
      rmSync(tempDir as string, { recursive: true, force: true });
      throw e;
    });
  } else if (kind !== 'sqlite') {
    throw new ExportFormatError(
      `This file is ${describeKind(kind)}, not a Gadgetbridge export. In Gadgetbridge, use Data management → Export DB (or Export zip) and choose the file it writes.`,
    );
  }
  try {
    const read = readGadgetbridgeDb(dbPath, options);
    try {
      yield* read.samples;
    } finally {
      Object.assign(skipped, read.skipped);
    }
  } finally {
    if (tempDir) rmSync(tempDir, { recursive: true, force: true });
  }
}

function headOf(path: string): Uint8Array {
  const fd = openSync(path, 'r');
  try {
    const head = new Uint8Array(64);
    const n = readSync(fd, head, 0, head.length, 0);
    return head.subarray(0, n);
  } finally {
    closeSync(fd);
  }
}

/** Streams one entry of the zip at `zipPath` into `target` (created 0600); refuses a missing or oversized entry. */
async function unpackEntry(zipPath: string, entry: string, target: string): Promise<void> {
  const fd = openSync(target, 'w', 0o600);
  let found = false;
  let done = false;
  let size = 0;
  let failure: Error | null = null;
  try {
    const unzip = new Unzip((file) => {
      if (file.name !== entry) return;
      found = true;
      file.ondata = (err, data, final) => {
        if (failure) return;
        if (err) {
          failure = new ExportFormatError(
            'The database inside the zip could not be unpacked: the zip may be damaged. Export it again.',
          );
          return;
        }
        size += data.length;
        if (size > GADGETBRIDGE_DB_BYTES) {
          failure = new TooLargeError(
            'The database inside this zip is larger than 2 GB, the most an import may read.',
            'file',
          );
          file.terminate();
          return;
        }
        writeSync(fd, data);
        if (final) done = true;
      };
      file.start();
    });
    unzip.register(UnzipInflate);
    for await (const chunk of fileChunks(zipPath)) {
      try {
        unzip.push(chunk);
      } catch {
        failure ??= new ExportFormatError(
          'The zip could not be unpacked: it may be damaged or cut short. Export it again.',
        );
      }
      if (failure) throw failure;
    }
    unzip.push(new Uint8Array(0), true);
    if (failure) throw failure;
  } finally {
    closeSync(fd);
  }
  if (!found) {
    throw new ExportFormatError(
      `This zip has no Gadgetbridge database (${entry}). Export it from Gadgetbridge with Data management → Export zip or Export DB.`,
    );
  }
  if (!done)
    throw new ExportFormatError('The zip is cut short: its database stops part-way. Export it again.');
}
