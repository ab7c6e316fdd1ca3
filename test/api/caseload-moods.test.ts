/**
 * The caseload's daily moods read in one string per person (store/clinic-caseload.ts), on both
 * engines: whole moods written as integers, fractional ones (imports map other scales onto 1–10)
 * kept exactly, the check-in's mood preferred over an import's on the same day.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { caseloadMoods } from '../../src/store/clinic-caseload.ts';
import type { Store } from '../../src/store/open.ts';
import { addStorePerson, openTestStore, testEngines } from '../support/db.ts';

describe.each(testEngines())('caseload moods on %s', (engine) => {
  let store: Store;
  const personId = `p-${randomUUID()}`;
  const now = '2026-03-10T12:00:00.000Z';
  let obs: Awaited<ReturnType<typeof addStorePerson>>;
  const mood = (date: string, value: number | null, source = 'checkin') => obs(date, 'mood', value, source);

  beforeAll(async () => {
    store = await openTestStore(engine);
    obs = await addStorePerson(store, personId, now);
    await store.db
      .insertInto('observation')
      .values([
        mood('2026-03-01', 7),
        mood('2026-03-02', 4.5, 'daylio'),
        mood('2026-03-03', 2.25),
        mood('2026-03-03', 3, 'bearable'),
        mood('2026-03-04', 10, 'daylio'),
        mood('2026-03-04', 1),
        mood('2026-03-05', null),
        mood('2026-03-06', 6.999),
        mood('2026-03-09', 5), // outside the span asked for
      ])
      .execute();
  });
  afterAll(async () => {
    await store.close();
  });

  it('returns each day once, exactly, the check-in first', async () => {
    const got = await caseloadMoods(store.db, [personId, 'nobody'], '2026-03-01', '2026-03-08');
    // 03-01 … 03-08: 03-05 (no value) and 03-07, 03-08 unlogged; 03-09 is outside the span.
    expect(got.get(personId)).toEqual({
      from: '2026-03-01',
      moods: [7, 4.5, 2.25, 1, undefined, 6.999, undefined, undefined],
    });
    expect(got.has('nobody')).toBe(false);
  });
});
