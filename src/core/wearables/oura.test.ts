// Oura, against the fixtures in fixtures/oura (see its README for the sources of the format).
// Stage minutes are counted by hand from the fixture's hypnograms (one character = 5 minutes).
import { readFileSync } from 'node:fs';
import { strToU8, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { readOuraExport } from './oura.ts';
import type { DeviceSample } from './samples.ts';
import { chunksOf, collect, FIXTURES, total, zipFolder } from './test-fixtures.ts';

const options = { timeZone: 'Europe/Oslo', today: '2026-12-06' };
const hub = zipFolder(`${FIXTURES}oura/hub`);

async function readAll(bytes: Uint8Array, opts = options) {
  const read = readOuraExport(chunksOf(bytes), opts);
  const samples = await collect(read.samples);
  return { samples, skipped: read.skipped };
}

const stage = (name: string) => (s: DeviceSample) => s.kind === 'sleep' && s.detail === name;
const within = (from: string, to: string) => (s: DeviceSample) => s.start >= from && s.start < to;

describe('readOuraExport — Membership Hub zip', () => {
  it('lays a night out from the five-minute hypnogram, with the offset Oura wrote', async () => {
    const { samples } = await readAll(hub);
    const night = samples.filter(within('2024-03-01T23', '2024-03-02T07'));
    expect(night.filter(stage('in_bed'))).toEqual([
      {
        kind: 'sleep',
        start: '2024-03-01T23:05:00+01:00',
        end: '2024-03-02T06:50:00+01:00',
        value: 465,
        detail: 'in_bed',
        source: 'Oura',
      },
    ]);
    // 92 characters: 10 × '1', 53 × '2', 24 × '3', 5 × '4' — the last 5 minutes of the night have none.
    expect(total(night, stage('deep'))).toBe(50);
    expect(total(night, stage('core'))).toBe(265);
    expect(total(night, stage('rem'))).toBe(120);
    expect(total(night, stage('awake'))).toBe(25);
    expect(night.filter((s) => s.kind === 'sleep' && s.detail !== 'in_bed')).toHaveLength(14);
    expect(night.filter((s) => s.kind === 'sleep').at(-1)?.end).toBe('2024-03-02T06:45:00+01:00');
  });

  it('gives the main sleep’s HRV (RMSSD), lowest heart rate and breathing rate; a nap gives none', async () => {
    const { samples } = await readAll(hub);
    const nightly = samples.filter((s) => s.kind !== 'sleep' && s.kind !== 'steps');
    expect(nightly.map((s) => [s.kind, s.value, s.detail ?? null, s.end])).toEqual([
      ['hrv', 38, 'rmssd', '2024-03-02T06:50:00+01:00'],
      ['resting_heart_rate', 52, null, '2024-03-02T06:50:00+01:00'],
      ['respiratory_rate', 14.875, null, '2024-03-02T06:50:00+01:00'],
      ['resting_heart_rate', 49, null, '2024-03-06T07:00:00+09:00'],
      ['respiratory_rate', 15, null, '2024-03-06T07:00:00+09:00'],
    ]);
    const nap = samples.filter(within('2024-03-02T15', '2024-03-02T16'));
    expect(nap.map((s) => [s.detail, s.value])).toEqual([
      ['in_bed', 30],
      ['awake', 10],
      ['core', 20],
    ]);
  });

  it('keeps a night away from home on the clock where it was slept; without a hypnogram, one asleep span', async () => {
    const { samples } = await readAll(hub);
    const tokyo = samples.filter((s) => s.kind === 'sleep' && s.start.endsWith('+09:00'));
    expect(tokyo.map((s) => [s.detail, s.start, s.end, s.value])).toEqual([
      ['in_bed', '2024-03-05T23:30:00+09:00', '2024-03-06T07:00:00+09:00', 450],
      // Bedtime plus the 15-minute latency, for Oura's total of 420 minutes.
      ['asleep', '2024-03-05T23:45:00+09:00', '2024-03-06T06:45:00+09:00', 420],
    ]);
  });

  it('reads daily steps on the person’s days and counts what it leaves out', async () => {
    const { samples, skipped } = await readAll(hub);
    expect(samples.filter((s) => s.kind === 'steps').map((s) => [s.start, s.end, s.value])).toEqual([
      ['2024-03-01T00:00:00+01:00', '2024-03-02T00:00:00+01:00', 8412],
      ['2024-03-02T00:00:00+01:00', '2024-03-03T00:00:00+01:00', 10233],
    ]);
    // Unused: a rest-mode period. Bad dates: a period without a bedtime, a day in 2027.
    // Implausible: HRV 0 ms, 350,000 steps in a day. Duplicates: the night again (18 samples), 2 March again.
    expect(skipped).toEqual({ unusedTypes: 1, badDates: 2, implausible: 2, duplicates: 19 });
    expect(samples).toHaveLength(18 + 3 + 4 + 2);
  });

  it('reads sleepmodel.csv uploaded on its own like the same file in the zip', async () => {
    const csv = readFileSync(`${FIXTURES}oura/hub/App Data/sleepmodel.csv`);
    const alone = await readAll(csv);
    const inZip = (await readAll(hub)).samples.filter((s) => s.kind !== 'steps');
    expect(alone.samples).toEqual(inZip);
  });

  it('refuses an archive from another app and a file of another kind', async () => {
    const fitbit = zipSync({ 'Takeout/Fitbit/Global Export Data/steps-2024-03-01.json': strToU8('[]') });
    await expect(readAll(fitbit)).rejects.toThrow(/Fitbit export from Google Takeout, not an Oura export/);
    await expect(readAll(strToU8('SQLite format 3\u0000rest'))).rejects.toThrow(
      /database, not an Oura export/,
    );
    await expect(readAll(strToU8('date;mood\n2024-03-01;rad\n'))).rejects.toThrow(
      /no bedtime_start or steps column/,
    );
    await expect(readAll(hub.slice(0, hub.length - 100))).rejects.toThrow(/cut short/);
  });
});

describe('readOuraExport — oura_data.json (cloud.ouraring.com)', () => {
  it('reads the older JSON: stages from hypnogram_5min, rmssd, hr_lowest and daily steps', async () => {
    const { samples, skipped } = await readAll(readFileSync(`${FIXTURES}oura/oura_data.json`));
    const sleep = samples.filter((s) => s.kind === 'sleep');
    expect(sleep[0]).toMatchObject({
      detail: 'in_bed',
      start: '2020-01-10T23:40:00+02:00',
      end: '2020-01-11T07:10:00+02:00',
      value: 450,
    });
    // 87 characters: 11 × '1', 49 × '2', 24 × '3', 3 × '4'.
    expect([stage('deep'), stage('core'), stage('rem'), stage('awake')].map((p) => total(sleep, p))).toEqual([
      55, 245, 120, 15,
    ]);
    expect(samples.find((s) => s.kind === 'hrv')).toMatchObject({ value: 61, detail: 'rmssd' });
    expect(samples.find((s) => s.kind === 'resting_heart_rate')?.value).toBe(48);
    expect(samples.filter((s) => s.kind === 'steps').map((s) => [s.start.slice(0, 10), s.value])).toEqual([
      ['2020-01-10', 7120],
    ]);
    expect(skipped).toEqual({ unusedTypes: 0, badDates: 0, implausible: 1, duplicates: 0 });
  });

  it('refuses JSON that is not an Oura export', async () => {
    await expect(readAll(strToU8('{"entries": []}'))).rejects.toThrow(/no "sleep" or "activity" list/);
    await expect(readAll(strToU8('{"sleep": [ {"bedtime'))).rejects.toThrow(/not whole JSON/);
  });
});
