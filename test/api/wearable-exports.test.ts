/**
 * Fitbit, Oura and Gadgetbridge exports through the real import route on both engines: each
 * fixture becomes daily values (worked by hand from the fixtures: see each fixture's README and
 * the readers' unit tests), importing the same file again adds nothing, the source is recognised
 * when the person does not say it, and a wrong or damaged file is refused in words with nothing
 * stored.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { strToU8, unzipSync, zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, zipFolder } from '../../src/core/wearables/test-fixtures.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

const FITBIT = Buffer.from(zipFolder(`${FIXTURES}fitbit`));
const OURA = Buffer.from(zipFolder(`${FIXTURES}oura/hub`));
const scratch = mkdtempSync(join(tmpdir(), 'wearable-exports-'));
const GADGETBRIDGE = (() => {
  const path = join(scratch, 'Gadgetbridge');
  const db = new SQLite(path);
  db.exec(readFileSync(`${FIXTURES}gadgetbridge/gadgetbridge.sql`, 'utf8'));
  db.close();
  return readFileSync(path);
})();
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** The archive with a large file Gutbrain does not read, stored uncompressed (past the 64 KB read in place). */
function withHeartRateFile(zip: Buffer): Buffer {
  const files = unzipSync(zip);
  const beats = Array.from(
    { length: 4000 },
    (_, i) =>
      `{"dateTime":"03/01/24 06:${String(i % 60).padStart(2, '0')}:00","value":{"bpm":${60 + (i % 40)},"confidence":2}}`,
  );
  files['Takeout/Fitbit/Global Export Data/heart_rate-2024-03-01.json'] = strToU8(`[${beats.join(',')}]`);
  return Buffer.from(zipSync(files, { level: 0 }));
}

