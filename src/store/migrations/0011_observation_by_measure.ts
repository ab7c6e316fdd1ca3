import type { Kysely } from 'kysely';

// Reliability and load (issue 9). Every check-in save re-runs the diary safety rule, which reads a
// person's latest moods; with only the (person, date, measure, source) index SQLite walked all of
// the person's recent rows to find them. This index goes straight to one measure of one person,
// newest date first, and serves the other by-measure reads (mood beside screener scores) too.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createIndex('observation_person_measure_source_date')
    .on('observation')
    .columns(['person_id', 'measure', 'source', 'date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('observation_person_measure_source_date').execute();
}
