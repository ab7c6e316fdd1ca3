import { type Kysely, sql } from 'kysely';

// Escalation by severity (issue 14). A "talk to a professional" screen holds self-help
// suggestions back until the person has read it; the moment they did is kept on the result.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('screener_response').addColumn('support_read_at', 'text').execute();
  // Region ids are countries now; the old catch-all "EU" entry is gone, so let the browser's
  // languages (or the picker) decide again for anyone who had chosen it.
  await sql`UPDATE person SET region = NULL WHERE region = 'EU'`.execute(db);
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('screener_response').dropColumn('support_read_at').execute();
}
