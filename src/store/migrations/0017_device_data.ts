import type { Kysely } from 'kysely';

// Wearables and phone health data (issue 20). The daily values themselves are observations (source
// 'apple-health', 'fitbit', …), so every reader of the day × measure matrix sees them; these
// tables keep what an observation has no room for: which apps and devices each value came from,
// and the person's order of origins when two recorded the same minutes.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('device_value')
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('measure', 'text', (c) => c.notNull())
    // JSON arrays of names, highest priority first: ["Ana's Apple Watch", "Ana's iPhone"], ["Watch6,2"].
    .addColumn('origins', 'text', (c) => c.notNull())
    .addColumn('devices', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('device_value_pk', ['person_id', 'source', 'date', 'measure'])
    .execute();
  await db.schema
    .createTable('device_priority')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('person.id').onDelete('cascade'))
    // JSON array of origin names, highest priority first.
    .addColumn('origins', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('device_priority').execute();
  await db.schema.dropTable('device_value').execute();
}
