/**
 * Writes a synthetic Apple Health export.xml of any length, shaped like a real one (the fixture's
 * DTD, two sources — a watch and a phone — with Apple's device descriptions, one record per line):
 * a watch's minute-by-minute steps with seconds that straddle minutes, the phone's 10-minute steps
 * over the same walks, an hour a day with the watch off (charging), heart-rate readings every two
 * minutes (a type Gutbrain does not use: most of a real export), a staged night from the watch and
 * the phone's "in bed", resting heart rate, HRV, breathing rate, daylight, mindful sessions,
 * workouts, and re-synced duplicates. The same seed always writes the same file.
 *
 * @example await writeAppleHealthExport('/tmp/export.xml', { days: 1826, endDate: '2026-01-31' });
 */

import { once } from 'node:events';
import { createWriteStream, readFileSync } from 'node:fs';
import { localClock } from '../src/core/wearables/local-clock.ts';

export interface ExportShape {
  days: number;
  /** The last day written (the person's local date). */
  endDate: string;
  timeZone?: string;
  seed?: number;
}

const WATCH =
  'sourceName="Ana’s Apple Watch" sourceVersion="10.3" device="&lt;&lt;HKDevice: 0x2836c0fa0&gt;, name:Apple Watch, manufacturer:Apple Inc., model:Watch, hardware:Watch6,2, software:10.3&gt;"';
const PHONE =
  'sourceName="Ana’s iPhone" sourceVersion="17.3.1" device="&lt;&lt;HKDevice: 0x2836c1220&gt;, name:iPhone, manufacturer:Apple Inc., model:iPhone, hardware:iPhone13,2, software:17.3.1&gt;"';

