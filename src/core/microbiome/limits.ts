/**
 * How much one report may hold. Every reader checks these while it reads, so a hostile or broken
 * file (one endless number, millions of features, an HDF5 header declaring 10⁸ values) is refused
 * with a sentence naming the limit instead of growing memory until the process dies. The numbers
 * are generous for one person's samples: a merged study table of 10,000 samples still fits.
 */
import { TooLargeError } from '../errors.ts';

export interface ReportLimits {
  /** Characters on one line of a text table. */
  lineChars: number;
  /** Characters in one number (BIOM 1.0 `data`); real numbers need fewer than 30. */
  numberChars: number;
  /** Characters in one name: a sample id, a feature id, a JSON field name. */
  nameChars: number;
  /** Characters in the BIOM 1.0 fields other than `data` (rows, columns and their metadata). */
  biomMetadataChars: number;
  samples: number;
  /** Feature rows (OTUs, ASVs, clades, KOs) before they are grouped into taxa. */
  features: number;
  /** Non-zero values held at once (the matrix itself; 8–12 bytes each). */
  values: number;
  /** Size of one sample's stored analysis as JSON. */
  analysisBytes: number;
}

export const REPORT_LIMITS: Readonly<ReportLimits> = {
  lineChars: 1_000_000,
  numberChars: 64,
  nameChars: 1_000,
  biomMetadataChars: 64 * 1024 * 1024,
  samples: 10_000,
  features: 200_000,
  values: 5_000_000,
  analysisBytes: 4 * 1024 * 1024,
};

const count = (n: number) => n.toLocaleString('en-GB');

/** A report beyond a limit: answered with 413 and the limit in plain words. */
export class ReportLimitError extends TooLargeError {
  constructor(message: string) {
    super(message, 'file');
  }
}

export const limitMessages = {
  line: (line: number, max: number) =>
    `Line ${line} is longer than ${count(max)} characters, the most one line may hold. Is this a table with one row per line?`,
  samples: (n: number, max: number) =>
    `The file has ${count(n)} samples; an upload may hold at most ${count(max)}. Export only your own samples.`,
  features: (max: number) =>
    `The file has more than ${count(max)} feature rows, the most an upload may hold. Collapse it to genus level or filter rare features first.`,
  values: (max: number) =>
    `The file holds more than ${count(max)} non-zero values, the most an upload may hold. Export only your own samples.`,
  analysis: (bytes: number, max: number) =>
    `The results for this sample would take ${(bytes / 1024 / 1024).toFixed(1)} MB to keep, more than the ${max / 1024 / 1024} MB limit. Choose a coarser rank, such as genus.`,
};

/** Throws when `n` passes `max`, with the message `say` builds. */
export function checkLimit(n: number, max: number, say: () => string): void {
  if (n > max) throw new ReportLimitError(say());
}

export { count as formatCount };
