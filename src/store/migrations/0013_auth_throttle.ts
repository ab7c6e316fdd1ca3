import type { Kysely } from 'kysely';

// Sign-in throttling with growing delays (issue 15): one row per throttled key (an account, an
// address, a signed device, a person re-entering their password), holding the failures since the
// counter was last forgotten and when the latest one happened. The delay is computed from these
// two (core/auth/throttle.ts), so every server process sharing the database applies the same one.
// `last_failure` is deliberately not named `…_at`: a failed sign-in is not a change to anyone's
// data, and backups read `…_at` columns to tell when the data last changed.
// login_throttle (migration 0001) is no longer read or written; it stays so old rows are not
// silently dropped by an upgrade.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('auth_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('auth_throttle_last_failure')
    .on('auth_throttle')
    .column('last_failure')
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('auth_throttle').execute();
}
