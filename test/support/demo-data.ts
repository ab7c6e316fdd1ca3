/**
 * Loads the seeded sample data (src/core/demo) into a person's observations, straight through the
 * store, so API tests have months of realistic days to compute on.
 *
 * @example const demo = await insertDemoData(store, alice.personId!, '2026-03-31');
 */
import { randomUUID } from 'node:crypto';
import { type DemoDataset, type DemoOptions, generateDemoData } from '../../src/core/demo/generate.ts';
import type { Store } from '../../src/store/open.ts';

export async function insertDemoData(
  store: Store,
  personId: string,
  endDate: string,
  options: Omit<DemoOptions, 'endDate'> = {},
): Promise<DemoDataset> {
  const demo = generateDemoData({ ...options, endDate });
  const at = `${endDate}T12:00:00.000Z`;
  const rows = demo.observations.map((o) => ({
    id: randomUUID(),
    person_id: personId,
    date: o.date,
    measure: o.measure,
    value: o.value,
    text: o.text,
    source: o.source,
    created_at: at,
    updated_at: at,
  }));
  await store.db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 500)
      await trx
        .insertInto('observation')
        .values(rows.slice(i, i + 500))
        .execute();
  });
  return demo;
}
