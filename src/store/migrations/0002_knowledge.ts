import type { Kysely } from 'kysely';

// Quiz attempts: one row per finished quiz, one row per answer; both carry person_id so that every
// query can be scoped to the person and deleting the person removes them.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('quiz_attempt')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addColumn('score', 'integer', (c) => c.notNull())
    .addColumn('total', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('quiz_attempt_person_taken')
    .on('quiz_attempt')
    .columns(['person_id', 'taken_at'])
    .execute();

  await db.schema
    .createTable('quiz_answer')
    .addColumn('attempt_id', 'text', (c) => c.notNull().references('quiz_attempt.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('question_id', 'text', (c) => c.notNull())
    .addColumn('option_id', 'text', (c) => c.notNull())
    .addColumn('correct', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('quiz_answer_pk', ['attempt_id', 'position'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('quiz_answer').execute();
  await db.schema.dropTable('quiz_attempt').execute();
}
