import { describe, expect, it } from 'vitest';
import { dayMeasureMatrix, replaceDayObservations } from '../../src/store/observations.ts';
import { createPerson } from '../../src/store/people.ts';
import { openTestStore, testEngines } from '../support/db.ts';

describe.each(testEngines())('day × measure matrix on %s', (engine) => {
  it('keeps one value per day and measure, preferring the person’s own check-in over an import', async () => {
    const store = await openTestStore(engine);
    const p = await createPerson(store.db, {
      email: `m-${engine}@example.com`,
      passwordHash: 'x',
      displayName: 'M',
      timeZone: 'UTC',
    });
    await replaceDayObservations(store.db, p.id, '2026-01-01', 'import:daylio', [
      { measure: 'mood', value: 4, text: null },
    ]);
    await replaceDayObservations(store.db, p.id, '2026-01-01', 'checkin', [
      { measure: 'mood', value: 7, text: null },
    ]);
    await replaceDayObservations(store.db, p.id, '2026-01-02', 'import:daylio', [
      { measure: 'mood', value: 5, text: null },
    ]);
    await replaceDayObservations(store.db, p.id, '2026-01-02', 'food', [
      { measure: 'fermented_servings', value: 2, text: null },
    ]);
    await replaceDayObservations(store.db, p.id, '2026-01-03', 'checkin', [
      { measure: 'note', value: null, text: 'hi' },
    ]);
    const m = await dayMeasureMatrix(store.db, p.id, '2026-01-01', '2026-01-31');
    expect(m.get('2026-01-01')?.get('mood')).toBe(7);
    expect(m.get('2026-01-02')?.get('mood')).toBe(5);
    expect(m.get('2026-01-02')?.get('fermented_servings')).toBe(2);
    expect(m.has('2026-01-03')).toBe(false);
    await store.close();
  });
});
