// The Gadgetbridge reader against fixtures/gadgetbridge/gadgetbridge.sql, loaded into a real SQLite
// file. Every expected span is worked by hand from the rows and the sample providers' rules
// quoted in core/wearables/gadgetbridge.ts.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import type { DeviceSample } from '../../core/wearables/samples.ts';
import { collect, FIXTURES, total } from '../../core/wearables/test-fixtures.ts';
import { readGadgetbridgeDb } from './gadgetbridge-db.ts';

const dir = mkdtempSync(join(tmpdir(), 'gb-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const options = { timeZone: 'Europe/Madrid', today: '2026-12-06' };

function fixtureDb(
  name = 'export.db',
  sql = readFileSync(`${FIXTURES}gadgetbridge/gadgetbridge.sql`, 'utf8'),
): string {
  const path = join(dir, name);
  const db = new SQLite(path);
  db.exec(sql);
  db.close();
  return path;
}
const path = fixtureDb();

async function readAll(file = path) {
  const read = readGadgetbridgeDb(file, options);
  const samples = await collect(read.samples);
  return { samples, skipped: read.skipped };
}
const of = (device: string) => (s: DeviceSample) => s.device === device;
const spans = (samples: DeviceSample[], device: string) =>
  samples
    .filter((s) => s.kind === 'sleep' && s.device === device)
    .map((s) => [s.detail, s.start, s.end, s.value]);

describe('readGadgetbridgeDb', () => {
  it('joins Huami minutes into sleep spans: low four bits, "no change" and "ignore" carry on, a gap ends a span', async () => {
    const { samples } = await readAll();
    expect(spans(samples, 'Amazfit Bip')).toEqual([
      ['core', '2024-03-01T23:01:00+01:00', '2024-03-01T23:03:00+01:00', 2],
      // 0x1b & 0xf = 11 (deep), then 10 (ignore) and 11.
      ['deep', '2024-03-01T23:03:00+01:00', '2024-03-01T23:06:00+01:00', 3],
      ['core', '2024-03-01T23:06:00+01:00', '2024-03-01T23:07:00+01:00', 1],
      ['core', '2024-03-01T23:08:00+01:00', '2024-03-01T23:09:00+01:00', 1],
    ]);
  });

  it('reads each family’s own kinds: Mi Band 1, Pebble overlays, Huami extended', async () => {
    const { samples } = await readAll();
    expect(spans(samples, 'Mi Band 1S')).toEqual([
      ['deep', '2024-03-02T02:00:00+01:00', '2024-03-02T02:02:00+01:00', 2],
      ['core', '2024-03-02T02:02:00+01:00', '2024-03-02T02:03:00+01:00', 1],
    ]);
    expect(spans(samples, 'Pebble Time')).toEqual([
      ['core', '2024-03-02T03:00:00+01:00', '2024-03-02T03:02:00+01:00', 2],
      ['deep', '2024-03-02T03:02:00+01:00', '2024-03-02T03:04:00+01:00', 2],
    ]);
    expect(spans(samples, 'Amazfit Band 7')).toEqual([
      ['rem', '2024-03-02T04:00:00+01:00', '2024-03-02T04:01:00+01:00', 1],
      ['deep', '2024-03-02T04:01:00+01:00', '2024-03-02T04:02:00+01:00', 1],
      // DEEP_SLEEP 170 & 127 = 42 and REM_SLEEP 183 & 127 = 55: not above the thresholds, light.
      ['core', '2024-03-02T04:02:00+01:00', '2024-03-02T04:04:00+01:00', 2],
    ]);
  });

  it('gives minute steps and heart rate on the person’s clock, skipping "no reading" markers', async () => {
    const { samples } = await readAll();
    const steps = samples.filter((s) => s.kind === 'steps');
    expect(total(steps, (s) => s.start.startsWith('2024-03-01'))).toBe(250 + 12);
    // 23:30 UTC is 00:30 on 2 March in Madrid.
    expect(total(steps, (s) => s.start.startsWith('2024-03-02'))).toBe(40 + 100 + 150);
    const bip = samples.filter((s) => s.kind === 'heart_rate' && of('Amazfit Bip')(s));
    expect(bip.map((s) => s.value)).toEqual([95, 72, 64, 62, 58, 57, 60, 80]);
    expect(
      samples.filter((s) => s.kind === 'heart_rate' && of('Amazfit Band 7')(s)).map((s) => s.value),
    ).toEqual([50, 49, 48, 47, 70]);
    expect(samples.every((s) => s.source === 'Gadgetbridge')).toBe(true);
  });

  it('reads Xiaomi sleep from its own tables: each stage until the next, a sleep without stages unstaged', async () => {
    const { samples } = await readAll();
    expect(spans(samples, 'Xiaomi Smart Band 8')).toEqual([
      ['core', '2024-03-03T23:00:00+01:00', '2024-03-04T00:00:00+01:00', 60],
      ['deep', '2024-03-04T00:00:00+01:00', '2024-03-04T01:00:00+01:00', 60],
      ['core', '2024-03-04T01:00:00+01:00', '2024-03-04T04:00:00+01:00', 180],
      ['rem', '2024-03-04T04:00:00+01:00', '2024-03-04T05:00:00+01:00', 60],
      ['awake', '2024-03-04T05:00:00+01:00', '2024-03-04T05:10:00+01:00', 10],
      ['core', '2024-03-04T05:10:00+01:00', '2024-03-04T06:30:00+01:00', 80],
      ['asleep', '2024-03-04T14:00:00+01:00', '2024-03-04T14:30:00+01:00', 30],
    ]);
    expect(
      samples.filter((s) => s.kind !== 'sleep' && of('Xiaomi Smart Band 8')(s)).map((s) => [s.kind, s.value]),
    ).toEqual([
      ['steps', 80],
      ['heart_rate', 66],
    ]);
  });

  it('counts what it leaves out', async () => {
    const { samples, skipped } = await readAll();
    // 30,000 steps and 300 bpm in one minute; a row in 2027.
    expect(skipped).toEqual({ unusedTypes: 0, badDates: 1, implausible: 2, duplicates: 0 });
    expect(samples).toHaveLength(16 + 2 + 3 + 8 + 9);
  });

  it('refuses a file that is not a database, another app’s database and a truncated one', async () => {
    const text = join(dir, 'notes.db');
    writeFileSync(text, 'date,mood\n2024-03-01,4\n'.repeat(200));
    await expect(readAll(text)).rejects.toThrow(/not a database/);
    const other = fixtureDb(
      'other.db',
      'CREATE TABLE observations (id INTEGER PRIMARY KEY, value REAL); INSERT INTO observations VALUES (1, 2.5);',
    );
    await expect(readAll(other)).rejects.toThrow(/not a Gadgetbridge export/);
    const whole = readFileSync(path);
    const cut = join(dir, 'cut.db');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    await expect(readAll(cut)).rejects.toThrow(/damaged or cut short/);
  });

  it('reads an older database whose devices have only a type number (Mi Band 1 = 10)', async () => {
    const old = readFileSync(`${FIXTURES}gadgetbridge/gadgetbridge.sql`, 'utf8')
      .replace('"TYPE" INTEGER NOT NULL ,"TYPE_NAME" TEXT NOT NULL ,', '"TYPE" INTEGER NOT NULL ,')
      .replace(/, '(AMAZFITBIP|MIBAND|MIBAND8|PEBBLE|AMAZFITBAND7)'/g, '');
    const { samples } = await readAll(fixtureDb('old.db', old));
    expect(spans(samples, 'Mi Band 1S').map((s) => s[0])).toEqual(['deep', 'core']);
  });
});
