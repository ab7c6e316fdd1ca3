import type { Kysely } from 'kysely';

// Sharing with a clinician or coach: grants (optionally some kinds, optionally until a date), the
// access log the person reads, and programs a clinician assigns. A deleted clinician account takes
// its grants with it; the person's log and assignments keep the clinician's name.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('access_grant')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('clinician_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('kinds', 'text')
    .addColumn('until_date', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('revoked_at', 'text')
    .execute();
  await db.schema.createIndex('access_grant_person').on('access_grant').column('person_id').execute();
  await db.schema.createIndex('access_grant_clinician').on('access_grant').column('clinician_id').execute();

  await db.schema
    .createTable('access_log')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('clinician_id', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('clinician_name', 'text', (c) => c.notNull())
    .addColumn('what', 'text', (c) => c.notNull())
    .addColumn('read_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('access_log_person')
    .on('access_log')
    .columns(['person_id', 'read_at'])
    .execute();

  await db.schema
    .createTable('program_assignment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('clinician_id', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('clinician_name', 'text', (c) => c.notNull())
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('note', 'text')
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('responded_at', 'text')
    .execute();
  await db.schema
    .createIndex('program_assignment_person')
    .on('program_assignment')
    .column('person_id')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of ['program_assignment', 'access_log', 'access_grant'])
    await db.schema.dropTable(t).execute();
}
