/**
 * Fitbit's data in a Google Takeout archive (`Takeout/Fitbit/…`), read one file at a time:
 *
 * - `Global Export Data/steps-YYYY-MM-DD.json` — a month of minutes,
 *   `[{ "dateTime": "03/01/24 07:15:00", "value": "42" }]`; the value is a string, and the
 *   time is UTC (the file's date is the person's; its first minute is the UTC moment of their
 *   midnight), so a minute is shown on the person's clock.
 * - `Global Export Data/sleep-YYYY-MM-DD.json` — a month of sleep logs (fitbit-sleep.ts).
 * - `Global Export Data/resting_heart_rate-YYYY-MM-DD.json` — a year of days,
 *   `{ "value": { "date": "03/01/24", "value": 58.3, "error": 6.1 } }`; a day without enough
 *   data is written as value 0, which is counted as implausible.
 * - `Heart Rate Variability/Daily Heart Rate Variability Summary - YYYY-MM-(DD).csv` —
 *   `timestamp,rmssd,nremhr,entropy`, one row per night, the timestamp the wall-clock midnight
 *   of the morning the night ended (the odd `(DD)` in the name is Fitbit's).
 *
 * Older "Export your account archive" zips from fitbit.com keep the same files under
 * `<Name>/Physical Activity/` and `<Name>/Sleep/`; they are read the same way. Everything else in
 * the archive (heart rate every few seconds, calories, GPS, profile) is passed over unread.
 */
import { parse } from 'csv-parse/sync';
import { peekHead } from './byte-stream.ts';
import { type FitbitSleepLog, fitbitSleepSamples } from './fitbit-sleep.ts';
import {
  ExportFormatError,
  type ReadOptions,
  type ReadRow,
  SampleGate,
  type WearableRead,
} from './reader-kit.ts';
import type { DeviceSample, SkippedCounts } from './samples.ts';
import { describeKind, fileKindOf } from './sniff.ts';
import { exportFileTexts } from './zip-entries.ts';
import { instantInZone, localDaySpan, readIsoTime, validClock } from './zone-clock.ts';

type FitbitFile = 'steps' | 'sleep' | 'resting' | 'hrv';

const FILES: [FitbitFile, RegExp][] = [
  ['steps', /(^|\/)steps-\d{4}-\d{2}-\d{2}\.json$/],
  ['sleep', /(^|\/)sleep-\d{4}-\d{2}-\d{2}\.json$/],
  ['resting', /(^|\/)resting_heart_rate-\d{4}-\d{2}-\d{2}\.json$/],
  ['hrv', /(^|\/)Daily Heart Rate Variability Summary - [^/]*\.csv$/],
];

export function fitbitFileOf(name: string): FitbitFile | null {
  for (const [kind, re] of FILES) if (re.test(name)) return kind;
  return null;
}

const SOURCE = { source: 'Fitbit' } as const;

/**
 * Reads a Google Takeout zip holding Fitbit data.
 * @example for await (const s of readFitbitTakeout(chunks, { timeZone: 'Europe/Dublin', today: '2026-12-06' }).samples) …
 */
export function readFitbitTakeout(chunks: AsyncIterable<Uint8Array>, options: ReadOptions): WearableRead {
  const gate = new SampleGate(options);
  return { samples: fitbitSamples(chunks, gate), skipped: gate.skipped };
}

async function* fitbitSamples(
  chunks: AsyncIterable<Uint8Array>,
  gate: SampleGate,
): AsyncGenerator<DeviceSample> {
  const { timeZone } = gate.options;
  const { head, all } = await peekHead(chunks);
  const fileKind = fileKindOf(head);
  if (fileKind !== 'zip' && head.length > 0) {
    throw new ExportFormatError(
      `This file is ${describeKind(fileKind)}, not a Fitbit export (the zip Google Takeout makes).`,
    );
  }
  const files = exportFileTexts(all, (name) => fitbitFileOf(name) !== null, gate.limits, {
    source: 'fitbit',
    words: 'a Fitbit export',
    noneWords:
      'This archive holds no Fitbit data (no steps, sleep, resting heart rate or heart rate variability files under Takeout/Fitbit). In Google Takeout, choose "Fitbit" and export again.',
  });
  for await (const { name, file, text } of files) {
    const kind = fitbitFileOf(name) as FitbitFile;
    const timed =
      kind === 'hrv' ? hrvRows(text, file, timeZone) : jsonRows(kind, text, file, timeZone, gate.skipped);
    yield* gate.pass(timed);
  }
}

