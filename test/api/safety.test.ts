import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { useClockedApp } from '../support/clocked-app.ts';
import { testEngines } from '../support/db.ts';

describe.each(testEngines())('safety pathway on %s', (engine) => {
  const t = useClockedApp(engine, '2026-04-20T12:00:00Z');
  let alice: TestClient;
  let bob: TestClient;

  beforeAll(async () => {
    alice = await registerClient(t.app, { timeZone: 'Europe/London' });
    bob = await registerClient(t.app, { timeZone: 'Europe/London' });
  });

  it('serves regions and the kinds of help to anyone, with a default from Accept-Language', async () => {
    const anon = client(t.app);
    const res = await anon.request('GET', '/api/safety/regions', undefined, {
      'accept-language': 'de-DE,de;q=0.9',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.localeRegion).toBe('EU');
    expect(body.regions.find((r: { id: string }) => r.id === 'EU').emergency.number).toBe('112');
    expect(body.regions.map((r: { id: string }) => r.id)).toEqual(
      expect.arrayContaining(['US', 'GB', 'IE', 'CA', 'AU', 'EU', 'INTL']),
    );
    expect(body.professionals).toHaveLength(5);
    expect(
      (await anon.request('GET', '/api/safety/regions', undefined, { 'accept-language': 'en' })).json()
        .localeRegion,
    ).toBe('INTL');
  });

  it('answers 401 without a session on the personal routes', async () => {
    const anon = client(t.app);
    expect((await anon.get('/api/safety/status')).statusCode).toBe(401);
    expect((await anon.put('/api/safety/region', { region: 'GB' })).statusCode).toBe(401);
    expect((await anon.post('/api/safety/dismissals', { kind: 'low_mood_pattern' })).statusCode).toBe(401);
  });

  it('sets the region in settings, refuses an unknown one naming the field, and null returns to the locale', async () => {
    const bad = await alice.put('/api/safety/region', { region: 'XX' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('region');
    expect((await alice.put('/api/safety/region', {})).json().error.field).toBe('region');
    expect((await alice.put('/api/safety/region', { region: 'GB' })).json().region).toEqual({
      id: 'GB',
      source: 'settings',
    });
    const row = await t.store.db
      .selectFrom('person')
      .select('region')
      .where('id', '=', alice.personId ?? '')
      .executeTakeFirst();
    expect(row?.region).toBe('GB');
    const status = await alice.request('GET', '/api/safety/status', undefined, {
      'accept-language': 'en-AU',
    });
    expect(status.json().region).toEqual({ id: 'GB', source: 'settings' });
    const cleared = await alice.request(
      'PUT',
      '/api/safety/region',
      { region: null },
      { 'accept-language': 'en-AU' },
    );
    expect(cleared.json().region).toEqual({ id: 'AU', source: 'locale' });
    await alice.put('/api/safety/region', { region: 'GB' });
  });

  it('re-checks the diary rule at every check-in save: support appears on the 10th low day of 14', async () => {
    // 14 logged days ending 2026-04-20: four good days first, then low days one by one.
    const start = '2026-04-07';
    for (let i = 0; i < 4; i += 1) {
      const res = await alice.put(`/api/checkins/${addDays(start, i)}`, { mood: 7 });
      expect(res.json().support).toBeUndefined();
    }
    for (let i = 4; i < 13; i += 1) {
      const res = await alice.put(`/api/checkins/${addDays(start, i)}`, { mood: i % 2 ? 3 : 2 });
      expect(res.statusCode).toBe(200);
      expect(res.json().support).toBeUndefined(); // 9 low days or fewer
    }
    expect((await alice.get('/api/safety/status')).json().support).toBeNull();
    const tenth = await alice.put('/api/checkins/2026-04-20', { mood: 1 });
    expect(tenth.statusCode).toBe(200);
    expect(Object.keys(tenth.json())[0]).toBe('support');
    const support = tenth.json().support;
    expect(support.triggers[0]).toMatchObject({ code: 'low_mood_pattern' });
    expect(support.triggers[0].message).toContain('10 of your last 14');
    expect(support.region.id).toBe('GB');
    expect(support.region.crisisLines[0].number).toBe('116 123');
    expect(support.region.emergency.number).toBe('999');
    expect(support.dismissible).toBe(true);
    expect(tenth.json().checkin).toEqual({ mood: 1 });
    expect((await alice.get('/api/safety/status')).json().support.triggers[0].code).toBe('low_mood_pattern');
    // Someone else's diary is not theirs.
    expect((await bob.get('/api/safety/status')).json().support).toBeNull();
  });

  it('lowering a mood back above 3 clears the pattern', async () => {
    const res = await alice.put('/api/checkins/2026-04-20', { mood: 5 });
    expect(res.json().support).toBeUndefined();
    expect((await alice.put('/api/checkins/2026-04-20', { mood: 2 })).json().support).toBeDefined();
  });

  it('puts the prompt away for 7 days, then brings it back while the pattern continues', async () => {
    const bad = await alice.post('/api/safety/dismissals', { kind: 'phq9_item9' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('kind');

    const dismissed = await alice.post('/api/safety/dismissals', { kind: 'low_mood_pattern' });
    expect(dismissed.statusCode).toBe(201);
    expect(dismissed.json().snoozedUntil).toBe('2026-04-27T12:00:00.000Z');
    const status = (await alice.get('/api/safety/status')).json();
    expect(status.support).toBeNull();
    expect(status.snoozedUntil).toBe('2026-04-27T12:00:00.000Z');
    expect((await alice.put('/api/checkins/2026-04-20', { mood: 2 })).json().support).toBeUndefined();

    t.clock = new Date('2026-04-27T11:59:00Z');
    expect((await alice.get('/api/safety/status')).json().support).toBeNull();
    t.clock = new Date('2026-04-27T12:00:00Z');
    expect((await alice.get('/api/safety/status')).json().support.triggers[0].code).toBe('low_mood_pattern');
    expect((await alice.put('/api/checkins/2026-04-27', { mood: 2 })).json().support).toBeDefined();
  });

  it('does not let a dismissal hide a PHQ-9 item 9 support screen', async () => {
    const answers = Object.fromEntries(
      Array.from({ length: 9 }, (_, i) => [`phq9_${i + 1}`, i === 8 ? 2 : 0]),
    );
    await alice.post('/api/safety/dismissals', { kind: 'low_mood_pattern' });
    const res = await alice.post('/api/screeners/phq9', { answers });
    expect(res.json().support.triggers.map((t: { code: string }) => t.code)).toEqual(['phq9_item9']);
    expect(res.json().support.dismissible).toBe(false);
  });
});
