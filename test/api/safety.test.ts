import { beforeAll, describe, expect, it } from 'vitest';
import { addDays } from '../../src/core/dates.ts';
import { regionById } from '../../src/core/safety/regions.ts';
import { client, registerClient, type TestClient } from '../support/api.ts';
import { useClockedApp } from '../support/clocked-app.ts';
import { testEngines } from '../support/db.ts';

const GB = regionById('GB');
/** A Daylio export: one entry a day with the given label, ending on `last`. */
const daylio = (label: string, days: number, last: string) =>
  [
    'full_date,date,weekday,time,mood,activities,note_title,note',
    ...Array.from({ length: days }, (_, i) => `${addDays(last, i - days + 1)},x,Monday,20:00,${label},,,`),
  ].join('\n');

describe.each(testEngines())('safety pathway on %s', (engine) => {
  const t = useClockedApp(engine, '2026-04-20T12:00:00Z');
  let alice: TestClient;
  let bob: TestClient;

  beforeAll(async () => {
    alice = await registerClient(t.app, { timeZone: 'Europe/London' });
    bob = await registerClient(t.app, { timeZone: 'Europe/London' });
  });

  it('serves every country’s numbers to anyone, with a default from Accept-Language', async () => {
    const anon = client(t.app);
    const res = await anon.request('GET', '/api/safety/regions', undefined, {
      'accept-language': 'de-DE,de;q=0.9',
    });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.localeRegion).toBe('DE');
    const de = body.regions.find((r: { id: string }) => r.id === 'DE');
    expect(de.crisisLines[0].dial).toBe(regionById('DE').crisisLines[0]?.dial);
    expect(de.crisisLines[0].source).toMatch(/^https?:\/\//);
    expect(body.regions.length).toBe(48);
    expect(body.professionals).toHaveLength(5);
    // A locale without a country gets the international entry: 112 and the directories.
    const en = (
      await anon.request('GET', '/api/safety/regions', undefined, { 'accept-language': 'en' })
    ).json();
    expect(en.localeRegion).toBe('INTL');
    const intl = body.regions.find((r: { id: string }) => r.id === 'INTL');
    expect(intl.emergency.dial).toBe(regionById('INTL').emergency.dial);
  });

  it('answers 401 without a session on the personal routes', async () => {
    const anon = client(t.app);
    expect((await anon.get('/api/safety/status')).statusCode).toBe(401);
    expect((await anon.put('/api/safety/region', { region: 'GB' })).statusCode).toBe(401);
    expect((await anon.post('/api/safety/dismissals', { kind: 'low_mood_pattern' })).statusCode).toBe(401);
  });

  it('sets the country in settings, refuses an unknown one naming the field, and null returns to the locale', async () => {
    const bad = await alice.put('/api/safety/region', { region: 'XX' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('region');
    expect((await alice.put('/api/safety/region', { region: 'EU' })).statusCode).toBe(400);
    expect((await alice.put('/api/safety/region', {})).json().error.field).toBe('region');
    expect((await alice.put('/api/safety/region', { region: 'GB' })).json().region).toEqual({
      id: 'GB',
      source: 'settings',
    });
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

  it('refuses a dismissal when no prompt is showing (409), so none can be made in advance', async () => {
    const early = await alice.post('/api/safety/dismissals', { kind: 'low_mood_pattern' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.code).toBe('no_prompt');
    expect(await t.store.db.selectFrom('safety_dismissal').selectAll().execute()).toEqual([]);
  });

  it('re-checks the diary rule at every save: support appears on the 10th low day of 14', async () => {
    // 14 daily entries ending 2026-04-20: four good days first, then low days one by one.
    const start = '2026-04-07';
    for (let i = 0; i < 4; i += 1) {
      const res = await alice.put(`/api/checkins/${addDays(start, i)}`, { mood: 7 });
      expect(res.json().support).toBeUndefined();
    }
    for (let i = 4; i < 13; i += 1) {
      const res = await alice.put(`/api/checkins/${addDays(start, i)}`, { mood: i % 2 ? 3 : 2 });
      expect(res.statusCode).toBe(200);
      expect(res.json().support).toBeUndefined(); // 9 low of 13 logged (< 10 of 14)
    }
    expect((await alice.get('/api/safety/status')).json().support).toBeNull();
    const tenth = await alice.put('/api/checkins/2026-04-20', { mood: 1 });
    expect(tenth.statusCode).toBe(200);
    expect(Object.keys(tenth.json())[0]).toBe('support');
    const support = tenth.json().support;
    expect(support.kind).toBe('diary');
    expect(support.triggers[0]).toMatchObject({ code: 'low_mood_pattern' });
    expect(support.triggers[0].message).toContain('10 of the 14 days you logged');
    expect(support.region.id).toBe('GB');
    expect(support.region.crisisLines[0].number).toBe(GB.crisisLines[0]?.number);
    expect(support.region.emergency.number).toBe(GB.emergency.number);
    expect(support.dismissible).toBe(true);
    expect(tenth.json().checkin).toEqual({ mood: 1 });
    expect((await bob.get('/api/safety/status')).json().support).toBeNull();
  });

  it('lowering a mood back above 3 clears the pattern', async () => {
    expect((await alice.put('/api/checkins/2026-04-20', { mood: 5 })).json().support).toBeUndefined();
    expect((await alice.put('/api/checkins/2026-04-20', { mood: 2 })).json().support).toBeDefined();
  });

  it('allows one 7-day snooze per episode; if the pattern continues the prompt returns and stays', async () => {
    const bad = await alice.post('/api/safety/dismissals', { kind: 'phq9_item9' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.field).toBe('kind');

    const dismissed = await alice.post('/api/safety/dismissals', { kind: 'low_mood_pattern' });
    expect(dismissed.statusCode).toBe(201);
    expect(dismissed.json().snoozedUntil).toBe('2026-04-27T12:00:00.000Z');
    const status = (await alice.get('/api/safety/status')).json();
    expect(status.support).toBeNull();
    expect(status.snoozedUntil).toBe('2026-04-27T12:00:00.000Z');
    const again = await alice.post('/api/safety/dismissals', { kind: 'low_mood_pattern' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('already_snoozed');

    // The pattern goes on: low moods every day of the snooze.
    t.clock = new Date('2026-04-27T11:59:00Z');
    for (let d = '2026-04-21'; d <= '2026-04-27'; d = addDays(d, 1)) {
      expect((await alice.put(`/api/checkins/${d}`, { mood: 2 })).statusCode).toBe(200);
    }
    expect((await alice.get('/api/safety/status')).json().support).toBeNull();
    t.clock = new Date('2026-04-27T12:00:00Z');
    const back = (await alice.get('/api/safety/status')).json().support;
    expect(back.triggers[0].code).toBe('low_mood_pattern');
    expect(back.dismissible).toBe(false);
    const second = await alice.post('/api/safety/dismissals', { kind: 'low_mood_pattern' });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.code).toBe('snooze_used');
    expect((await t.store.db.selectFrom('safety_dismissal').selectAll().execute()).length).toBe(1);
  });

  it('offers the snooze again in a new episode, after the pattern has eased', async () => {
    // Two weeks of good days end the episode; then two weeks of low days start a new one.
    t.clock = new Date('2026-05-11T12:00:00Z');
    for (let d = '2026-04-28'; d <= '2026-05-11'; d = addDays(d, 1)) {
      expect((await alice.put(`/api/checkins/${d}`, { mood: 8 })).statusCode).toBe(200);
    }
    expect((await alice.get('/api/safety/status')).json().support).toBeNull();
    t.clock = new Date('2026-05-25T12:00:00Z');
    for (let d = '2026-05-12'; d <= '2026-05-25'; d = addDays(d, 1)) {
      expect((await alice.put(`/api/checkins/${d}`, { mood: 1 })).statusCode).toBe(200);
    }
    const s = (await alice.get('/api/safety/status')).json().support;
    expect(s.dismissible).toBe(true);
    expect((await alice.post('/api/safety/dismissals', { kind: 'low_mood_pattern' })).statusCode).toBe(201);
  });

  it('reads a calendar window: 14 low days 90 days ago do not fire today', async () => {
    const cara = await registerClient(t.app, { timeZone: 'Europe/London' });
    for (let i = 0; i < 14; i += 1) await cara.put(`/api/checkins/${addDays('2026-02-01', i)}`, { mood: 1 });
    t.clock = new Date('2026-05-25T12:00:00Z');
    expect((await cara.get('/api/safety/status')).json().support).toBeNull();
    expect((await cara.put('/api/checkins/2026-05-25', { mood: 1 })).json().support).toBeUndefined();
  });

  it('does not miss a sparse logger: mood 2 every other day fires; 4 entries alone do not', async () => {
    const dev = await registerClient(t.app, { timeZone: 'Europe/London' });
    const days = [0, 2, 4, 6].map((k) => addDays('2026-05-25', -k));
    for (const d of days)
      expect((await dev.put(`/api/checkins/${d}`, { mood: 2 })).json().support).toBeUndefined();
    const fifth = await dev.put(`/api/checkins/${addDays('2026-05-25', -8)}`, { mood: 2 });
    expect(fifth.json().support.triggers[0].message).toContain('5 of the 5 days you logged');
  });

  it('counts imported moods once mapped to 1–10: 14 Daylio “awful” days fire, “meh” days do not', async () => {
    const eve = await registerClient(t.app, { timeZone: 'Europe/London' });
    const meh = { source: 'daylio', files: [{ name: 'a.csv', content: daylio('meh', 14, '2026-05-25') }] };
    expect((await eve.post('/api/import/commit', meh)).statusCode).toBe(200);
    expect((await eve.get('/api/safety/status')).json().support).toBeNull();
    const fay = await registerClient(t.app, { timeZone: 'Europe/London' });
    const awful = {
      source: 'daylio',
      files: [{ name: 'b.csv', content: daylio('awful', 14, '2026-05-25') }],
    };
    const res = await fay.post('/api/import/commit', awful);
    expect(res.statusCode).toBe(200);
    const status = (await fay.get('/api/safety/status')).json();
    expect(status.support.triggers[0].message).toContain('14 of the 14 days');
    // A check-in of the same day wins over the import.
    const gus = await registerClient(t.app, { timeZone: 'Europe/London' });
    await gus.post('/api/import/commit', awful);
    for (let i = 0; i < 14; i += 1) await gus.put(`/api/checkins/${addDays('2026-05-25', -i)}`, { mood: 6 });
    expect((await gus.get('/api/safety/status')).json().support).toBeNull();
  });

  it('does not let a dismissal hide a PHQ-9 item 9 support screen', async () => {
    const answers = Object.fromEntries(
      Array.from({ length: 9 }, (_, i) => [`phq9_${i + 1}`, i === 8 ? 2 : 0]),
    );
    const res = await alice.post('/api/screeners/phq9', { answers });
    expect(res.json().support.triggers.map((t: { code: string }) => t.code)).toEqual(['phq9_item9']);
    expect(res.json().support.kind).toBe('urgent');
    expect(res.json().support.dismissible).toBe(false);
  });
});
