/**
 * What every wearable and phone-health reader produces (issue 20): one sample per recorded span,
 * in the exporter's own terms but Gutbrain's units, with the source and device it came from. The
 * daily aggregation (one truth per measure per night or day) works on these alone, so a new
 * exporter only needs a reader.
 *
 * Readers are streaming: `AsyncIterable<DeviceSample>` (or a callback per sample), never the whole
 * file in memory; rows they cannot use are counted in `SkippedCounts`, never thrown away silently.
 */

/** The measures a device can give, in Gutbrain's units. */
export type DeviceSampleKind =
  /** Steps counted in [start, end): a count. */
  | 'steps'
  /** A span of sleep or time in bed in one stage: value is minutes. */
  | 'sleep'
  /** Resting heart rate: beats per minute. */
  | 'resting_heart_rate'
  /** Heart-rate variability: milliseconds, with the method (Apple: SDNN; Fitbit, Oura: RMSSD). */
  | 'hrv'
  /** Breaths per minute. */
  | 'respiratory_rate'
  /** A mindful (meditation/breathing) session: minutes. */
  | 'mindful'
  /** Time in daylight: minutes. */
  | 'daylight'
  /** A workout: minutes, with the activity in `detail`. */
  | 'workout'
  /** One heart-rate reading: beats per minute (Gadgetbridge samples). */
  | 'heart_rate';

export type SleepStage = 'in_bed' | 'awake' | 'core' | 'deep' | 'rem' | 'asleep';

export interface DeviceSample {
  kind: DeviceSampleKind;
  /** ISO 8601 instants with the offset the exporter wrote (the person's local clock at the time). */
  start: string;
  end: string;
  value: number;
  /** For `sleep`: the stage; for `hrv`: 'sdnn' or 'rmssd'; for `workout`: the activity. */
  detail?: string;
  /** The app or account that recorded it: 'Apple Watch', 'iPhone', 'Fitbit', 'Oura', 'Gadgetbridge'… */
  source: string;
  /** The device model when the export names it ('Watch7,1', 'Charge 6'…). */
  device?: string;
  /**
   * `start` and `end` as epoch milliseconds, when the reader has them already (it parsed the dates
   * itself): the daily aggregation then skips parsing them again, which counts over millions.
   */
  startMs?: number;
  endMs?: number;
}

/** Why rows were left out of an import, counted for the person's import summary. */
export interface SkippedCounts {
  /** Record types Gutbrain does not use (blood glucose, say): not an error. */
  unusedTypes: number;
  /** Dates before 1900, after the person's today, or unreadable. */
  badDates: number;
  /** Values no body produces (30,000 steps in a minute, HRV 0 ms, a 40-hour night). */
  implausible: number;
  /** The same sample met twice (re-syncs write duplicates). */
  duplicates: number;
}

export const NO_SKIPS: SkippedCounts = { unusedTypes: 0, badDates: 0, implausible: 0, duplicates: 0 };

/** The exports Gutbrain reads; the CLI's `--source` names. */
export const WEARABLE_SOURCES = ['apple-health', 'fitbit', 'oura', 'gadgetbridge'] as const;
export type WearableSource = (typeof WEARABLE_SOURCES)[number];