type Row = ReadRow;

function jsonRows(
  kind: Exclude<FitbitFile, 'hrv'>,
  text: string,
  file: string,
  timeZone: string,
  skipped: SkippedCounts,
): Row[] {
  let list: unknown;
  try {
    list = JSON.parse(text);
  } catch {
    throw new ExportFormatError(
      `${file} could not be read: it is not whole JSON. The archive may be damaged; download the export again.`,
    );
  }
  if (!Array.isArray(list)) throw new ExportFormatError(`${file} is not a list of Fitbit records.`);
  const out: Row[] = [];
  for (const item of list) {
    if (kind === 'sleep') {
      const read = fitbitSleepSamples(item as FitbitSleepLog, timeZone, SOURCE);
      if (read === 'bad_date') out.push('bad_date');
      else {
        out.push(...read.samples);
        skipped.unusedTypes += read.unknownLevels;
      }
    } else if (kind === 'steps') {
      const row = stepsRow(item as { dateTime?: unknown; value?: unknown }, timeZone);
      if (row) out.push(row);
    } else {
      out.push(restingRow(item as { value?: { date?: unknown; value?: unknown } }, timeZone));
    }
  }
  return out;
}

/** `03/01/24 07:15:00` (month/day/two-digit year, UTC) → milliseconds, or null. */
export function fitbitUtcMs(text: unknown): number | null {
  const m =
    typeof text === 'string' ? /^(\d{2})\/(\d{2})\/(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text) : null;
  if (!m) return null;
  const clock = {
    year: 2000 + Number(m[3]),
    month: Number(m[1]),
    day: Number(m[2]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6]),
  };
  if (!validClock(clock)) return null;
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}

function stepsRow(item: { dateTime?: unknown; value?: unknown }, timeZone: string): Row | null {
  const ms = fitbitUtcMs(item?.dateTime);
  if (ms === null) return 'bad_date';
  const value =
    typeof item.value === 'string' || typeof item.value === 'number' ? Number(item.value) : Number.NaN;
  // A minute without steps adds nothing to a day; most minutes of a month are such.
  if (value === 0) return null;
  return {
    sample: {
      kind: 'steps',
      start: instantInZone(ms, timeZone),
      end: instantInZone(ms + 60_000, timeZone),
      value,
      ...SOURCE,
    },
    startMs: ms,
    endMs: ms + 60_000,
  };
}

function restingRow(item: { value?: { date?: unknown; value?: unknown } }, timeZone: string): Row {
  const m =
    typeof item?.value?.date === 'string' ? /^(\d{2})\/(\d{2})\/(\d{2})$/.exec(item.value.date) : null;
  const day = m ? localDaySpan(`20${m[3]}-${m[1]}-${m[2]}`, timeZone) : null;
  if (!day) return 'bad_date';
  // A reading of the day, placed at its first moment: the day it belongs to is never in doubt.
  const startMs = day.startMs;
  const endMs = day.startMs;
  const value = typeof item.value?.value === 'number' ? item.value.value : Number.NaN;
  return {
    sample: {
      kind: 'resting_heart_rate',
      start: instantInZone(startMs, timeZone),
      end: instantInZone(endMs, timeZone),
      value,
      ...SOURCE,
    },
    startMs,
    endMs,
  };
}

function hrvRows(text: string, file: string, timeZone: string): Row[] {
  let rows: string[][];
  try {
    rows = parse(text, { relax_column_count: true, skip_empty_lines: true, trim: true }) as string[][];
  } catch {
    throw new ExportFormatError(`${file} could not be read as CSV.`);
  }
  const header = rows[0]?.map((h) => h.toLowerCase()) ?? [];
  const at = header.indexOf('timestamp');
  const rmssd = header.indexOf('rmssd');
  if (at < 0 || rmssd < 0) throw new ExportFormatError(`${file} has no timestamp and rmssd columns.`);
  const out: Row[] = [];
  for (const row of rows.slice(1)) {
    const time = readIsoTime(row[at] ?? '', timeZone);
    if (!time) {
      out.push('bad_date');
      continue;
    }
    const value = row[rmssd] === '' || row[rmssd] === undefined ? Number.NaN : Number(row[rmssd]);
    out.push({
      sample: {
        kind: 'hrv',
        start: instantInZone(time.ms, timeZone),
        end: instantInZone(time.ms, timeZone),
        value,
        detail: 'rmssd',
        ...SOURCE,
      },
      startMs: time.ms,
      endMs: time.ms,
    });
  }
  return out;
}
