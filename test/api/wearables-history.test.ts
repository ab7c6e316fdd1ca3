/**
 * Device values in History on both engines: after an Apple Health and a Fitbit import, GET
 * /api/checkins lists every day a device recorded — with or without a check-in — each value with its
 * unit, export and the apps and devices it came from, and only the person's own. Expected values:
 * the Apple Health fixture's, worked out by hand in src/server/wearables/apple-health.test.ts, and
 * the Fitbit fixture's (src/core/wearables/fixtures/fitbit/README.md).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURES, zipFolder } from '../../src/core/wearables/test-fixtures.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

const APPLE = Buffer.from(
  zipSync({
    'apple_health_export/export.xml': readFileSync(
      join(import.meta.dirname, '../../src/core/wearables/apple-health/fixtures/export.xml'),
    ),
  }),
);
const FITBIT = Buffer.from(zipFolder(`${FIXTURES}fitbit`));

interface DeviceValue {
  measure: string;
  value: number;
  unit: string | null;
  label: string;
  source: string;
  sourceName: string;
  origins: string[];
  devices: string[];
}
interface HistoryDay {
  date: string;
  checkin: Record<string, unknown>;
  imported?: { source: string }[];
  devices?: DeviceValue[];
}

const WATCH = 'Ana’s Apple Watch';
const PHONE = 'Ana’s iPhone';

describe.each(testEngines())('device values in History on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let ana: TestClient;
  const now = new Date('2024-03-20T09:00:00Z');

  const upload = (who: TestClient, payload: Buffer, source: string) =>
    app.inject({
      method: 'POST',
      url: `/api/wearables/import?source=${source}&name=export.zip`,
      headers: {
        cookie: `gb_session=${who.cookie}`,
        'x-csrf-token': who.csrfToken ?? '',
        'content-type': 'application/zip',
      },
      payload,
    });
  const history = async (who: TestClient, query: string): Promise<HistoryDay[]> => {
    const res = await who.get(`/api/checkins?${query}`);
    expect(res.statusCode, res.body).toBe(200);
    return res.json().days;
  };

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => now });
    ana = await registerClient(app, { timeZone: 'Europe/Berlin' });
    for (const [file, source] of [
      [APPLE, 'apple-health'],
      [FITBIT, 'fitbit'],
    ] as const) {
      const res = await upload(ana, file, source);
      expect(res.statusCode, res.body).toBe(200);
    }
    expect((await ana.put('/api/checkins/2024-03-11', { mood: 7 })).statusCode).toBe(200);
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('lists every day a device recorded, with or without a check-in, newest first', async () => {
    const days = await history(ana, 'from=2024-03-01&to=2024-03-20');
    // 11 March: Apple Health and a check-in; 10 March: only steps; 1–2 March: the Fitbit days.
    expect(days.map((d) => d.date)).toEqual(['2024-03-11', '2024-03-10', '2024-03-02', '2024-03-01']);
    expect(days[0]?.checkin).toEqual({ mood: 7 });
    for (const d of days.slice(1)) expect(d.checkin).toEqual({});
    // The watch's half of 23:55–00:05 (50) and 120 steps walked in New York (15:00 in Berlin).
    expect(days[1]?.devices).toEqual([
      {
        measure: 'steps',
        label: 'Steps',
        unit: 'steps',
        value: 170,
        source: 'apple-health',
        sourceName: 'Apple Health',
        origins: [WATCH, PHONE],
        devices: ['Watch6,2', 'iPhone13,2'],
      },
    ]);
    // A device night is not repeated as an imported check-in: it is in `devices`, whole.
    for (const d of days) expect(d.imported).toBeUndefined();
  });

  it('gives each value its unit, export and devices (the fixture night and day, by hand)', async () => {
    const [day] = await history(ana, 'from=2024-03-11&to=2024-03-11');
    const got = Object.fromEntries(
      (day?.devices ?? []).map((v) => [v.measure, [v.value, v.unit, v.sourceName, v.origins.join(' + ')]]),
    );
    expect(got).toEqual({
      // 600 (watch 08:00–08:10; the iPhone's 580 for the same minutes left out) + 300 + 50.
      steps: [950, 'steps', 'Apple Health', `${WATCH} + ${PHONE}`],
      // Asleep 23:10–02:30 and 02:40–06:50 = 450 min of 460 in bed.
      sleep_hours: [7.5, 'hours', 'Apple Health', WATCH],
      time_in_bed_hours: [7.67, 'hours', 'Apple Health', WATCH],
      sleep_efficiency: [97.8, '%', 'Apple Health', WATCH],
      bedtime: [23 * 60 + 10, 'minutes after midnight', 'Apple Health', WATCH],
      wake_time: [6 * 60 + 50, 'minutes after midnight', 'Apple Health', WATCH],
      core_sleep_minutes: [340, 'minutes', 'Apple Health', WATCH],
      deep_sleep_minutes: [45, 'minutes', 'Apple Health', WATCH],
      rem_sleep_minutes: [65, 'minutes', 'Apple Health', WATCH],
      awake_minutes: [10, 'minutes', 'Apple Health', WATCH],
      // 58 twice (a re-synced duplicate); SDNN (42.5 + 47.5) / 2, the 0 ms reading skipped.
      resting_heart_rate: [58, 'beats/min', 'Apple Health', WATCH],
      hrv_sdnn: [45, 'ms', 'Apple Health', WATCH],
      respiratory_rate: [15, 'breaths/min', 'Apple Health', WATCH],
      daylight_minutes: [25, 'minutes', 'Apple Health', WATCH],
      // Watch 07:30–07:40 and Headspace 07:35–07:50: 20 minutes, not 25.
      mindful_minutes: [20, 'minutes', 'Apple Health', `${WATCH} + Headspace`],
      workout_minutes: [45, 'minutes', 'Apple Health', WATCH],
    });
    expect(day?.devices?.find((v) => v.measure === 'hrv_sdnn')).toMatchObject({
      label: 'Heart-rate variability (SDNN)',
      devices: ['Watch6,2'],
    });

    // Fitbit's 2 March: RMSSD, not SDNN, and the night by its wake-up date; another export's name.
    const [fitbit] = await history(ana, 'from=2024-03-02&to=2024-03-02');
    const values = Object.fromEntries((fitbit?.devices ?? []).map((v) => [v.measure, v]));
    expect(values.hrv_rmssd).toMatchObject({
      value: 41.9,
      unit: 'ms',
      label: 'Heart-rate variability (RMSSD)',
      source: 'fitbit',
      sourceName: 'Fitbit',
      origins: ['Fitbit'],
    });
    expect(values.steps?.value).toBe(175);
    expect(values.sleep_hours?.value).toBe(7.2);
    expect(values.resting_heart_rate?.value).toBe(57.9);
    expect(values.hrv_sdnn).toBeUndefined();

    // A night from a third-party app before sleep stages existed, with no device model named.
    const [night] = await history(ana, 'from=2019-06-01&to=2019-06-03');
    expect(night?.date).toBe('2019-06-02');
    expect(night?.devices?.find((v) => v.measure === 'sleep_hours')).toMatchObject({
      value: 6.5,
      origins: ['AutoSleep'],
      devices: [],
    });
  });

  it('keeps to the period and the limit, and answers one day as GET /api/wearables/days does', async () => {
    expect((await history(ana, 'from=2024-03-03&to=2024-03-09')).map((d) => d.date)).toEqual([]);
    const newest = await history(ana, 'limit=2');
    expect(newest.map((d) => d.date)).toEqual(['2024-03-11', '2024-03-10']);
    const oldest = await history(ana, 'to=2024-03-01&limit=5');
    // Fitbit's 1 March: steps and resting heart rate. AutoSleep's unstaged night: hours, in bed,
    // efficiency, bedtime and wake time, and no stages.
    expect(oldest.map((d) => [d.date, d.devices?.length])).toEqual([
      ['2024-03-01', 2],
      ['2019-06-02', 5],
    ]);
    const day = (await ana.get('/api/wearables/days/2024-03-11')).json();
    expect(newest[0]?.devices).toEqual(day.values);
  });

  it('shows nobody else’s device values, and none after the export is deleted', async () => {
    const ben = await registerClient(app, { timeZone: 'Europe/Berlin' });
    expect(await history(ben, 'from=2019-01-01&to=2024-03-20')).toEqual([]);
    expect((await ben.put('/api/checkins/2024-03-11', { mood: 4 })).statusCode).toBe(200);
    const [own] = await history(ben, 'from=2024-03-01&to=2024-03-20');
    expect(own).toEqual({ date: '2024-03-11', checkin: { mood: 4 }, derived: {} });

    expect((await ana.delete('/api/wearables/sources/apple-health')).statusCode).toBe(204);
    const days = await history(ana, 'from=2019-01-01&to=2024-03-20');
    expect(days.map((d) => d.date)).toEqual(['2024-03-11', '2024-03-02', '2024-03-01']);
    expect(days[0]).toEqual({ date: '2024-03-11', checkin: { mood: 7 }, derived: {} });
  });
});
