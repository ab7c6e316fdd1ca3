import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from './open.ts';

describe('observation indexes', () => {
  it("the diary rule's latest-moods read goes straight to one measure, newest first, without a sort", async () => {
    const store = await openStore({ sqliteFile: join(mkdtempSync(join(tmpdir(), 'gutbrain-ix-')), 'g.db') });
    try {
      // The query of recentMoodDays (src/store/safety.ts).
      const plan = await sql<{ detail: string }>`explain query plan
        select date, value from observation
        where person_id = ${'p'} and measure = ${'mood'} and source = ${'checkin'} and value is not null
        order by date desc limit 14`.execute(store.db);
      const details = plan.rows.map((r) => r.detail).join(' | ');
      expect(details).toContain(
        'USING INDEX observation_person_measure_source_date (person_id=? AND measure=? AND source=?)',
      );
      expect(details).not.toContain('TEMP B-TREE');
    } finally {
      await store.close();
    }
  });
});
