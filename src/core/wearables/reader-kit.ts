/**
 * What every wearable reader shares: the person's clock (time zone and today), the skipped-row
 * tally, the limits on size and shape, and one gate every sample passes before it is yielded —
 * a date from 1900 to the person's today, a value a body can produce, not met before.
 */

import { EARLIEST_DATE } from '../dates.ts';
import { TooLargeError, ValidationError } from '../errors.ts';
import type { DeviceSample, SkippedCounts } from './samples.ts';

/** How much one export may hold; beyond, it is refused in words (413), never half read. */
export interface ReaderLimits {
  /** Bytes of one file inside an archive once unpacked (one month of Fitbit minute steps is ~3 MB). */
  entryBytes: number;
  /** Bytes of all the files read from one archive, unpacked (a zip bomb stops here). */
  totalBytes: number;
  /** Samples one export may give. */
  samples: number;
}

export const READER_LIMITS: ReaderLimits = {
  entryBytes: 64 * 1024 * 1024,
  totalBytes: 2 * 1024 * 1024 * 1024,
  samples: 20_000_000,
};

export interface ReadOptions {
  /** The person's IANA time zone: naive and UTC times in an export are read on this clock. */
  timeZone: string;
  /** The person's today (`YYYY-MM-DD`): a sample that starts later is a bad date. */
  today: string;
  limits?: Partial<ReaderLimits>;
}

/** The file cannot be read as this export at all: a 400 with these words. */
export class ExportFormatError extends ValidationError {
  constructor(message: string) {
    super('file', message, 'not_this_export');
  }
}

// Values no body produces. Steps: about 250 a minute is a sprint; 350 allows for a device's
// minute boundaries. Heart rate: Gadgetbridge's own chart range (HeartRateUtils, 10–250 bpm).
// HRV (RMSSD or SDNN): 0 is a failed reading, and above 300 ms is an artefact in adults
// (Shaffer & Ginsberg 2017, doi:10.3389/fpubh.2017.00258, give healthy 24 h SDNN around 140 ms).
const MAX_STEPS_PER_MINUTE = 350;
const MAX_STEPS_PER_DAY = 200_000;
const MAX_SLEEP_MINUTES = 24 * 60;

export function implausible(sample: DeviceSample, minutes: number): boolean {
  const v = sample.value;
  if (!Number.isFinite(v) || v < 0) return true;
  switch (sample.kind) {
    case 'steps':
      return v > MAX_STEPS_PER_DAY || v > Math.max(1, minutes) * MAX_STEPS_PER_MINUTE;
    case 'sleep':
      return minutes <= 0 || minutes > MAX_SLEEP_MINUTES || v > MAX_SLEEP_MINUTES;
    case 'heart_rate':
      return v < 10 || v > 250;
    case 'resting_heart_rate':
      return v < 25 || v > 200;
    case 'hrv':
      return v <= 0 || v > 300;
    case 'respiratory_rate':
      return v < 3 || v > 60;
    default:
      return minutes < 0 || minutes > MAX_SLEEP_MINUTES;
  }
}

/** A sample with the milliseconds it spans (for the gate) and, optionally, its identity. */
export interface TimedSample {
  sample: DeviceSample;
  startMs: number;
  endMs: number;
  /** Names the sample for duplicate detection when the export gives an id (a sleep log's). */
  key?: string;
}

/** What a reader makes of one record: samples to gate, or why it was left out. */
export type ReadRow = TimedSample | 'bad_date' | 'unused';

/** What a read gives: the samples (streamed) and, once they are all taken, why rows were left out. */
export interface WearableRead {
  samples: AsyncIterable<DeviceSample>;
  skipped: SkippedCounts;
}

/**
 * The gate and tally of one read: `admit` says whether a sample may be yielded, counting why not.
 * `key` names a sample for duplicate detection (two rows for the same span and kind are one).
 */
export class SampleGate {
  readonly skipped: SkippedCounts = { unusedTypes: 0, badDates: 0, implausible: 0, duplicates: 0 };
  readonly limits: ReaderLimits;
  private readonly seen = new Set<string>();
  private admitted = 0;

  constructor(readonly options: ReadOptions) {
    this.limits = { ...READER_LIMITS, ...options.limits };
  }

  /** True when the sample may be yielded; otherwise the reason is counted. */
  admit(sample: DeviceSample, startMs: number, endMs: number, key?: string): boolean {
    // The sample's own wall clock says its date: the person's zone, or the offset the export wrote.
    const startDate = Number.isFinite(startMs) ? sample.start.slice(0, 10) : '';
    if (
      !Number.isFinite(startMs) ||
      !Number.isFinite(endMs) ||
      startDate < EARLIEST_DATE ||
      startDate > this.options.today
    ) {
      this.skipped.badDates++;
      return false;
    }
    if (endMs < startMs || implausible(sample, (endMs - startMs) / 60_000)) {
      this.skipped.implausible++;
      return false;
    }
    if (this.metBefore(sample, startMs, endMs, key)) {
      this.skipped.duplicates++;
      return false;
    }
    if (++this.admitted > this.limits.samples) {
      throw new TooLargeError(
        `This export holds more than ${this.limits.samples.toLocaleString('en-GB')} samples, the most one import may hold. Export a shorter period and import it in parts.`,
        'file',
      );
    }
    return true;
  }

  // Minute samples (steps, heart rate) are most of a large export: one bit per minute remembers
  // them (a page of 65,536 minutes — 45 days — is 8 KB), where a set of strings would hold
  // hundreds of megabytes for years of minutes.
  private readonly minutePages = new Map<string, Uint8Array>();

  private metBefore(sample: DeviceSample, startMs: number, endMs: number, key?: string): boolean {
    if (key === undefined && endMs - startMs === 60_000 && startMs % 60_000 === 0) {
      const minute = startMs / 60_000;
      const pageKey = `${sample.kind}|${sample.detail ?? ''}|${sample.device ?? ''}|${Math.floor(minute / 65_536)}`;
      let page = this.minutePages.get(pageKey);
      if (!page) {
        page = new Uint8Array(65_536 / 8);
        this.minutePages.set(pageKey, page);
      }
      const bit = ((minute % 65_536) + 65_536) % 65_536;
      const mask = 1 << (bit & 7);
      if (((page[bit >> 3] as number) & mask) !== 0) return true;
      page[bit >> 3] = (page[bit >> 3] as number) | mask;
      return false;
    }
    const id = key ?? `${sample.kind}|${sample.detail ?? ''}|${startMs}|${endMs}|${sample.device ?? ''}`;
    if (this.seen.has(id)) return true;
    this.seen.add(id);
    return false;
  }

  /** The samples of `rows` that pass, counting the rest. */
  *pass(rows: Iterable<ReadRow>): Generator<DeviceSample> {
    for (const row of rows) {
      if (row === 'bad_date') this.skipped.badDates++;
      else if (row === 'unused') this.skipped.unusedTypes++;
      else if (this.admit(row.sample, row.startMs, row.endMs, row.key)) {
        // The instants as numbers too: the daily aggregation need not parse millions of strings again.
        row.sample.startMs = row.startMs;
        row.sample.endMs = row.endMs;
        yield row.sample;
      }
    }
  }
}
