/**
 * Serialises one person's multi-row rewrites across server processes. A rewrite deletes a set of
 * rows and inserts their replacement; on PostgreSQL (READ COMMITTED) two of them at once for the
 * same person and date both delete, both insert, and the second hits the unique index (a 500),
 * which test/api/two-servers.test.ts showed with two servers on one database. A transaction-scoped
 * advisory lock keyed on the person makes the second wait for the first, then see its rows.
 * SQLite needs nothing: it has one writer at a time already.
 * See https://www.postgresql.org/docs/current/explicit-locking.html#ADVISORY-LOCKS
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

/** Call first inside the transaction; the lock is released at commit or rollback. */
export async function lockPersonWrites<DB>(trx: Kysely<DB>, personId: string): Promise<void> {
  if (!(trx.getExecutor().adapter instanceof PostgresAdapter)) return;
  await sql`select pg_advisory_xact_lock(hashtext(${personId}))`.execute(trx);
}
