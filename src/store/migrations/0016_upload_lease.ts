import type { Kysely } from 'kysely';

// One upload (or data import) per person at a time across every server process sharing the
// database (issue 15): a short lease row per person, taken before a worker starts and given back
// when it ends. `key` is the person's id, but the column is not named `person_id` on purpose: a
// lease is not the person's data, so exports (which take every table with a person_id) leave it
// out. `expires` ends a lease whose server died mid-upload; it is not named `…_at` because
// backups read those columns to tell when the data last changed.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('upload_lease')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('holder', 'text', (c) => c.notNull())
    .addColumn('expires', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('upload_lease').execute();
}
