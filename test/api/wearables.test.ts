/**
 * Wearable imports through the API on both engines: an Apple Health zip becomes daily values with
 * their origins, importing it again adds nothing, a newer export adds only its new days, the
 * person's order of origins applies to the next import, one source can be deleted, and a bad
 * file is refused in words with nothing stored. Expected values: the fixture's, worked out by hand
 * in src/server/wearables/apple-health.test.ts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { zipSync } from 'fflate';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

const XML = readFileSync(
  join(import.meta.dirname, '../../src/core/wearables/apple-health/fixtures/export.xml'),
  'utf8',
);
// A fixed time inside the zip: the same export zipped twice is then the same file, byte for byte.
const zipOf = (xml: string) =>
  Buffer.from(
    zipSync(
      { 'apple_health_export/export.xml': new TextEncoder().encode(xml) },
      { mtime: new Date('2024-03-20T09:00:00Z') },
    ),
  );

/** The fixture with one more night and walk (a newer export of the same phone). */
const NEWER = XML.replace(
  '</HealthData>',
  ` <Record type="HKQuantityTypeIdentifierStepCount" sourceName="Ana’s Apple Watch" unit="count" startDate="2024-03-15 10:00:00 +0100" endDate="2024-03-15 10:10:00 +0100" value="1234"/>
</HealthData>`,
);

