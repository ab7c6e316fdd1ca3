/**
 * Oura's data export, in the two forms Oura has given it:
 *
 * - **Membership Hub export** (since 2024): a zip whose `App Data/` folder holds semicolon-
 *   separated CSV files that follow the data models of Oura's API v2. Gutbrain reads
 *   `sleepmodel.csv` (one row per sleep period: `type` long_sleep / sleep / late_nap / rest,
 *   `bedtime_start`/`bedtime_end` with their offset, durations in seconds, `average_hrv` — RMSSD
 *   in ms —, `lowest_heart_rate`, `average_breath`, and `sleep_phase_5_min`, one character per
 *   five minutes from bedtime: 1 deep, 2 light, 3 REM, 4 awake) and `dailyactivity.csv` (`day`,
 *   `steps`). Either CSV may also be uploaded on its own.
 * - **The older `oura_data.json`** from cloud.ouraring.com (API v1 names): `sleep[]` with
 *   `bedtime_start`, `bedtime_end`, `total`, `onset_latency`, `rmssd`, `hr_lowest`,
 *   `breath_average`, `is_longest`, `hypnogram_5min` (same digits), and `activity[]` with
 *   `summary_date` and `steps`.
 *
 * Stages are laid out from the five-minute hypnogram, Oura's own timeline (so a stage's minutes
 * are multiples of five and can differ by a few minutes from Oura's 30-second totals). A period
 * without one gets its time in bed and one "asleep" span of Oura's total, from bedtime plus the
 * latency. Resting heart rate is the lowest heart rate of the main (long) sleep, as Oura defines
 * it; HRV and breathing rate are that sleep's averages. Oura's "rest" periods (rest mode) are not
 * sleep and are counted as unused.
 */
import { parse } from 'csv-parse/sync';
import { peekHead, wholeFile } from './byte-stream.ts';
import {
  ExportFormatError,
  type ReadOptions,
  type ReadRow,
  SampleGate,
  type TimedSample,
  type WearableRead,
} from './reader-kit.ts';
import type { DeviceSample, SleepStage } from './samples.ts';
import { describeKind, fileKindOf } from './sniff.ts';
import { exportFileTexts } from './zip-entries.ts';
import { instantInZone, instantWithOffset, localDaySpan, readIsoTime } from './zone-clock.ts';

/** One sleep period, whichever form it came in. Durations in seconds. */
interface OuraPeriod {
  id: string;
  type: string;
  bedtimeStart: string;
  bedtimeEnd: string;
  total: number;
  latency: number;
  phases: string;
  averageHrv: number;
  lowestHeartRate: number;
  averageBreath: number;
}

type Row = ReadRow;

const SOURCE = { source: 'Oura' } as const;
const PHASE: Record<string, SleepStage> = { '1': 'deep', '2': 'core', '3': 'rem', '4': 'awake' };
const SLEEP_TYPES = new Set(['long_sleep', 'sleep', 'late_nap']);
const WANTED = /(^|\/)(sleepmodel|dailyactivity)\.csv$|(^|\/)oura_data[^/]*\.json$/i;

/**
 * Reads an Oura export: the Membership Hub zip, one of its CSV files, or an `oura_data.json`.
 * @example for await (const s of readOuraExport(chunks, { timeZone: 'Europe/Oslo', today: '2026-12-06' }).samples) …
 */
export function readOuraExport(chunks: AsyncIterable<Uint8Array>, options: ReadOptions): WearableRead {
  const gate = new SampleGate(options);
  return { samples: ouraSamples(chunks, gate), skipped: gate.skipped };
}

async function* ouraSamples(
  chunks: AsyncIterable<Uint8Array>,
  gate: SampleGate,
): AsyncGenerator<DeviceSample> {
  const { head, all } = await peekHead(chunks);
  const kind = fileKindOf(head);
  if (kind === 'zip') {
    const files = exportFileTexts(all, (name) => WANTED.test(name), gate.limits, {
      source: 'oura',
      words: 'an Oura export',
      noneWords:
        'This archive holds no Oura data (no sleepmodel.csv or dailyactivity.csv in "App Data"). Request your data again from the Oura Membership Hub.',
    });
    for await (const { file, text } of files) yield* gate.pass(rowsOfFile(text, file, gate.options.timeZone));
    return;
  }
  if (kind !== 'json' && kind !== 'text') {
    throw new ExportFormatError(
      `This file is ${describeKind(kind)}, not an Oura export (a zip from the Membership Hub, sleepmodel.csv, dailyactivity.csv or oura_data.json).`,
    );
  }
  const bytes = await wholeFile(all, gate.limits.entryBytes, 'This Oura file');
  yield* gate.pass(
    rowsOfFile(
      new TextDecoder('utf-8').decode(bytes),
      kind === 'json' ? 'oura_data.json' : 'the file',
      gate.options.timeZone,
    ),
  );
}

