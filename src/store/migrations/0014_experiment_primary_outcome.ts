import type { Kysely } from 'kysely';

// An experiment names its one primary outcome when it starts (n-of-1 trials judge one outcome, chosen
// before the data are seen). Experiments made before this column read as mood, the default.
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('experiment').addColumn('primary_outcome', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('experiment').dropColumn('primary_outcome').execute();
}
