import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from './open.ts';

describe('observation indexes', () => {
  it("the diary rule's read of two weeks of moods uses an index on the person, not a scan", async () => {
    const store = await openStore({ sqliteFile: join(mkdtempSync(join(tmpdir(), 'gutbrain-ix-')), 'g.db') });
    try {
      // The query of moodDays (src/store/safety.ts): every source, since imported moods count too.
      const plan = await sql<{ detail: string }>`explain query plan
        select date, value, source from observation
        where person_id = ${'p'} and measure = ${'mood'} and value is not null
        and date >= ${'2026-03-01'} and date <= ${'2026-03-14'}
        order by date`.execute(store.db);
      const details = plan.rows.map((r) => r.detail).join(' | ');
      expect(details).toMatch(/SEARCH observation USING (COVERING )?INDEX \S+ \(person_id=\? AND /);
      expect(details).not.toMatch(/SCAN observation(?! USING)/);
    } finally {
      await store.close();
    }
  });
});