function rowsOfFile(text: string, file: string, timeZone: string): Row[] {
  const start = text.trimStart();
  if (start.startsWith('{') || start.startsWith('[')) return legacyRows(text, file, timeZone);
  const table = readTable(text, file);
  if (table.has('bedtime_start')) return sleepModelRows(table, timeZone);
  if (table.has('steps') && table.has('day')) return activityRows(table, timeZone);
  throw new ExportFormatError(
    `${file} is not an Oura sleep or activity file: it has no bedtime_start or steps column.`,
  );
}

/** A CSV file as named columns; the delimiter is whichever of `;` and `,` the header uses more. */
function readTable(text: string, file: string): Map<string, string[]> & { rows: number } {
  const firstLine = text.slice(0, text.indexOf('\n') >= 0 ? text.indexOf('\n') : text.length);
  const delimiter = (firstLine.match(/;/g)?.length ?? 0) >= (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  let rows: string[][];
  try {
    rows = parse(text, {
      delimiter,
      relax_column_count: true,
      skip_empty_lines: true,
      bom: true,
    }) as string[][];
  } catch {
    throw new ExportFormatError(`${file} could not be read as CSV.`);
  }
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const table = new Map<string, string[]>() as Map<string, string[]> & { rows: number };
  header.forEach((name, i) => {
    table.set(
      name,
      rows.slice(1).map((r) => (r[i] ?? '').trim()),
    );
  });
  table.rows = Math.max(0, rows.length - 1);
  return table;
}

const num = (text: string | undefined | null | number) =>
  text === undefined || text === null || text === '' ? Number.NaN : Number(text);

function sleepModelRows(table: Map<string, string[]> & { rows: number }, timeZone: string): Row[] {
  const col = (name: string, i: number) => table.get(name)?.[i] ?? '';
  const out: Row[] = [];
  for (let i = 0; i < table.rows; i++) {
    out.push(
      ...periodRows(
        {
          id: col('id', i),
          type: col('type', i),
          bedtimeStart: col('bedtime_start', i),
          bedtimeEnd: col('bedtime_end', i),
          total: num(col('total_sleep_duration', i)),
          latency: num(col('latency', i)),
          phases: col('sleep_phase_5_min', i),
          averageHrv: num(col('average_hrv', i)),
          lowestHeartRate: num(col('lowest_heart_rate', i)),
          averageBreath: num(col('average_breath', i)),
        },
        timeZone,
      ),
    );
  }
  return out;
}

function activityRows(table: Map<string, string[]> & { rows: number }, timeZone: string): Row[] {
  const out: Row[] = [];
  for (let i = 0; i < table.rows; i++)
    out.push(dayStepsRow(table.get('day')?.[i] ?? '', num(table.get('steps')?.[i]), timeZone));
  return out;
}

function legacyRows(text: string, file: string, timeZone: string): Row[] {
  let doc: { sleep?: unknown; activity?: unknown };
  try {
    doc = JSON.parse(text);
  } catch {
    throw new ExportFormatError(`${file} could not be read: it is not whole JSON.`);
  }
  if (!doc || typeof doc !== 'object' || (!Array.isArray(doc.sleep) && !Array.isArray(doc.activity))) {
    throw new ExportFormatError(`${file} is not an Oura export: it has no "sleep" or "activity" list.`);
  }
  const out: Row[] = [];
  for (const s of (Array.isArray(doc.sleep) ? doc.sleep : []) as Record<string, unknown>[]) {
    const text = (v: unknown) => (typeof v === 'string' ? v : '');
    const n = (v: unknown) => (typeof v === 'number' ? v : Number.NaN);
    out.push(
      ...periodRows(
        {
          id: `${text(s.summary_date)}#${n(s.period_id)}`,
          type: s.is_longest === 1 || s.is_longest === true ? 'long_sleep' : 'sleep',
          bedtimeStart: text(s.bedtime_start),
          bedtimeEnd: text(s.bedtime_end),
          total: n(s.total),
          latency: n(s.onset_latency),
          phases: text(s.hypnogram_5min),
          averageHrv: n(s.rmssd),
          lowestHeartRate: n(s.hr_lowest),
          averageBreath: n(s.breath_average),
        },
        timeZone,
      ),
    );
  }
  for (const a of (Array.isArray(doc.activity) ? doc.activity : []) as Record<string, unknown>[]) {
    out.push(
      dayStepsRow(
        typeof a.summary_date === 'string' ? a.summary_date : '',
        typeof a.steps === 'number' ? a.steps : Number.NaN,
        timeZone,
      ),
    );
  }
  return out;
}

function periodRows(p: OuraPeriod, timeZone: string): Row[] {
  if (!SLEEP_TYPES.has(p.type)) return ['unused'];
  const start = readIsoTime(p.bedtimeStart, timeZone);
  const end = readIsoTime(p.bedtimeEnd, timeZone);
  if (!start || !end) return ['bad_date'];
  // Times are shown with the offset Oura wrote for the night (the ring knows where it was).
  const at = (ms: number) => instantWithOffset(ms, start.offsetMinutes);
  const id = p.id || p.bedtimeStart;
  const timed = (
    kind: DeviceSample['kind'],
    startMs: number,
    endMs: number,
    value: number,
    detail?: string,
    key?: string,
  ): TimedSample => ({
    sample: { kind, start: at(startMs), end: at(endMs), value, ...(detail ? { detail } : {}), ...SOURCE },
    startMs,
    endMs,
    key: `oura|${id}|${key ?? kind}`,
  });
  const out: Row[] = [timed('sleep', start.ms, end.ms, (end.ms - start.ms) / 60_000, 'in_bed', 'in_bed')];
  if (/^[1-4]+$/.test(p.phases)) {
    let spanStart = start.ms;
    let index = 0;
    for (let i = 0; i < p.phases.length; i++) {
      const stage = PHASE[p.phases[i] as string] as SleepStage;
      const nextIsSame = p.phases[i + 1] === p.phases[i];
      if (nextIsSame) continue;
      // The last five minutes may run past the end of the night: clipped to bedtime end.
      const spanEnd = Math.min(start.ms + (i + 1) * 5 * 60_000, end.ms);
      if (spanEnd > spanStart)
        out.push(
          timed('sleep', spanStart, spanEnd, (spanEnd - spanStart) / 60_000, stage, `stage${index++}`),
        );
      spanStart = spanEnd;
    }
  } else if (p.total > 0) {
    const asleepStart = Math.min(start.ms + (p.latency > 0 ? p.latency * 1000 : 0), end.ms);
    const asleepEnd = Math.min(asleepStart + p.total * 1000, end.ms);
    out.push(timed('sleep', asleepStart, asleepEnd, (asleepEnd - asleepStart) / 60_000, 'asleep'));
  }
  // The night's readings are dated by the morning it ended (Oura's own `day`): read at wake-up.
  if (p.type === 'long_sleep') {
    if (!Number.isNaN(p.averageHrv)) out.push(timed('hrv', end.ms, end.ms, p.averageHrv, 'rmssd'));
    if (!Number.isNaN(p.lowestHeartRate))
      out.push(timed('resting_heart_rate', end.ms, end.ms, p.lowestHeartRate));
    if (!Number.isNaN(p.averageBreath)) out.push(timed('respiratory_rate', end.ms, end.ms, p.averageBreath));
  }
  return out;
}

/** A day's steps, spanning the person's local day. */
function dayStepsRow(day: string, steps: number, timeZone: string): Row {
  const span = localDaySpan(day, timeZone);
  if (!span) return 'bad_date';
  return {
    sample: {
      kind: 'steps',
      start: instantInZone(span.startMs, timeZone),
      end: instantInZone(span.endMs, timeZone),
      value: steps,
      ...SOURCE,
    },
    ...span,
    key: `oura|steps|${day}`,
  };
}
