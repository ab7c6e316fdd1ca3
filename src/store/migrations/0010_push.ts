import type { Kysely } from 'kysely';

// Web Push for reminders (issue 10).
// - app_setting: server-wide values kept in the database so every server process shares them; the
//   VAPID key pair is one row (one JSON value), so two processes racing to create it can never end
//   up with halves of different pairs.
// - push_subscription: a browser's PushSubscription (endpoint + its encryption keys), owned by the
//   person who registered it; an endpoint is unique, so a device belongs to one person at a time.
// - reminder_push: one row per person, reminder kind and local date once that reminder was pushed;
//   the primary key is the claim that keeps two server processes from pushing it twice.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('app_setting')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('push_subscription')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('endpoint', 'text', (c) => c.notNull().unique())
    .addColumn('p256dh', 'text', (c) => c.notNull())
    .addColumn('auth', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_success_at', 'text')
    .execute();
  await db.schema
    .createIndex('push_subscription_person')
    .on('push_subscription')
    .column('person_id')
    .execute();

  await db.schema
    .createTable('reminder_push')
    .addColumn('person_id', 'text', (c) => c.notNull().references('person.id').onDelete('cascade'))
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('reminder_push_pk', ['person_id', 'kind', 'date'])
    .execute();
  await db.schema.createIndex('reminder_push_date').on('reminder_push').column('date').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('reminder_push').execute();
  await db.schema.dropTable('push_subscription').execute();
  await db.schema.dropTable('app_setting').execute();
}
