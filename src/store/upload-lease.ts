/**
 * Upload leases (table upload_lease): at most one upload or import per person at a time across
 * all server processes on one database. Taking a lease is one statement, so two processes racing
 * for the same person cannot both win; a lease past its `expires` (its server died) may be taken.
 */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

/**
 * Takes (or renews) `key`'s lease for `holder` until `expires`; false when another holder has a
 * live one.
 */
export async function takeUploadLease(
  db: Kysely<Database>,
  key: string,
  holder: string,
  now: Date,
  expires: Date,
): Promise<boolean> {
  const result = await db
    .insertInto('upload_lease')
    .values({ key, holder, expires: expires.toISOString() })
    .onConflict((oc) =>
      oc
        .column('key')
        .doUpdateSet({ holder, expires: expires.toISOString() })
        .where((eb) =>
          eb.or([eb('upload_lease.expires', '<', now.toISOString()), eb('upload_lease.holder', '=', holder)]),
        ),
    )
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function releaseUploadLease(db: Kysely<Database>, key: string, holder: string): Promise<void> {
  await db.deleteFrom('upload_lease').where('key', '=', key).where('holder', '=', holder).execute();
}

/** Leases for one kind of job (`upload`, `import`), keyed by person. */
export function databaseUploadLease(db: Kysely<Database>, kind: string) {
  return {
    take: (personId: string, holder: string, forMs: number) => {
      const now = new Date();
      return takeUploadLease(db, `${kind}:${personId}`, holder, now, new Date(now.getTime() + forMs));
    },
    release: (personId: string, holder: string) => releaseUploadLease(db, `${kind}:${personId}`, holder),
  };
}
