import type { Kysely } from 'kysely';

// Everyday use (issue 10). A food entry may carry the client-generated id it was made with, unique
// per person, so a write retried after a dropped connection (or sent again from the offline queue)
// answers the row it already made instead of adding a second one. NULLs never collide in a unique
// index on either engine, so older rows without an id are fine.
// Reminder settings: one row per person, every reminder off until the person turns it on; the
// "dismissed on" dates hide a reminder for the rest of that local day.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('food_entry').addColumn('client_id', 'text').execute();
  await db.schema
    .createIndex('food_entry_person_client')
    .on('food_entry')
    .columns(['person_id', 'client_id'])
    .unique()
    .execute();

  await db.schema
    .createTable('reminder_setting')
    .addColumn('person_id', 'text', (c) => c.primaryKey().references('person.id').onDelete('cascade'))
    .addColumn('checkin_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('checkin_time', 'text', (c) => c.notNull().defaultTo('20:00'))
    .addColumn('questionnaire_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('program_enabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('program_time', 'text', (c) => c.notNull().defaultTo('12:00'))
    .addColumn('checkin_dismissed_on', 'text')
    .addColumn('questionnaire_dismissed_on', 'text')
    .addColumn('program_dismissed_on', 'text')
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('reminder_setting').execute();
  await db.schema.dropIndex('food_entry_person_client').execute();
  await db.schema.alterTable('food_entry').dropColumn('client_id').execute();
}
