import type { Kysely } from 'kysely';

// What the person said about a recommendation: dismissed (for good) or snoozed (until a local
// date). One row per person and rule; a new choice replaces the old one.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('recommendation_feedback')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('rule_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('until', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('recommendation_feedback_person_rule', ['person_id', 'rule_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('recommendation_feedback').execute();
}
