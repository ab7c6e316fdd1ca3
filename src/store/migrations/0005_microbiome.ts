import type { Kysely } from 'kysely';

// Microbiome samples: one per person per collection date, holding the computed analysis (JSON text),
// never the uploaded file. A taxonomy profile and a KO table of the same date fill the same sample.
// Uploaded QIIME 2 taxonomy.tsv files and module definition files are kept per person for reuse.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('microbiome_sample')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('format', 'text')
    .addColumn('rank', 'text')
    .addColumn('analysis', 'text')
    .addColumn('module_format', 'text')
    .addColumn('modules', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('microbiome_sample_person_date')
    .unique()
    .on('microbiome_sample')
    .columns(['person_id', 'date'])
    .execute();

  await db.schema
    .createTable('microbiome_taxonomy')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('entries', 'text', (c) => c.notNull())
    .addColumn('feature_count', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('microbiome_taxonomy_person')
    .on('microbiome_taxonomy')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('microbiome_module_file')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('person.id').onDelete('cascade'))
    .addColumn('definitions', 'text', (c) => c.notNull())
    .addColumn('module_count', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['microbiome_module_file', 'microbiome_taxonomy', 'microbiome_sample'])
    await db.schema.dropTable(t).execute();
}