describe.each(testEngines())('wearable exports on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  const now = new Date('2024-03-20T09:00:00Z');

  const upload = (who: TestClient, payload: Buffer, query: string, type = 'application/zip') =>
    app.inject({
      method: 'POST',
      url: `/api/wearables/import?${query}`,
      headers: {
        cookie: `gb_session=${who.cookie}`,
        'x-csrf-token': who.csrfToken ?? '',
        'content-type': type,
      },
      payload,
    });
  const dayValues = async (who: TestClient, date: string) => {
    const day = (await who.get(`/api/wearables/days/${date}`)).json() as {
      values: { measure: string; value: number; origins: string[]; sourceName: string }[];
    };
    return Object.fromEntries(day.values.map((v) => [v.measure, v.value]));
  };

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => now });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('imports a Fitbit Takeout zip: steps on the person’s days, the night by its wake-up date', async () => {
    const ana = await registerClient(app, { timeZone: 'Europe/Berlin' });
    const res = await upload(ana, FITBIT, 'source=fitbit&name=takeout.zip');
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json();
    expect(summary).toMatchObject({
      source: 'fitbit',
      sourceName: 'Fitbit',
      from: '2024-03-01',
      to: '2024-03-02',
      origins: ['Fitbit'],
      skipped: { unusedTypes: 0, badDates: 3, implausible: 3, duplicates: 15 },
    });
    expect(summary.added).toBe(summary.values);
    // 5 steps, 14 sleep spans (time in bed + 13 stages), 5 of the nap, 2 resting heart rates, 1 HRV.
    expect(summary.samples).toBe(27);
    expect(await dayValues(ana, '2024-03-01')).toEqual({ steps: 227, resting_heart_rate: 58.3 });
    expect(await dayValues(ana, '2024-03-02')).toMatchObject({
      steps: 175,
      resting_heart_rate: 57.9,
      hrv_rmssd: 41.9,
      // 432 asleep of 450 in bed: 7.2 h, 96 %; the nap that afternoon is not the night.
      sleep_hours: 7.2,
      time_in_bed_hours: 7.5,
      sleep_efficiency: 96,
      core_sleep_minutes: 292,
      deep_sleep_minutes: 50,
      rem_sleep_minutes: 90,
      awake_minutes: 18,
    });

    const again = (await upload(ana, FITBIT, 'source=fitbit&name=takeout.zip')).json();
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: summary.values });
    expect(again.previousImport).not.toBeNull();
    // The same data in a larger archive (a day of heart rate every few seconds, not read) is read
    // in the import worker thread rather than in place: the same values, nothing new.
    const big = await upload(ana, withHeartRateFile(FITBIT), 'source=fitbit&name=takeout-full.zip');
    expect(big.statusCode, big.body).toBe(200);
    expect(big.json()).toMatchObject({
      added: 0,
      updated: 0,
      unchanged: summary.values,
      skipped: summary.skipped,
    });
  });

  it('imports an Oura Membership Hub zip without being told it is Oura', async () => {
    const olav = await registerClient(app, { timeZone: 'Europe/Oslo' });
    const res = await upload(olav, OURA, 'name=oura.zip');
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      source: 'oura',
      skipped: { unusedTypes: 1, badDates: 2, implausible: 2, duplicates: 19 },
    });
    expect(await dayValues(olav, '2024-03-01')).toEqual({ steps: 8412 });
    expect(await dayValues(olav, '2024-03-02')).toMatchObject({
      steps: 10233,
      // Hypnogram: 50 deep + 265 light + 120 REM = 435 of 465 minutes in bed.
      sleep_hours: 7.25,
      time_in_bed_hours: 7.75,
      sleep_efficiency: 93.5,
      deep_sleep_minutes: 50,
      rem_sleep_minutes: 120,
      core_sleep_minutes: 265,
      awake_minutes: 25,
      hrv_rmssd: 38,
      resting_heart_rate: 52,
      respiratory_rate: 14.9,
    });
    const again = (await upload(olav, OURA, 'source=oura&name=oura.zip')).json();
    expect(again).toMatchObject({ added: 0, updated: 0 });
  });

  it('imports a Gadgetbridge database (and recognises it as one)', async () => {
    const gil = await registerClient(app, { timeZone: 'Europe/Madrid' });
    const res = await upload(gil, GADGETBRIDGE, 'name=Gadgetbridge', 'application/octet-stream');
    expect(res.statusCode, res.body).toBe(200);
    // Minute heart rates give no daily value yet: the pipeline counts them as unused (8 + 5 + 1).
    expect(res.json()).toMatchObject({
      source: 'gadgetbridge',
      skipped: { unusedTypes: 14, badDates: 1, implausible: 2, duplicates: 0 },
    });
    expect(await dayValues(gil, '2024-03-01')).toMatchObject({
      steps: 262,
      deep_sleep_minutes: 3,
      core_sleep_minutes: 4,
    });
    expect(await dayValues(gil, '2024-03-02')).toMatchObject({
      steps: 290,
      deep_sleep_minutes: 5,
      rem_sleep_minutes: 1,
      core_sleep_minutes: 5,
    });
    // The Xiaomi band's night (its own sleep tables): 320 light + 60 deep + 60 REM asleep; the nap is not the night.
    expect(await dayValues(gil, '2024-03-04')).toMatchObject({
      steps: 80,
      sleep_hours: 7.33,
      core_sleep_minutes: 320,
      deep_sleep_minutes: 60,
      rem_sleep_minutes: 60,
      awake_minutes: 10,
    });
    const again = (await upload(gil, GADGETBRIDGE, 'name=Gadgetbridge', 'application/octet-stream')).json();
    expect(again).toMatchObject({ added: 0, updated: 0 });
  });

  it('refuses a file of the wrong export or a damaged one in words, storing nothing', async () => {
    const bo = await registerClient(app, { timeZone: 'Europe/Berlin' });
    const wrong = await upload(bo, OURA, 'source=fitbit&name=oura.zip');
    expect(wrong.statusCode, wrong.body).toBe(400);
    expect(wrong.json().error).toMatchObject({ code: 'not_this_export', field: 'file' });
    expect(wrong.json().error.message).toMatch(/Oura export, not a Fitbit export/);
    const cut = await upload(
      bo,
      FITBIT.subarray(0, Math.floor(FITBIT.length * 0.7)),
      'source=fitbit&name=t.zip',
    );
    expect(cut.statusCode, cut.body).toBe(400);
    expect(cut.json().error.message).toMatch(/cut short|damaged/);
    const halfDb = await upload(
      bo,
      GADGETBRIDGE.subarray(0, GADGETBRIDGE.length / 2),
      'source=gadgetbridge',
      'application/octet-stream',
    );
    expect(halfDb.statusCode, halfDb.body).toBe(400);
    expect(halfDb.json().error.message).toMatch(/damaged or cut short/);
    const notDb = await upload(bo, FITBIT, 'source=gadgetbridge&name=t.zip');
    expect(notDb.statusCode, notDb.body).toBe(400);
    expect(notDb.json().error.message).toMatch(/no Gadgetbridge database/);
    expect((await bo.get('/api/wearables')).json().sources).toEqual([]);
  });
});
