import type { Kysely } from 'kysely';

// Personal experiments (n-of-1). Results are computed from the observations on request, never
// stored, so an edited check-in changes the result too. Types both engines accept.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('experiment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('action', 'text')
    .addColumn('measure', 'text')
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('duration_days', 'integer', (c) => c.notNull())
    .addColumn('baseline_days', 'integer', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('origin', 'text', (c) => c.notNull())
    .addColumn('recommendation_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('experiment_person_start')
    .on('experiment')
    .columns(['person_id', 'start_date'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('experiment').execute();
}
