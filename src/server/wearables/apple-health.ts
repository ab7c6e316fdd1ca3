/**
 * Reads an Apple Health export from disk: the `export.zip` the Health app shares (its
 * `apple_health_export/export.xml` entry, inflated as a stream by yauzl, which finds entries from
 * the zip's central directory and so notices a cut-short file before reading a byte), or the
 * `export.xml` itself. The XML is decoded and scanned chunk by chunk (core's ExportXmlReader):
 * memory stays flat however large the file.
 */
import { open } from 'node:fs/promises';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import { TooLargeError, ValidationError } from '../../core/errors.ts';
import { ExportXmlReader } from '../../core/wearables/apple-health/export-xml.ts';
import { isUsedRecordType, sampleOfElement } from '../../core/wearables/apple-health/records.ts';
import type { DeviceSample, SkippedCounts } from '../../core/wearables/samples.ts';
import { type ReaderLimits, unreadableZip } from './limits.ts';

const ZIP_MAGIC = 0x04034b50;

/** Is this file a zip (by its first four bytes)? */
export async function isZipFile(path: string): Promise<boolean> {
  const handle = await open(path, 'r');
  try {
    const head = Buffer.alloc(4);
    const { bytesRead } = await handle.read(head, 0, 4, 0);
    return bytesRead === 4 && head.readUInt32LE(0) === ZIP_MAGIC;
  } finally {
    await handle.close();
  }
}

/** The export.xml entry of an Apple Health zip, as a byte stream. */
async function exportEntry(path: string, limits: ReaderLimits): Promise<Readable> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.openPromise(path, { lazyEntries: true, autoClose: true, validateEntrySizes: true });
  } catch {
    throw unreadableZip();
  }
  try {
    for await (const entry of zip.eachEntry()) {
      // "apple_health_export/export.xml" (the folder's name follows the phone's language on some
      // versions); export_cda.xml is the same data as a clinical document, not read.
      if (!/(^|\/)export\.xml$/i.test(entry.fileName)) continue;
      if (entry.uncompressedSize > limits.xmlBytes) {
        throw new TooLargeError(
          `The export.xml in this zip is ${Math.round(entry.uncompressedSize / 2 ** 30)} GB; Gutbrain reads up to ${Math.round(limits.xmlBytes / 2 ** 30)} GB.`,
          'file',
        );
      }
      return await zip.openReadStreamPromise(entry);
    }
  } catch (e) {
    zip.close();
    if (e instanceof TooLargeError) throw e;
    throw unreadableZip();
  }
  zip.close();
  throw new ValidationError(
    'file',
    'This zip has no export.xml, so it is not an Apple Health export. In the Health app, tap your picture, then "Export All Health Data", and upload the export.zip it makes.',
    'not_apple_health',
  );
}

/** Streams the samples of an Apple Health export at `path` (zip or XML) into `onSample`. */
export async function readAppleHealth(
  path: string,
  onSample: (sample: DeviceSample) => void,
  skipped: SkippedCounts,
  limits: ReaderLimits,
): Promise<void> {
  const zipped = await isZipFile(path);
  let stream: AsyncIterable<Buffer>;
  if (zipped) stream = await exportEntry(path, limits);
  else {
    const { createReadStream } = await import('node:fs');
    stream = createReadStream(path, { highWaterMark: 1 << 20 });
  }
  let records = 0;
  const reader = new ExportXmlReader(
    (name, attributes, depth) => {
      // Records inside a Correlation (depth 2) repeat top-level ones: Apple's DTD says so.
      if (depth !== 1) return;
      const sample = sampleOfElement(name, attributes, skipped);
      if (!sample) return;
      if (++records > limits.records) {
        throw new TooLargeError(
          `The export holds more than ${limits.records.toLocaleString('en')} records Gutbrain uses. Write to us: we would like to know such a file.`,
          'file',
        );
      }
      onSample(sample);
    },
    (name, key, value, depth) => {
      // Apple writes `type` first: a Record of a type Gutbrain does not read is counted and passed over.
      return name === 'Record' && key === 'type' && depth === 1 && !isUsedRecordType(value);
    },
    () => {
      skipped.unusedTypes++;
    },
  );
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let bytes = 0;
  try {
    for await (const chunk of stream) {
      bytes += chunk.length;
      if (bytes > limits.xmlBytes) {
        throw new TooLargeError(
          `The export is larger than ${Math.round(limits.xmlBytes / 2 ** 30)} GB.`,
          'file',
        );
      }
      reader.push(decoder.decode(chunk, { stream: true }));
    }
    reader.push(decoder.decode());
  } catch (e) {
    if (e instanceof TypeError && /decode|encoded/i.test(e.message)) {
      throw new ValidationError(
        'file',
        'The export is not UTF-8 text, so it is not an Apple Health export.xml.',
        'not_apple_health',
      );
    }
    if (zipped && !(e instanceof ValidationError) && !(e instanceof TooLargeError)) throw unreadableZip();
    throw e;
  }
  reader.end();
}
