/**
 * Queries built once and then only filled in (src/store/prepared.ts), on both engines: the same
 * rows as the query built afresh, whatever the values (null, 0 and '' included); a new plan when an
 * argument is left out or an array changes length; run inside a transaction, undone with it; and a
 * builder that uses a value other than as a parameter is refused, not silently kept.
 */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listSourcedValues } from '../../src/store/observations.ts';
import type { Store } from '../../src/store/open.ts';
import { prepared } from '../../src/store/prepared.ts';
import { addStorePerson, openTestStore, testEngines } from '../support/db.ts';

const stores: Store[] = [];
afterAll(async () => {
  for (const s of stores) await s.close();
});

const byValue = prepared((db, a: { personId: string; value: number | null; text: string | null }) =>
  db
    .selectFrom('observation')
    .select(['date', 'measure', 'value', 'text'])
    .where('person_id', '=', a.personId)
    .where((eb) => eb.or([eb('value', '=', a.value), eb('text', '=', a.text)]))
    .orderBy('date')
    .orderBy('measure'),
);

describe.each(testEngines())('prepared queries on %s', (engine) => {
  let store: Store;
  const personId = `p-${randomUUID()}`;
  const now = '2026-03-10T12:00:00.000Z';
  // Five days of three measures, with a 0, a null value (a text measure) and an empty text.
  const days = ['2026-03-01', '2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05'];

  beforeAll(async () => {
    store = await openTestStore(engine);
    stores.push(store);
    const obs = await addStorePerson(store, personId, now);
    const rows = days.flatMap((date, d) => [
      obs(date, 'mood', d * 2),
      obs(date, 'stress', 5 - d, d % 2 ? 'daylio' : 'checkin'),
      obs(date, 'note', null, 'checkin', d === 2 ? '' : `day ${d}`),
    ]);
    await store.db.insertInto('observation').values(rows).execute();
  });

  const fresh = (sources: string[], from?: string, to?: string) => {
    let q = store.db
      .selectFrom('observation')
      .select(['date', 'measure', 'value', 'text', 'source'])
      .where('person_id', '=', personId)
      .where('source', 'in', sources);
    if (from) q = q.where('date', '>=', from);
    if (to) q = q.where('date', '<=', to);
    return q.orderBy('date', 'desc').orderBy('measure', 'desc').execute();
  };

  it('returns what the query built afresh returns, for every span and list of sources', async () => {
    const cases: [string[], string | undefined, string | undefined][] = [
      [['checkin'], '2026-03-02', '2026-03-04'],
      [['checkin'], '2026-03-03', '2026-03-05'], // the same shape, new values
      [['checkin', 'daylio'], '2026-03-02', '2026-03-04'], // a longer list
      [['daylio'], undefined, '2026-03-03'], // no start
      [['checkin', 'daylio'], '2026-03-04', undefined], // no end
      [['checkin', 'daylio', 'bearable'], undefined, undefined],
      [['checkin'], '2026-03-09', '2026-03-12'], // nothing there
    ];
    for (const [sources, from, to] of cases) {
      const got = await listSourcedValues(store.db, personId, sources, { from, to });
      expect(got).toEqual(await fresh(sources, from, to));
    }
    // Hand-counted: checkin rows on 03-02..03-04 are mood × 3, note × 3 and stress on 03-03 only.
    expect(
      await listSourcedValues(store.db, personId, ['checkin'], { from: '2026-03-02', to: '2026-03-04' }),
    ).toHaveLength(7);
  });

  it('takes null, 0 and an empty text as values, never as part of the plan', async () => {
    // The first call plans with a number and a text; the next ones reuse it with 0, null and ''.
    const a = await byValue(store.db, { personId, value: 8, text: 'day 1' });
    expect(a.rows.map((r) => [r.date, r.measure])).toEqual([
      ['2026-03-02', 'note'],
      ['2026-03-05', 'mood'],
    ]);
    const b = await byValue(store.db, { personId, value: 0, text: '' });
    expect(b.rows.map((r) => [r.date, r.measure])).toEqual([
      ['2026-03-01', 'mood'],
      ['2026-03-03', 'note'],
    ]);
    // = null matches nothing in SQL: only the text 'day 4' does.
    const c = await byValue(store.db, { personId, value: null, text: 'day 4' });
    expect(c.rows.map((r) => [r.date, r.measure])).toEqual([['2026-03-05', 'note']]);
  });

  it('runs inside a transaction and is undone with it', async () => {
    const insert = prepared((db, a: { id: string; date: string; value: number }) =>
      db.insertInto('observation').values({
        id: a.id,
        person_id: personId,
        date: a.date,
        measure: 'energy',
        value: a.value,
        text: null,
        source: 'checkin',
        created_at: now,
        updated_at: now,
      }),
    );
    await expect(
      store.db.transaction().execute(async (trx) => {
        await insert(trx, { id: randomUUID(), date: '2026-03-06', value: 4 });
        const seen = await trx
          .selectFrom('observation')
          .select('value')
          .where('date', '=', '2026-03-06')
          .execute();
        expect(seen).toEqual([{ value: 4 }]);
        throw new Error('undo');
      }),
    ).rejects.toThrow('undo');
    expect(
      await store.db.selectFrom('observation').select('id').where('date', '=', '2026-03-06').execute(),
    ).toEqual([]);
    await insert(store.db, { id: randomUUID(), date: '2026-03-07', value: 6 });
    expect(
      await store.db.selectFrom('observation').select('value').where('date', '=', '2026-03-07').execute(),
    ).toEqual([{ value: 6 }]);
  });

  it('refuses a builder that leaves a value out or writes it into the SQL text', async () => {
    const unused = prepared((db, a: { id: string; other: string }) =>
      db.selectFrom('person').select('id').where('id', '=', a.id),
    );
    await expect(unused(store.db, { id: personId, other: 'x' })).rejects.toThrow(/other than as a parameter/);
    const inlined = prepared((db, a: { id: string }) =>
      db.selectFrom('person').select('id').where('id', '=', sql.lit(a.id)),
    );
    await expect(inlined(store.db, { id: personId })).rejects.toThrow(/other than as a parameter/);
  });
});

describe('one prepared query on two engines', () => {
  it.runIf(testEngines().length === 2)('keeps a plan per engine (their SQL differs: ? and $1)', async () => {
    const count = prepared((db, a: { email: string }) =>
      db
        .selectFrom('person')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('email', '=', a.email),
    );
    for (const engine of testEngines()) {
      const store = await openTestStore(engine);
      stores.push(store);
      const { rows } = await count(store.db, { email: 'nobody@example.com' });
      expect(Number(rows[0]?.n)).toBe(0);
    }
  });
});
