/**
 * Loads the seeded sample data into a person's records through the store (src/store/demo.ts), so
 * API tests have months of realistic days to compute on.
 *
 * @example const demo = await insertDemoData(store, alice.personId!, '2026-03-31');
 */
import type { DemoOptions } from '../../src/core/demo/generate.ts';
import { type LoadedDemo, loadDemoData } from '../../src/store/demo.ts';
import type { Store } from '../../src/store/open.ts';

export function insertDemoData(
  store: Store,
  personId: string,
  endDate: string,
  options: Omit<DemoOptions, 'endDate'> = {},
): Promise<LoadedDemo> {
  return loadDemoData(store.db, personId, { ...options, endDate }, new Date(`${endDate}T12:00:00Z`));
}