/** mulberry32: a tiny seeded generator, so the file is the same on every run. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const MINUTE = 60_000;
const DAY = 86_400_000;

export async function writeAppleHealthExport(path: string, shape: ExportShape): Promise<number> {
  const timeZone = shape.timeZone ?? 'Europe/Berlin';
  const rand = random(shape.seed ?? 20);
  const clock = localClock(timeZone);
  /** A UTC instant as Apple writes it, in the zone's local time with its offset. */
  const stamp = (ms: number) => {
    const local = clock(ms);
    const offset = Math.round((local - ms) / MINUTE);
    const iso = new Date(local).toISOString();
    const sign = offset < 0 ? '-' : '+';
    const abs = Math.abs(offset);
    return `${iso.slice(0, 10)} ${iso.slice(11, 19)} ${sign}${String(Math.floor(abs / 60)).padStart(2, '0')}${String(abs % 60).padStart(2, '0')}`;
  };
  /** The UTC instant of a local wall time on local day `day` (near enough across DST: the hour is kept). */
  const at = (day: number, minutes: number) => {
    const guess = day * DAY + minutes * MINUTE;
    return guess - (clock(guess) - guess);
  };
  const out = createWriteStream(path, { highWaterMark: 1 << 20 });
  let bytes = 0;
  let lines: string[] = [];
  const flush = async () => {
    const text = lines.join('');
    lines = [];
    bytes += Buffer.byteLength(text);
    if (!out.write(text)) await once(out, 'drain');
  };
  const record = (type: string, source: string, start: number, end: number, rest: string) =>
    lines.push(
      ` <Record type="${type}" ${source} ${rest}creationDate="${stamp(end + 5000)}" startDate="${stamp(start)}" endDate="${stamp(end)}"/>\n`,
    );
  const quantity = (type: string, source: string, unit: string, start: number, end: number, value: number) =>
    record(type, source, start, end, `unit="${unit}" value="${value}" `);
  const sleep = (source: string, start: number, end: number, stage: string) =>
    record(
      'HKCategoryTypeIdentifierSleepAnalysis',
      source,
      start,
      end,
      `value="HKCategoryValueSleepAnalysis${stage}" `,
    );

  const fixture = readFileSync(
    new URL('../src/core/wearables/apple-health/fixtures/export.xml', import.meta.url),
    'utf8',
  );
  const head = fixture.slice(0, fixture.indexOf('<HealthData'));
  lines.push(
    head,
    '<HealthData locale="de_DE">\n',
    ` <ExportDate value="${stamp(Date.parse(`${shape.endDate}T20:00:00Z`))}"/>\n`,
  );
  const endDay = Math.floor(Date.parse(`${shape.endDate}T00:00:00Z`) / DAY);
  for (let day = endDay - shape.days + 1; day <= endDay; day++) {
    const charging = 8 + Math.floor(rand() * 13); // the watch is off this hour
    for (let minute = 7 * 60; minute < 22 * 60; minute++) {
      if (Math.floor(minute / 60) === charging || rand() > 0.75) continue;
      const start = at(day, minute) + Math.floor(rand() * 50) * 1000;
      const value = 3 + Math.floor(rand() * 35);
      quantity('HKQuantityTypeIdentifierStepCount', WATCH, 'count', start, start + MINUTE, value);
      // A re-sync writes some records twice.
      if (rand() < 0.002)
        quantity('HKQuantityTypeIdentifierStepCount', WATCH, 'count', start, start + MINUTE, value);
    }
    for (let minute = 7 * 60; minute < 22 * 60; minute += 10) {
      if (rand() > 0.6) continue;
      const start = at(day, minute);
      quantity(
        'HKQuantityTypeIdentifierStepCount',
        PHONE,
        'count',
        start,
        start + 10 * MINUTE,
        100 + Math.floor(rand() * 800),
      );
    }
    for (let minute = 0; minute < 1440; minute += 2) {
      const t = at(day, minute) + Math.floor(rand() * 60) * 1000;
      quantity('HKQuantityTypeIdentifierHeartRate', WATCH, 'count/min', t, t, 55 + Math.floor(rand() * 60));
    }
    // The night that ends this morning: in bed from the phone, stages from the watch.
    const bed = at(day - 1, 22 * 60 + 40 + Math.floor(rand() * 80));
    let t = bed + 15 * MINUTE;
    const wake = at(day, 6 * 60 + 20 + Math.floor(rand() * 80));
    sleep(PHONE, bed, wake + 10 * MINUTE, 'InBed');
    const cycle = ['AsleepCore', 'AsleepDeep', 'AsleepCore', 'AsleepREM'];
    let i = 0;
    while (t < wake) {
      const next = Math.min(wake, t + (15 + Math.floor(rand() * 40)) * MINUTE);
      sleep(WATCH, t, next, rand() < 0.08 ? 'Awake' : (cycle[i++ % cycle.length] as string));
      t = next;
    }
    for (let k = 0; k < 12; k++) {
      const r = bed + (30 + k * 30) * MINUTE;
      quantity(
        'HKQuantityTypeIdentifierRespiratoryRate',
        WATCH,
        'count/min',
        r,
        r + 5 * MINUTE,
        12 + Math.round(rand() * 60) / 10,
      );
    }
    const rest = at(day, 0);
    quantity(
      'HKQuantityTypeIdentifierRestingHeartRate',
      WATCH,
      'count/min',
      rest,
      rest + 20 * 3_600_000,
      50 + Math.floor(rand() * 15),
    );
    for (let k = 0; k < 5; k++) {
      const h = at(day, 60 + k * 240 + Math.floor(rand() * 60));
      quantity(
        'HKQuantityTypeIdentifierHeartRateVariabilitySDNN',
        WATCH,
        'ms',
        h,
        h + MINUTE,
        Math.round((20 + rand() * 70) * 100) / 100,
      );
    }
    for (let k = 0; k < 6; k++) {
      const span = 10 + Math.floor(rand() * 20);
      const d = at(day, 8 * 60 + k * 90);
      quantity(
        'HKQuantityTypeIdentifierTimeInDaylight',
        WATCH,
        'min',
        d,
        d + span * MINUTE,
        Math.floor(rand() * span),
      );
    }
    if (rand() < 0.35) {
      const m = at(day, 7 * 60 + Math.floor(rand() * 60));
      record('HKCategoryTypeIdentifierMindfulSession', WATCH, m, m + 10 * MINUTE, '');
    }
    if (rand() < 0.5) {
      const w = at(day, 17 * 60 + Math.floor(rand() * 60));
      const minutes = 30 + Math.floor(rand() * 30);
      lines.push(
        ` <Workout workoutActivityType="HKWorkoutActivityTypeWalking" duration="${minutes}" durationUnit="min" ${WATCH} creationDate="${stamp(w + minutes * MINUTE)}" startDate="${stamp(w)}" endDate="${stamp(w + minutes * MINUTE)}">\n  <MetadataEntry key="HKIndoorWorkout" value="0"/>\n </Workout>\n`,
      );
    }
    if (lines.length > 5000) await flush();
  }
  lines.push('</HealthData>\n');
  await flush();
  out.end();
  await once(out, 'finish');
  return bytes;
}
