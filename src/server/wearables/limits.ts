/** How much one wearable import may be, and the words for a zip that cannot be read. */
import { ValidationError } from '../../core/errors.ts';

export interface ReaderLimits {
  /** Decompressed XML (or other text) read from one file. */
  xmlBytes: number;
  /** Samples Gutbrain uses from one file. */
  records: number;
}

const GB = 2 ** 30;

export const DEFAULT_READER_LIMITS: ReaderLimits = { xmlBytes: 8 * GB, records: 50_000_000 };

export const unreadableZip = () =>
  new ValidationError(
    'file',
    'The zip file is incomplete or damaged (it may have been cut short while copying or uploading). Make the export again on the phone and upload the new file.',
    'truncated_zip',
  );
