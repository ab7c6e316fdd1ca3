import type { Kysely } from 'kysely';

// Screener responses (PHQ-9, GAD-7, WHO-5, the signals check) and dismissals of the diary support
// prompt. Types both engines accept: text, integer, double precision.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('screener_response')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('answers', 'text', (c) => c.notNull())
    .addColumn('raw', 'double precision')
    .addColumn('score', 'double precision')
    .addColumn('band', 'text')
    .addColumn('difficulty', 'integer')
    .addColumn('triggers', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('screener_response_person_instrument_date')
    .on('screener_response')
    .columns(['person_id', 'instrument', 'date'])
    .execute();

  await db.schema
    .createTable('safety_dismissal')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('dismissed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('safety_dismissal_person_kind')
    .on('safety_dismissal')
    .columns(['person_id', 'kind', 'dismissed_at'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('safety_dismissal').execute();
  await db.schema.dropTable('screener_response').execute();
}
