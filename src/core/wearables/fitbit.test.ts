// Fitbit via Google Takeout, against the fixture in fixtures/fitbit (see its README for the
// sources of the format). Every expected number below is worked by hand from the fixture files.
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { TooLargeError } from '../errors.ts';
import { readFitbitTakeout } from './fitbit.ts';
import { ExportFormatError } from './reader-kit.ts';
import type { DeviceSample } from './samples.ts';
import { chunksOf, collect, FIXTURES, total, zipFolder } from './test-fixtures.ts';

const options = { timeZone: 'Europe/Berlin', today: '2026-12-06' };
const archive = zipFolder(`${FIXTURES}fitbit`);

async function readAll(bytes = archive, opts = options) {
  const read = readFitbitTakeout(chunksOf(bytes), opts);
  const samples = await collect(read.samples);
  return { samples, skipped: read.skipped };
}

const localDay = (s: DeviceSample) => s.start.slice(0, 10);
const stage = (name: string) => (s: DeviceSample) => s.kind === 'sleep' && s.detail === name;

describe('readFitbitTakeout', () => {
  it('reads minute steps as UTC and totals them on the person’s own days', async () => {
    const { samples } = await readAll();
    const steps = samples.filter((s) => s.kind === 'steps');
    expect(steps.map((s) => [s.start, s.value])).toEqual([
      ['2024-03-01T07:30:00+01:00', 85],
      ['2024-03-01T07:31:00+01:00', 102],
      ['2024-03-01T23:59:00+01:00', 40],
      // 23:00 UTC on 1 March is midnight in Berlin: this minute belongs to 2 March.
      ['2024-03-02T00:00:00+01:00', 55],
      ['2024-03-02T18:10:00+01:00', 120],
    ]);
    expect(total(steps, (s) => localDay(s) === '2024-03-01')).toBe(227);
    expect(total(steps, (s) => localDay(s) === '2024-03-02')).toBe(175);
    expect(steps.every((s) => s.source === 'Fitbit')).toBe(true);
  });

  it('turns a stages log into time in bed and stage spans, short wakes cut out of light sleep', async () => {
    const { samples } = await readAll();
    const night = samples.filter((s) => s.kind === 'sleep' && s.start < '2024-03-02T12');
    const inBed = night.filter(stage('in_bed'));
    expect(inBed).toEqual([
      {
        kind: 'sleep',
        start: '2024-03-01T23:10:00+01:00',
        end: '2024-03-02T06:40:00+01:00',
        value: 450,
        detail: 'in_bed',
        source: 'Fitbit',
      },
    ]);
    // The night is dated by the morning it ended: the wake-up date.
    expect(inBed[0]?.end.slice(0, 10)).toBe('2024-03-02');
    // Fitbit's own summary for this log: light 292, deep 50, REM 90, wake 18 (minutesAsleep 432).
    expect(total(night, stage('core'))).toBe(292);
    expect(total(night, stage('deep'))).toBe(50);
    expect(total(night, stage('rem'))).toBe(90);
    expect(total(night, stage('awake'))).toBe(18);
    // 9 stages in data, two of the lights split by a short wake: 13 spans, back to back.
    const spans = night.filter((s) => s.detail !== 'in_bed');
    expect(spans).toHaveLength(13);
    for (let i = 1; i < spans.length; i++) expect(spans[i]?.start).toBe(spans[i - 1]?.end);
    expect(spans.find((s) => s.start === '2024-03-02T01:30:00+01:00')).toMatchObject({
      detail: 'awake',
      value: 2,
    });
  });

  it('reads a classic log: restless minutes are not sleep', async () => {
    const { samples } = await readAll();
    const nap = samples.filter((s) => s.kind === 'sleep' && s.start >= '2024-03-02T12');
    expect(total(nap, stage('asleep'))).toBe(35);
    expect(total(nap, stage('awake'))).toBe(10);
    expect(total(nap, stage('in_bed'))).toBe(45);
  });

  it('reads resting heart rate per local day and nightly HRV (RMSSD)', async () => {
    const { samples } = await readAll();
    expect(
      samples.filter((s) => s.kind === 'resting_heart_rate').map((s) => [s.start, s.end, s.value]),
    ).toEqual([
      ['2024-03-01T00:00:00+01:00', '2024-03-01T00:00:00+01:00', 58.3],
      ['2024-03-02T00:00:00+01:00', '2024-03-02T00:00:00+01:00', 57.9],
    ]);
    expect(samples.filter((s) => s.kind === 'hrv')).toEqual([
      {
        kind: 'hrv',
        start: '2024-03-02T00:00:00+01:00',
        end: '2024-03-02T00:00:00+01:00',
        value: 41.853,
        detail: 'rmssd',
        source: 'Fitbit',
      },
    ]);
  });

  it('counts what it leaves out: duplicates, bad dates and values no body produces', async () => {
    const { samples, skipped } = await readAll();
    // Steps: one minute twice; 13/45/24 and a day after today; 30,000 in one minute.
    // Sleep: the night again in the February file (time in bed + 13 spans), a log without a start.
    // Resting heart rate 0 (Fitbit's "no data"), HRV 0 ms.
    expect(skipped).toEqual({ unusedTypes: 0, badDates: 3, implausible: 3, duplicates: 15 });
    expect(samples).toHaveLength(5 + 14 + 5 + 2 + 1);
  });

  it('reads the same totals however the bytes arrive', async () => {
    const one = await readAll();
    const read = readFitbitTakeout(chunksOf(archive, 64 * 1024), options);
    expect(await collect(read.samples)).toEqual(one.samples);
  });

  it('refuses an archive from another app, naming it', async () => {
    const apple = zipSync({ 'apple_health_export/export.xml': strToU8('<HealthData/>') });
    await expect(readAll(apple)).rejects.toThrow(/Apple Health export, not a Fitbit export/);
    const empty = zipSync({ 'Takeout/Drive/notes.txt': strToU8('hello') });
    await expect(readAll(empty)).rejects.toThrow(/holds no Fitbit data/);
  });

  it('refuses a truncated archive and a file that is not a zip', async () => {
    const cut = archive.slice(0, Math.floor(archive.length * 0.6));
    await expect(readAll(cut)).rejects.toThrow(ExportFormatError);
    await expect(readAll(cut)).rejects.toThrow(/cut short|damaged/);
    await expect(readAll(strToU8('SQLite format 3\u0000…'))).rejects.toThrow(
      /a database, not a Fitbit export/,
    );
  });

  it('stops at the size limit of one unpacked file', async () => {
    const read = readFitbitTakeout(chunksOf(archive), { ...options, limits: { entryBytes: 1024 } });
    await expect(collect(read.samples)).rejects.toThrow(TooLargeError);
  });
});
