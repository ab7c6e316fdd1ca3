import type { Kysely } from 'kysely';

// Data ownership: a record of each import (what file, from which app, how many rows it added), so
// a person can see where their data came from and a repeated file is recognised in the preview.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_record')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('file_sha256', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text')
    .addColumn('rows_added', 'integer', (c) => c.notNull())
    .addColumn('imported_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('import_record_person')
    .on('import_record')
    .columns(['person_id', 'imported_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_record').execute();
}
