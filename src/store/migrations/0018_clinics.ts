import { type Kysely, sql } from 'kysely';

// Clinics (issue 21): a clinic, its staff, invitations by link, the people who joined it, the
// questionnaires it scheduled for them, and its treatment-phase markers and notes.
//
// - Only a token's SHA-256 is stored. `expires` is not named `…_at` because backups read those
//   columns to tell when the data last changed, and an expiry lies in the future.
// - Membership and schedules are the person's data (`person_id`: exported, deleted with the
//   account; their `invited_by` / `set_by` point at other accounts, so an import skips them).
// - Markers and notes belong to the clinic's record, not the person's export: they name the person
//   as `subject_id` (deleted with the person's account all the same).
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('clinic')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('clinic_staff')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id').onDelete('cascade'))
    .addColumn('clinician_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('added_at', 'text', (c) => c.notNull())
    .addColumn('removed_at', 'text')
    .execute();
  await db.schema.createIndex('clinic_staff_clinician').on('clinic_staff').column('clinician_id').execute();
  await db.schema.createIndex('clinic_staff_clinic').on('clinic_staff').column('clinic_id').execute();

  await db.schema
    .createTable('clinic_invitation')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('created_by_name', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .addColumn('withdrawn_at', 'text')
    .execute();
  await db.schema
    .createIndex('clinic_invitation_clinic')
    .on('clinic_invitation')
    .column('clinic_id')
    .execute();

  await db.schema
    .createTable('clinic_membership')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id').onDelete('cascade'))
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('kinds', 'text', (c) => c.notNull())
    .addColumn('invited_by', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('joined_at', 'text', (c) => c.notNull())
    // The person's local date four weeks before joining: a baseline is the first score from then on.
    .addColumn('baseline_from', 'text', (c) => c.notNull())
    .addColumn('left_at', 'text')
    .execute();
  await db.schema
    .createIndex('clinic_membership_clinic')
    .on('clinic_membership')
    .column('clinic_id')
    .execute();
  await db.schema
    .createIndex('clinic_membership_person')
    .on('clinic_membership')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('clinic_schedule')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('membership_id', 'text', (c) =>
      c.notNull().references('clinic_membership.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('instrument', 'text', (c) => c.notNull())
    .addColumn('every_weeks', 'integer', (c) => c.notNull())
    .addColumn('start_date', 'text', (c) => c.notNull())
    .addColumn('set_by', 'text', (c) => c.references('person.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('clinic_schedule_membership')
    .on('clinic_schedule')
    .columns(['membership_id', 'instrument'])
    .unique()
    .execute();
  await db.schema.createIndex('clinic_schedule_person').on('clinic_schedule').column('person_id').execute();

  // The caseload reads every score of hundreds of people at once: an index holding all it reads,
  // in the order it reads them, spares a lookup of each wide row and a sort.
  await db.schema
    .createIndex('screener_response_caseload')
    .on('screener_response')
    .columns(['person_id', 'date', 'created_at', 'instrument', 'score', 'support_read_at', 'id'])
    .execute();

  // …and the daily moods of the last 14 weeks of everyone: a small index of mood rows alone, holding
  // what is read (a caseload query names the measure as a literal, so the planner can use it).
  await db.schema
    .createIndex('observation_mood')
    .on('observation')
    .columns(['person_id', 'date', 'value', 'source'])
    .where(sql.ref('measure'), '=', sql.lit('mood'))
    .execute();

  for (const table of ['clinic_marker', 'clinic_note']) {
    await db.schema
      .createTable(table)
      .addColumn('id', 'text', (c) => c.primaryKey())
      .addColumn('clinic_id', 'text', (c) => c.notNull().references('clinic.id').onDelete('cascade'))
      .addColumn('subject_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
      .addColumn(table === 'clinic_marker' ? 'label' : 'text', 'text', (c) => c.notNull())
      .$call((t) => (table === 'clinic_marker' ? t.addColumn('date', 'text', (c) => c.notNull()) : t))
      .addColumn('created_by', 'text', (c) => c.references('person.id').onDelete('set null'))
      .addColumn('created_by_name', 'text', (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema.createIndex(`${table}_subject`).on(table).columns(['clinic_id', 'subject_id']).execute();
  }
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('screener_response_caseload').execute();
  await db.schema.dropIndex('observation_mood').execute();
  for (const t of [
    'clinic_note',
    'clinic_marker',
    'clinic_schedule',
    'clinic_membership',
    'clinic_invitation',
    'clinic_staff',
    'clinic',
  ])
    await db.schema.dropTable(t).execute();
}