describe.each(testEngines())('wearables on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  let ana: TestClient;
  const now = new Date('2024-03-20T09:00:00Z');

  const upload = (who: TestClient, payload: string | Buffer, type: string, query = 'source=apple-health') =>
    app.inject({
      method: 'POST',
      url: `/api/wearables/import?${query}&name=export.zip`,
      headers: {
        cookie: `gb_session=${who.cookie}`,
        'x-csrf-token': who.csrfToken ?? '',
        'content-type': type,
      },
      payload,
    });

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => now });
    ana = await registerClient(app, { timeZone: 'Europe/Berlin' });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  it('refuses a cut-short zip and a file from another app, storing nothing', async () => {
    const zip = zipOf(XML);
    const cut = await upload(ana, zip.subarray(0, zip.length - 30), 'application/zip');
    expect(cut.statusCode, cut.body).toBe(400);
    expect(cut.json().error).toMatchObject({ code: 'truncated_zip', field: 'file' });
    expect(cut.json().error.message).toMatch(/incomplete or damaged/);
    const other = await upload(ana, '<?xml version="1.0"?><gpx version="1.1"/>', 'application/xml');
    expect(other.statusCode, other.body).toBe(400);
    expect(other.json().error.code).toBe('not_apple_health');
    const empty = await upload(ana, '', 'application/zip');
    expect(empty.statusCode).toBe(400);
    expect((await ana.get('/api/wearables')).json().sources).toEqual([]);
  });

  let added = 0;
  it('imports the zip: daily values with where they came from, skipped rows counted', async () => {
    const res = await upload(ana, zipOf(XML), 'application/zip');
    expect(res.statusCode, res.body).toBe(200);
    const summary = res.json();
    expect(summary).toMatchObject({
      source: 'apple-health',
      sourceName: 'Apple Health',
      previousImport: null,
      from: '2019-06-02',
      to: '2024-03-11',
      updated: 0,
      unchanged: 0,
      skipped: { unusedTypes: 2, badDates: 2, implausible: 2, duplicates: 3 },
    });
    expect(summary.added).toBe(summary.values);
    added = summary.added;
    const day = (await ana.get('/api/wearables/days/2024-03-11')).json();
    const value = (m: string) => day.values.find((v: { measure: string }) => v.measure === m);
    expect(value('sleep_hours')).toMatchObject({
      value: 7.5,
      label: 'Sleep',
      unit: 'hours',
      sourceName: 'Apple Health',
      origins: ['Ana’s Apple Watch'],
      devices: ['Watch6,2'],
    });
    expect(value('steps')).toMatchObject({ value: 950, origins: ['Ana’s Apple Watch', 'Ana’s iPhone'] });
    const overview = (await ana.get('/api/wearables')).json();
    expect(overview.sources).toEqual([
      {
        source: 'apple-health',
        sourceName: 'Apple Health',
        values: added,
        from: '2019-06-02',
        to: '2024-03-11',
      },
    ]);
    expect(overview.origins[0]).toBe('Ana’s Apple Watch');
  });

  it('adds nothing when the same file comes again, and only the new day from a newer export', async () => {
    const again = (await upload(ana, zipOf(XML), 'application/zip')).json();
    expect(again).toMatchObject({ added: 0, updated: 0, unchanged: added });
    expect(again.previousImport).not.toBeNull();
    const newer = await upload(ana, NEWER, 'application/xml');
    expect(newer.statusCode, newer.body).toBe(200);
    expect(newer.json()).toMatchObject({ added: 1, updated: 0, unchanged: added, to: '2024-03-15' });
  });

  it('applies the person’s order of origins at the next import', async () => {
    const set = await ana.put('/api/wearables/priority', { origins: ['Ana’s iPhone'] });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().origins[0]).toBe('Ana’s iPhone');
    const res = (await upload(ana, zipOf(XML), 'application/zip')).json();
    // Only 2024-03-11's steps change: the iPhone's 580 now counts for 08:00–08:10 (580 + 300 + 50).
    expect(res).toMatchObject({ added: 0, updated: 1 });
    const day = (await ana.get('/api/wearables/days/2024-03-11')).json();
    expect(day.values.find((v: { measure: string }) => v.measure === 'steps').value).toBe(930);
  });

  it('shows the night on Today and History, the steps in the FHIR export with their LOINC code', async () => {
    // Today reads the night whole from the device day (the check-in's sleep fields are filled from
    // it); the check-in day does not repeat it as an imported tracker, so a day with only device
    // data has no check-in of any kind.
    const night = (await ana.get('/api/wearables/days/2024-03-11')).json();
    const value = (m: string) => night.values.find((v: { measure: string }) => v.measure === m)?.value;
    expect([value('sleep_hours'), value('bedtime'), value('wake_time')]).toEqual([
      7.5,
      23 * 60 + 10,
      6 * 60 + 50,
    ]);
    expect((await ana.get('/api/checkins/2024-03-11')).statusCode).toBe(404);
    const history = (await ana.get('/api/checkins?from=2024-03-11&to=2024-03-11')).json();
    expect(history.days[0]).toMatchObject({ date: '2024-03-11', checkin: {} });
    expect(history.days[0].imported).toBeUndefined();
    expect(history.days[0].devices.find((v: { measure: string }) => v.measure === 'sleep_hours').value).toBe(
      7.5,
    );
    const fhir = JSON.parse((await ana.get('/api/export/fhir')).body);
    const coded = (code: string) =>
      fhir.entry
        .map((e: { resource: Record<string, unknown> }) => e.resource)
        .filter((r: { code?: { coding: Array<{ code: string }> } }) =>
          r.code?.coding.some((c) => c.code === code),
        );
    const steps = coded('55423-8').find(
      (r: { effectiveDateTime: string }) => r.effectiveDateTime === '2024-03-11',
    );
    expect(steps).toMatchObject({
      valueQuantity: { value: 930, code: '{steps}' },
      category: [{ coding: [{ code: 'activity' }] }],
    });
    expect(coded('40443-4')[0]).toMatchObject({ valueQuantity: { value: 58, code: '/min' } });
    expect(coded('80404-7')[0]).toMatchObject({ valueQuantity: { value: 45, code: 'ms' } });
  });

  it('keeps one person’s device data from another, and deletes one source entirely', async () => {
    const bob = await registerClient(app);
    expect((await bob.get('/api/wearables/days/2024-03-11')).json().values).toEqual([]);
    expect((await bob.delete('/api/wearables/sources/apple-health')).statusCode).toBe(404);
    const gone = await ana.delete('/api/wearables/sources/apple-health');
    expect(gone.statusCode).toBe(204);
    expect((await ana.get('/api/wearables/days/2024-03-11')).json().values).toEqual([]);
    expect((await ana.get('/api/wearables')).json().sources).toEqual([]);
  });
});
