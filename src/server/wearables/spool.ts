/**
 * An uploaded export, written to a private temporary file as it arrives (a zip's entries can only
 * be found from its end), hashed on the way, and deleted when the import is done. The folder is
 * the owner's alone (0700) and the file 0600: it is health data.
 */
import { createHash } from 'node:crypto';
import { once } from 'node:events';
import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { TooLargeError, ValidationError } from '../../core/errors.ts';

export interface SpooledFile {
  path: string;
  bytes: number;
  sha256: string;
  remove(): Promise<void>;
}

export async function spoolUpload(body: AsyncIterable<Uint8Array>, maxBytes: number): Promise<SpooledFile> {
  const dir = await mkdtemp(join(tmpdir(), 'gutbrain-wearable-'));
  const remove = () => rm(dir, { recursive: true, force: true });
  const path = join(dir, 'upload');
  const hash = createHash('sha256');
  let bytes = 0;
  const out = createWriteStream(path, { mode: 0o600, flags: 'wx' });
  try {
    for await (const chunk of body) {
      bytes += chunk.length;
      if (bytes > maxBytes) {
        throw new TooLargeError(
          `The file is larger than ${Math.round(maxBytes / 2 ** 30)} GB, the most one import may be.`,
          'file',
        );
      }
      hash.update(chunk);
      if (!out.write(chunk)) await once(out, 'drain');
    }
    out.end();
    await once(out, 'finish');
  } catch (e) {
    out.destroy();
    await remove();
    if (e instanceof TooLargeError) throw e;
    throw new ValidationError(
      'file',
      'The upload stopped before the whole file arrived. Try again.',
      'upload_interrupted',
    );
  }
  if (bytes === 0) {
    await remove();
    throw new ValidationError(
      'file',
      'The upload was empty: choose the export file and send it again.',
      'empty_file',
    );
  }
  return { path, bytes, sha256: hash.digest('hex'), remove };
}
