import type { ColumnDefinitionBuilder, Kysely } from 'kysely';

// Food entries, custom foods, favourites, custom measures and program enrolments (with pauses,
// hand ticks and choices about optional goals). Every table carries person_id so the ownership
// export and cascade delete cover it. Types both engines accept: text, integer, double precision.
export async function up(db: Kysely<unknown>): Promise<void> {
  const person = (c: ColumnDefinitionBuilder) => c.notNull().references('person.id').onDelete('cascade');

  await db.schema
    .createTable('food_entry')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', person)
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('meal', 'text', (c) => c.notNull())
    .addColumn('food_id', 'text', (c) => c.notNull())
    .addColumn('servings', 'double precision', (c) => c.notNull())
    .addColumn('logged_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('food_entry_person_date')
    .on('food_entry')
    .columns(['person_id', 'date'])
    .execute();

  await db.schema
    .createTable('custom_food')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', person)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('categories', 'text', (c) => c.notNull())
    .addColumn('plant', 'text')
    .addColumn('plant_kind', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('custom_food_person').on('custom_food').column('person_id').execute();

  await db.schema
    .createTable('favourite_food')
    .addColumn('person_id', 'text', person)
    .addColumn('food_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('favourite_food_pk', ['person_id', 'food_id'])
    .execute();

  await db.schema
    .createTable('custom_measure')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', person)
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('unit', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('archived_at', 'text')
    .execute();
  await db.schema.createIndex('custom_measure_person').on('custom_measure').column('person_id').execute();

  await db.schema
    .createTable('program_enrolment')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', person)
    .addColumn('program_id', 'text', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('ended_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('program_enrolment_person')
    .on('program_enrolment')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('program_pause')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', person)
    .addColumn('enrolment_id', 'text', (c) =>
      c.notNull().references('program_enrolment.id').onDelete('cascade'),
    )
    .addColumn('from_date', 'text', (c) => c.notNull())
    .addColumn('to_date', 'text')
    .execute();
  await db.schema.createIndex('program_pause_enrolment').on('program_pause').column('enrolment_id').execute();

  await db.schema
    .createTable('program_goal_tick')
    .addColumn('person_id', 'text', person)
    .addColumn('enrolment_id', 'text', (c) =>
      c.notNull().references('program_enrolment.id').onDelete('cascade'),
    )
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('goal_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('program_goal_tick_pk', ['enrolment_id', 'date', 'goal_id'])
    .execute();

  await db.schema
    .createTable('program_goal_choice')
    .addColumn('person_id', 'text', person)
    .addColumn('enrolment_id', 'text', (c) =>
      c.notNull().references('program_enrolment.id').onDelete('cascade'),
    )
    .addColumn('goal_id', 'text', (c) => c.notNull())
    .addColumn('choice', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('program_goal_choice_pk', ['enrolment_id', 'goal_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const t of [
    'program_goal_choice',
    'program_goal_tick',
    'program_pause',
    'program_enrolment',
    'custom_measure',
    'favourite_food',
    'custom_food',
    'food_entry',
  ])
    await db.schema.dropTable(t).execute();
}
