import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKnowledge } from '../../src/core/knowledge/index.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { registerClient, type TestClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';
import { rowsOwnedBy } from '../support/owned-rows.ts';

const fixture = (name: string) =>
  readFileSync(new URL(`../../src/core/import/fixtures/${name}`, import.meta.url), 'utf8');

describe.each(testEngines())('imports from other trackers on %s', (engine) => {
  let store: Store;
  let app: FastifyInstance;
  const now = new Date('2026-03-10T12:00:00Z');

  beforeAll(async () => {
    store = await openTestStore(engine);
    app = await buildApp({ store, now: () => now, knowledge: parseKnowledge([]) });
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const observations = (c: TestClient, source: string) =>
    store.db
      .selectFrom('observation')
      .select(['date', 'measure', 'value', 'text'])
      .where('person_id', '=', c.personId as string)
      .where('source', '=', source)
      .orderBy('date')
      .orderBy('measure')
      .execute();

  it('Daylio: preview shows rows, range, mappings and moods; commit stores; re-import adds nothing', async () => {
    const alice = await registerClient(app);
    const body = {
      source: 'daylio',
      files: [{ name: 'daylio_export.csv', content: fixture('daylio-current.csv') }],
    };
    const preview = await alice.post('/api/import/preview', body);
    expect(preview.statusCode).toBe(200);
    const p = preview.json();
    expect(p.plan).toMatchObject({
      app: 'daylio',
      rows: 4,
      days: 3,
      dateRange: { from: '2021-09-26', to: '2021-09-28' },
    });
    expect(p.plan.moods).toContainEqual({ label: 'sad', value: 3, entries: 1 });
    expect(p.plan.mappings.find((m: { ref: string }) => m.ref === 'mood').target).toEqual({
      to: 'measure',
      key: 'mood',
    });
    expect(p.result.observations).toMatchObject({ added: p.plan.observationCount, present: 0 });
    expect(p.result.customMeasuresCreated).toBe(14);
    expect(await observations(alice, 'daylio')).toEqual([]);

    const commit = await alice.post('/api/import/commit', body);
    expect(commit.statusCode).toBe(200);
    const stored = await observations(alice, 'daylio');
    expect(stored.length).toBe(p.plan.observationCount);
    expect(stored.filter((o) => o.measure === 'mood').map((o) => [o.date, o.value])).toEqual([
      ['2021-09-26', 6],
      ['2021-09-27', 6],
      ['2021-09-28', 5.5],
    ]);
    const customs = await store.db
      .selectFrom('custom_measure' as never)
      .selectAll()
      .where('person_id' as never, '=', alice.personId as never)
      .execute();
    expect(customs).toHaveLength(14);
    expect(customs.map((c) => (c as { name: string }).name)).toContain('Movies / tv');

    const before = await rowsOwnedBy(store, alice.personId as string);
    const again = await alice.post('/api/import/commit', body);
    expect(again.statusCode).toBe(200);
    expect(again.json().previousImport).toBe(now.toISOString());
    expect(again.json().result.observations).toMatchObject({ added: 0, present: stored.length });
    expect(again.json().result.customMeasuresCreated).toBe(0);
    const after = await rowsOwnedBy(store, alice.personId as string);
    expect({ ...after, import_record: 0 }).toEqual({ ...before, import_record: 0 });

    const history = (await alice.get('/api/imports')).json().imports;
    expect(history).toHaveLength(2);
    // Both at the same (test) instant: the first added every row, the second nothing.
    expect(history.map((h: { rowsAdded: number }) => h.rowsAdded).sort()).toEqual([0, stored.length]);
    expect(history[0]).toMatchObject({ source: 'daylio', fileName: 'daylio_export.csv' });
  });

  it('a day the person already checked in keeps their own mood; the import does not add a second', async () => {
    const fay = await registerClient(app);
    await fay.put('/api/checkins/2021-09-28', { mood: 9 });
    const res = await fay.post('/api/import/commit', {
      source: 'daylio',
      files: [{ name: 'd.csv', content: fixture('daylio-current.csv') }],
    });
    expect(res.statusCode).toBe(200);
    const { observations: obs } = res.json().result;
    expect(obs.conflicts).toContain(
      '2021-09-28 mood: you already have a value from your check-in; yours is kept',
    );
    expect(obs.added).toBe(res.json().plan.observationCount - 1);
    const moods = await store.db
      .selectFrom('observation')
      .select(['source', 'value'])
      .where('person_id', '=', fay.personId as string)
      .where('date', '=', '2021-09-28')
      .where('measure', '=', 'mood')
      .execute();
    expect(moods).toEqual([{ source: 'checkin', value: 9 }]);
  });

  it('Daylio with the person’s own mood labels: preview lists them; commit needs a number for each', async () => {
    const bob = await registerClient(app);
    const files = [{ name: 'moods.csv', content: fixture('daylio-own-labels.csv') }];
    const targets = { 'activity:walk': { to: 'skip' } };
    const preview = (await bob.post('/api/import/preview', { source: 'daylio', files, targets })).json();
    expect(preview.plan.moods).toEqual([
      { label: 'sunny', value: null, entries: 1 },
      { label: 'cloudy', value: null, entries: 1 },
      { label: 'stormy', value: null, entries: 1 },
    ]);
    expect(preview.plan.problems[0].message).toBe(
      'Line 2: mood "sunny" has no number yet: give it one from 1 to 10',
    );
    const refused = await bob.post('/api/import/commit', { source: 'daylio', files, targets });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error).toMatchObject({
      code: 'unknown_mood',
      message: 'Line 2: mood "sunny" has no number yet: give it one from 1 to 10',
    });
    expect(await rowsOwnedBy(store, bob.personId as string)).toMatchObject({
      observation: 0,
      custom_measure: 0,
      import_record: 0,
    });

    const ok = await bob.post('/api/import/commit', {
      source: 'daylio',
      files,
      targets,
      moods: { sunny: 9, cloudy: 5, stormy: 2 },
    });
    expect(ok.statusCode).toBe(200);
    expect((await observations(bob, 'daylio')).map((o) => o.value)).toEqual([9, 5, 2]);
  });

  it('an item can go to one of the person’s own existing measures', async () => {
    const gus = await registerClient(app);
    const made = await gus.post('/api/measures/custom', { name: 'Tidying', kind: 'yesno' });
    expect(made.statusCode).toBe(201);
    const key = `custom_${made.json().measure.id}`;
    const res = await gus.post('/api/import/commit', {
      source: 'daylio',
      files: [{ name: 'd.csv', content: fixture('daylio-current.csv') }],
      targets: { 'activity:clean': { to: 'measure', key } },
    });
    expect(res.statusCode).toBe(200);
    const tidy = (await observations(gus, 'daylio')).filter((o) => o.measure === key).map((o) => o.date);
    expect(tidy).toEqual(['2021-09-26', '2021-09-28']);
    expect(res.json().plan.customMeasures.map((c: { name: string }) => c.name)).not.toContain('Clean');
  });

  it('malformed files: bad date, wrong columns — 400 naming the line, nothing stored', async () => {
    const carol = await registerClient(app);
    const header = 'full_date,date,weekday,time,mood,activities,note_title,note\n';
    const good = '2024-01-02,2 January,Tuesday,9:00 pm,good,walk,,\n';
    const cases: [string, string, string][] = [
      [
        'daylio',
        `${header}${good}2024-13-02,2 Smarch,Tuesday,9:00 pm,good,,,\n`,
        'Line 3: "2024-13-02" is not a date (expected YYYY-MM-DD)',
      ],
      ['daylio', 'date,mood\n2024-01-02,good\n', 'Line 1: these are not the columns of a Daylio export'],
      [
        'bearable',
        'date,category\n2024-01-02,Mood\n',
        'Line 1: these are not the columns of a Bearable export',
      ],
      [
        'loop',
        'Date,Meditate,\n2024-01-02,2,\n2024-01-03,often,\n',
        'Checkmarks.csv line 3: "often" is not a Loop entry for Meditate',
      ],
    ];
    for (const [source, content, message] of cases) {
      const res = await carol.post('/api/import/commit', {
        source,
        files: [{ name: 'Checkmarks.csv', content }],
      });
      expect(res.statusCode).toBe(400);
      expect(res.json().error.message).toContain(message);
    }
    const unknownTarget = await carol.post('/api/import/preview', {
      source: 'daylio',
      files: [{ name: 'd.csv', content: `${header}${good}` }],
      targets: { mood: { to: 'measure', key: 'happiness' } },
    });
    expect(unknownTarget.statusCode).toBe(400);
    expect(unknownTarget.json().error).toMatchObject({
      field: 'targets.mood',
      message: 'targets.mood: "happiness" is not a measure',
    });
    const badBody = await carol.post('/api/import/preview', { source: 'fitbit', files: [] });
    expect(badBody.statusCode).toBe(400);
    expect(badBody.json().error.field).toBe('source');
    const counts = await rowsOwnedBy(store, carol.personId as string);
    expect({ ...counts, session: 0 }).toEqual(Object.fromEntries(Object.keys(counts).map((k) => [k, 0])));
  });

  it('Bearable: moods rescaled, energy by time of day, factors and symptoms as custom measures', async () => {
    const dana = await registerClient(app);
    const res = await dana.post('/api/import/commit', {
      source: 'bearable',
      files: [{ name: 'bearable.csv', content: fixture('bearable-long.csv') }],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().plan.skipped).toEqual([
      { line: 14, reason: 'category "Weather" is not something Gutbrain imports from Bearable' },
    ]);
    const stored = await observations(dana, 'bearable');
    const at = (date: string, measure: string) =>
      stored.find((o) => o.date === date && o.measure === measure);
    expect(at('2023-04-05', 'mood')?.value).toBe(5.5);
    expect(at('2023-04-05', 'sleep_hours')?.value).toBe(7.5);
    expect(at('2023-04-05', 'bristol')?.value).toBe(5);
    expect(at('2023-04-05', 'note')?.text).toContain('Gratitude: Sunshine; A call with Mum');
    const names = (
      await store.db
        .selectFrom('custom_measure' as never)
        .select('name' as never)
        .where('person_id' as never, '=', dana.personId as never)
        .execute()
    ).map((r) => (r as { name: string }).name);
    expect(names).toEqual(
      expect.arrayContaining(['Headache', 'Bloating', 'Coffee', 'Walk', 'Kefir', 'Bowel movements']),
    );
  });

  it('Loop: habits and checkmarks; per-habit files keep notes', async () => {
    const erin = await registerClient(app);
    const res = await erin.post('/api/import/commit', {
      source: 'loop',
      files: [
        { name: 'Habits.csv', content: fixture('loop-Habits.csv') },
        { name: 'Checkmarks.csv', content: fixture('loop-Checkmarks.csv') },
      ],
    });
    expect(res.statusCode).toBe(200);
    expect(res.json().result.observations.added).toBe(5);
    expect(res.json().plan.skipped).toHaveLength(3);
  });
});
