/**
 * The Apple Health reader on the fixture export (src/core/wearables/apple-health/fixtures/export.xml,
 * built from Apple's "HealthKit Export Version 14" DTD and the record shapes Apple documents, with
 * the quirks of real exports), plain and zipped, and on files that are not exports. Expected daily
 * values are worked out by hand in the comments.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { zipSync } from 'fflate';
import { SaxesParser } from 'saxes';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExportXmlReader } from '../../core/wearables/apple-health/export-xml.ts';
import { DailyAggregator, type DailyTruth } from '../../core/wearables/daily.ts';
import { readAppleHealth } from './apple-health.ts';
import { DEFAULT_READER_LIMITS } from './limits.ts';

const FIXTURE = new URL('../../core/wearables/apple-health/fixtures/export.xml', import.meta.url);
let dir: string;
let xml: string;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'gutbrain-apple-test-'));
  xml = await readFile(FIXTURE, 'utf8');
});
afterAll(() => rm(dir, { recursive: true, force: true }));

async function file(name: string, content: string | Uint8Array): Promise<string> {
  const path = join(dir, name);
  await writeFile(path, content);
  return path;
}

async function truthOf(path: string, priority: string[] = []): Promise<DailyTruth> {
  const daily = new DailyAggregator({ timeZone: 'Europe/Berlin', today: '2024-03-20', priority });
  await readAppleHealth(path, (s) => daily.add(s), daily.skipped, DEFAULT_READER_LIMITS);
  return daily.finish();
}

const dayValue = (t: DailyTruth, date: string, measure: string) =>
  t.values.find((v) => v.date === date && v.measure === measure)?.value;

const zipOf = (entries: Record<string, string>) =>
  zipSync(Object.fromEntries(Object.entries(entries).map(([k, v]) => [k, new TextEncoder().encode(v)])));

describe('Apple Health export → daily truth', () => {
  it('gives one value per day and measure, worked out by hand', async () => {
    const t = await truthOf(await file('export.xml', xml));
    const day = (measure: string) => dayValue(t, '2024-03-11', measure);
    // Watch 08:00–08:10 600 (the iPhone's 580 for the same minutes is left out), iPhone alone at
    // 12:00 300, and half of the watch's 100 from 23:55–00:05: 600 + 300 + 50.
    expect(day('steps')).toBe(950);
    // The other half, plus 120 steps walked in New York (written at -0500, 15:00 in Berlin).
    expect(dayValue(t, '2024-03-10', 'steps')).toBe(170);
    // Watch night: 23:10–02:30 and 02:40–06:50 asleep = 200 + 250 min; in bed 23:10–06:50 = 460 min.
    expect(day('sleep_hours')).toBe(7.5);
    expect(day('time_in_bed_hours')).toBe(7.67);
    expect(day('sleep_efficiency')).toBe(97.8);
    expect(day('bedtime')).toBe(23 * 60 + 10);
    expect(day('wake_time')).toBe(6 * 60 + 50);
    expect(day('core_sleep_minutes')).toBe(110 + 230);
    expect(day('deep_sleep_minutes')).toBe(45);
    expect(day('rem_sleep_minutes')).toBe(45 + 20);
    expect(day('awake_minutes')).toBe(10);
    expect(day('resting_heart_rate')).toBe(58);
    expect(day('hrv_sdnn')).toBe(45);
    expect(day('respiratory_rate')).toBe(15);
    expect(day('daylight_minutes')).toBe(25);
    // Watch 07:30–07:40 and Headspace 07:35–07:50 overlap: 20 minutes, not 25.
    expect(day('mindful_minutes')).toBe(20);
    expect(day('workout_minutes')).toBe(45);
    // A night before stages existed ("Asleep", iOS 15 and earlier) from a third-party app.
    expect(dayValue(t, '2019-06-02', 'sleep_hours')).toBe(6.5);
    expect(dayValue(t, '2019-06-02', 'bedtime')).toBe(30);
    expect(t.skipped).toEqual({ unusedTypes: 2, badDates: 2, implausible: 2, duplicates: 3 });
    expect(t.origins).toEqual(['Ana’s Apple Watch', 'AutoSleep', 'Headspace', 'Ana’s iPhone']);
    const steps = t.values.find((v) => v.date === '2024-03-11' && v.measure === 'steps');
    expect(steps?.origins).toEqual(['Ana’s Apple Watch', 'Ana’s iPhone']);
    expect(steps?.devices).toEqual(['Watch6,2', 'iPhone13,2']);
  });

  it('lets the person put the phone first', async () => {
    const t = await truthOf(await file('export-phone.xml', xml), ['Ana’s iPhone']);
    // The iPhone's 580 now counts for 08:00–08:10, and its in-bed night is still not "asleep".
    expect(dayValue(t, '2024-03-11', 'steps')).toBe(580 + 300 + 50);
    expect(dayValue(t, '2024-03-11', 'sleep_hours')).toBe(7.5);
  });

  it('reads the same from the zip the Health app shares', async () => {
    const zip = zipOf({
      'apple_health_export/export.xml': xml,
      'apple_health_export/export_cda.xml': '<ClinicalDocument/>',
    });
    const fromZip = await truthOf(await file('export.zip', zip));
    const fromXml = await truthOf(await file('export2.xml', xml));
    expect(fromZip).toEqual(fromXml);
  });

  it('refuses a truncated zip, a zip without export.xml, another XML and an entity bomb', async () => {
    const zip = zipOf({ 'apple_health_export/export.xml': xml });
    await expect(truthOf(await file('cut.zip', zip.subarray(0, zip.length - 40)))).rejects.toMatchObject({
      code: 'truncated_zip',
    });
    await expect(truthOf(await file('other.zip', zipOf({ 'photos/a.txt': 'x' })))).rejects.toMatchObject({
      code: 'not_apple_health',
    });
    const gpx = '<?xml version="1.0"?><gpx version="1.1"><trk/></gpx>';
    await expect(truthOf(await file('route.gpx', gpx))).rejects.toMatchObject({ code: 'not_apple_health' });
    const bomb =
      '<?xml version="1.0"?><!DOCTYPE HealthData [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;">]><HealthData locale="&b;"></HealthData>';
    await expect(truthOf(await file('bomb.xml', bomb))).rejects.toMatchObject({ code: 'malformed_export' });
    const cut = xml.slice(0, Math.floor(xml.length * 0.6));
    await expect(truthOf(await file('cut.xml', cut))).rejects.toMatchObject({ code: 'malformed_export' });
  });
});

describe('ExportXmlReader', () => {
  /** Every element with its attributes and depth, as saxes (a conforming XML parser) reads them. */
  function withSaxes(text: string) {
    const out: string[] = [];
    const parser = new SaxesParser();
    let depth = 0;
    parser.on('opentag', (tag) => {
      out.push(`${depth} ${tag.name} ${JSON.stringify(tag.attributes)}`);
      if (!tag.isSelfClosing) depth++;
    });
    parser.on('closetag', (tag) => {
      if (!tag.isSelfClosing) depth--;
    });
    parser.write(text).close();
    return out;
  }

  it('reads every element and attribute as saxes does, whatever the chunk size', () => {
    const expected = withSaxes(xml);
    for (const size of [1, 7, 4096, xml.length]) {
      const got: string[] = [];
      const reader = new ExportXmlReader((name, attributes, depth) =>
        got.push(`${depth} ${name} ${JSON.stringify(attributes)}`),
      );
      for (let i = 0; i < xml.length; i += size) reader.push(xml.slice(i, i + size));
      reader.end();
      expect(got).toEqual(expected);
    }
  });

  it('passes over skipped elements once each, even split across chunks', () => {
    const seen: string[] = [];
    let skippedCount = 0;
    const reader = new ExportXmlReader(
      (name, attributes) => {
        if (name === 'Record') seen.push(attributes.type ?? '');
      },
      (name, key, value) =>
        name === 'Record' && key === 'type' && value === 'HKQuantityTypeIdentifierHeartRate',
      () => skippedCount++,
    );
    for (let i = 0; i < xml.length; i += 3) reader.push(xml.slice(i, i + 3));
    reader.end();
    expect(skippedCount).toBe(1);
    expect(seen).not.toContain('HKQuantityTypeIdentifierHeartRate');
    expect(seen).toContain('HKQuantityTypeIdentifierBodyMass');
  });
});
