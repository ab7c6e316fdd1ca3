/**
 * Imported tracker days where a person looks at their days (issue 18): History's list and one day
 * (Today) show the imported values beside the person's own check-in, marked with their app, and a
 * check-in save or delete never touches them.
 */
import { readFileSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parseKnowledge } from '../../src/core/knowledge/index.ts';
import { buildApp } from '../../src/server/app.ts';
import type { Store } from '../../src/store/open.ts';
import { registerClient } from '../support/api.ts';
import { openTestStore, testEngines } from '../support/db.ts';

const daylio = readFileSync(
  new URL('../../src/core/import/fixtures/daylio-current.csv', import.meta.url),
  'utf8',
);

describe.each(testEngines())('imported days in History and Today on %s', (engine) => {
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

  it('lists imported days with their source, beside and apart from the person’s own check-in', async () => {
    const ana = await registerClient(app);
    const files = [{ name: 'daylio_export.csv', content: daylio }];
    expect((await ana.post('/api/import/commit', { source: 'daylio', files })).statusCode).toBe(200);
    expect((await ana.put('/api/checkins/2021-09-27', { mood: 8 })).statusCode).toBe(200);

    const list = (await ana.get('/api/checkins?from=2021-09-20&to=2021-09-30')).json();
    // The fixture's three Daylio days (moods "average" → 6, and two entries averaged to 5.5).
    expect(list.days.map((d: { date: string }) => d.date)).toEqual([
      '2021-09-28',
      '2021-09-27',
      '2021-09-26',
    ]);
    expect(list.days[0]).toMatchObject({
      checkin: {},
      imported: [{ source: 'daylio', checkin: { mood: 5.5 } }],
    });
    expect(list.days[1]).toMatchObject({
      checkin: { mood: 8 },
      imported: [{ source: 'daylio', checkin: { mood: 6 } }],
    });
    // Imported activities (custom measures) are not check-in fields and stay out of the day.
    expect(Object.keys(list.days[2].imported[0].checkin)).toEqual(['mood']);
    expect((await ana.get('/api/checkins?from=2021-09-20&to=2021-09-30&limit=1')).json().days).toHaveLength(
      1,
    );

    // One day, as Today reads it: imported-only days answer 200 with an empty own check-in.
    const day = await ana.get('/api/checkins/2021-09-26');
    expect(day.statusCode).toBe(200);
    expect(day.json()).toMatchObject({ checkin: {}, imported: [{ source: 'daylio', checkin: { mood: 6 } }] });

    // Deleting the own check-in leaves the imported values (read-only) as they were.
    expect((await ana.delete('/api/checkins/2021-09-27')).statusCode).toBe(204);
    expect((await ana.get('/api/checkins/2021-09-27')).json()).toMatchObject({
      checkin: {},
      imported: [{ source: 'daylio', checkin: { mood: 6 } }],
    });
    expect((await ana.delete('/api/checkins/2021-09-27')).statusCode).toBe(404);
    expect((await ana.get('/api/checkins/2021-09-25')).statusCode).toBe(404);

    // Nobody else sees them.
    const ben = await registerClient(app);
    expect((await ben.get('/api/checkins/2021-09-26')).statusCode).toBe(404);
    expect((await ben.get('/api/checkins?from=2021-09-20&to=2021-09-30')).json().days).toEqual([]);
  });

  it('the weekly report says how many of its days hold imported values, per app', async () => {
    const cy = await registerClient(app);
    const thisWeek = daylio
      .replaceAll('2021-09-26', '2026-03-02') // last week: not counted
      .replaceAll('2021-09-27', '2026-03-08')
      .replaceAll('2021-09-28', '2026-03-09');
    const files = [{ name: 'daylio.csv', content: thisWeek }];
    expect((await cy.post('/api/import/commit', { source: 'daylio', files })).statusCode).toBe(200);
    const week = (await cy.get('/api/insights/week?end=2026-03-10')).json();
    expect(week.imported).toEqual([{ source: 'daylio', days: 2 }]);
    expect(
      (await (await registerClient(app)).get('/api/insights/week?end=2026-03-10')).json().imported,
    ).toEqual([]);
  });
});
