/**
 * Apple Health's elements as device samples: which `Record` types Gutbrain uses, their units, the
 * date format ("2024-03-10 23:14:05 +0100", the offset written per record) and the `device`
 * attribute. Names and values as Apple documents them (HealthKit: HKQuantityTypeIdentifier,
 * HKCategoryValueSleepAnalysis — developer.apple.com/documentation/healthkit) and as they appear in
 * the inline DTD of "HealthKit Export Version 14".
 */
import type { DeviceSample, DeviceSampleKind, SkippedCounts } from '../samples.ts';
import type { Attributes } from './export-xml.ts';

const SLEEP_STAGES: Record<string, string> = {
  HKCategoryValueSleepAnalysisInBed: 'in_bed',
  HKCategoryValueSleepAnalysisAwake: 'awake',
  HKCategoryValueSleepAnalysisAsleepCore: 'core',
  HKCategoryValueSleepAnalysisAsleepDeep: 'deep',
  HKCategoryValueSleepAnalysisAsleepREM: 'rem',
  HKCategoryValueSleepAnalysisAsleepUnspecified: 'asleep',
  // Before iOS 16 there were no stages: "Asleep" (the same number as AsleepUnspecified).
  HKCategoryValueSleepAnalysisAsleep: 'asleep',
};

interface QuantityType {
  kind: DeviceSampleKind;
  detail?: string;
  /** Unit as Apple writes it → factor to Gutbrain's unit. */
  units: Record<string, number>;
}

const PER_MINUTE = { 'count/min': 1, 'count/s': 60, 'count/hr': 1 / 60 };
const QUANTITIES: Record<string, QuantityType> = {
  HKQuantityTypeIdentifierStepCount: { kind: 'steps', units: { count: 1 } },
  HKQuantityTypeIdentifierRestingHeartRate: { kind: 'resting_heart_rate', units: PER_MINUTE },
  HKQuantityTypeIdentifierHeartRateVariabilitySDNN: {
    kind: 'hrv',
    detail: 'sdnn',
    units: { ms: 1, s: 1000 },
  },
  HKQuantityTypeIdentifierRespiratoryRate: { kind: 'respiratory_rate', units: PER_MINUTE },
  HKQuantityTypeIdentifierTimeInDaylight: { kind: 'daylight', units: { min: 1, s: 1 / 60, hr: 60 } },
};

const SLEEP = 'HKCategoryTypeIdentifierSleepAnalysis';
const MINDFUL = 'HKCategoryTypeIdentifierMindfulSession';

/**
 * "2024-03-10 23:14:05 +0100" → epoch milliseconds, or NaN when it is not that shape. Read by
 * hand: Date.parse does not take this form everywhere, and millions of records make it count.
 */
export function parseAppleDate(text: string): number {
  if (text.length !== 25 || text[4] !== '-' || text[10] !== ' ' || text[19] !== ' ') return Number.NaN;
  const year = digits(text, 0, 4);
  const month = digits(text, 5, 7);
  const day = digits(text, 8, 10);
  const hour = digits(text, 11, 13);
  const minute = digits(text, 14, 16);
  const second = digits(text, 17, 19);
  const sign = text[20] === '-' ? -1 : text[20] === '+' ? 1 : 0;
  const offset = sign * (digits(text, 21, 23) * 60 + digits(text, 23, 25));
  if (!sign || month < 1 || month > 12 || day < 1 || day > 31 || hour > 23 || minute > 59 || second > 60) {
    return Number.NaN;
  }
  return Date.UTC(year, month - 1, day, hour, minute, second) - offset * 60_000;
}

/** The number written in `text[from, to)`, or NaN when a character there is not a digit. */
function digits(text: string, from: number, to: number): number {
  let v = 0;
  for (let i = from; i < to; i++) {
    const d = text.charCodeAt(i) - 48;
    if (d < 0 || d > 9) return Number.NaN;
    v = v * 10 + d;
  }
  return v;
}

/** "2024-03-10 23:14:05 +0100" → "2024-03-10T23:14:05+01:00" (the same instant and offset, ISO 8601). */
export const isoFromAppleDate = (text: string) =>
  `${text.slice(0, 10)}T${text.slice(11, 19)}${text.slice(20, 23)}:${text.slice(23, 25)}`;

const deviceCache = new Map<string, string | undefined>();

/**
 * The model in Apple's device description, "<<HKDevice: 0x…>, name:Apple Watch, manufacturer:Apple
 * Inc., model:Watch, hardware:Watch6,2, software:10.1>" → "Watch6,2" (the hardware, else the model).
 */
export function deviceModel(description: string | undefined): string | undefined {
  if (!description) return undefined;
  if (deviceCache.has(description)) return deviceCache.get(description);
  const hardware = /hardware:([^,>]+(?:,\d+)?)/.exec(description)?.[1];
  const model = hardware ?? /model:([^,>]+)/.exec(description)?.[1] ?? /name:([^,>]+)/.exec(description)?.[1];
  const found = model?.trim().slice(0, 60) || undefined;
  if (deviceCache.size < 1000) deviceCache.set(description, found);
  return found;
}

/** Whether a Record of this type is one Gutbrain reads (asked before its other attributes are read). */
export function isUsedRecordType(type: string): boolean {
  return type in QUANTITIES || type === SLEEP || type === MINDFUL;
}

/** Reads one element of the export (depth 1, a child of HealthData) as a sample, or counts why not. */
export function sampleOfElement(
  name: string,
  a: Attributes,
  skipped: SkippedCounts,
): (DeviceSample & { startMs: number; endMs: number }) | undefined {
  let kind: DeviceSampleKind;
  let value: number;
  let detail: string | undefined;
  if (name === 'Record') {
    const type = a.type ?? '';
    const quantity = QUANTITIES[type];
    if (quantity) {
      const factor = quantity.units[a.unit ?? ''];
      value = Number(a.value) * (factor ?? Number.NaN);
      if (!Number.isFinite(value)) {
        skipped.implausible++;
        return undefined;
      }
      kind = quantity.kind;
      detail = quantity.detail;
    } else if (type === SLEEP) {
      detail = SLEEP_STAGES[a.value ?? ''];
      if (!detail) {
        skipped.unusedTypes++;
        return undefined;
      }
      kind = 'sleep';
      value = 0;
    } else if (type === MINDFUL) {
      kind = 'mindful';
      value = 0;
    } else {
      skipped.unusedTypes++;
      return undefined;
    }
  } else if (name === 'Workout') {
    kind = 'workout';
    value = 0;
    detail = (a.workoutActivityType ?? '').replace(/^HKWorkoutActivityType/, '').slice(0, 40) || undefined;
  } else {
    return undefined;
  }
  const start = a.startDate ?? '';
  const end = a.endDate ?? '';
  const startMs = parseAppleDate(start);
  const endMs = parseAppleDate(end);
  if (Number.isNaN(startMs) || Number.isNaN(endMs)) {
    skipped.badDates++;
    return undefined;
  }
  // Spans (sleep, mindful, workouts) are measured in minutes from their dates.
  if (kind === 'sleep' || kind === 'mindful' || kind === 'workout') value = (endMs - startMs) / 60_000;
  const sample: DeviceSample & { startMs: number; endMs: number } = {
    kind,
    start: isoFromAppleDate(start),
    end: isoFromAppleDate(end),
    startMs,
    endMs,
    value,
    source: (a.sourceName ?? 'Apple Health').slice(0, 100),
  };
  if (detail) sample.detail = detail;
  const device = deviceModel(a.device);
  if (device) sample.device = device;
  return sample;
}
