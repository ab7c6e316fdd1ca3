/**
 * Web Push for reminders: the server's VAPID key pair (made once, shared by every server process),
 * the browsers' push subscriptions (each owned by one person), and the per-day claims that keep a
 * reminder from being pushed twice. Functions that act for a person take the person's id.
 *
 * @example const keys = await vapidKeys(db, webpush.generateVAPIDKeys, now);
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ConflictError } from '../core/errors.ts';
import type { Database, PushSubscriptionTable } from './schema.ts';

export interface VapidKeys {
  publicKey: string;
  privateKey: string;
}

/** A browser's subscription as it arrives: the endpoint and its two keys (base64url). */
export interface PushTarget {
  endpoint: string;
  p256dh: string;
  auth: string;
}

/** The newest subscriptions a person keeps; registering another drops the oldest. */
export const MAX_SUBSCRIPTIONS_PER_PERSON = 10;

const VAPID_KEY = 'vapid';

/**
 * The VAPID key pair, made with `make` on first need. Insert-or-ignore, then read back: when two
 * processes race, both end up with the pair that reached the table first.
 */
export async function vapidKeys(db: Kysely<Database>, make: () => VapidKeys, now: Date): Promise<VapidKeys> {
  const stored = await readVapidKeys(db);
  if (stored) return stored;
  const { publicKey, privateKey } = make();
  await db
    .insertInto('app_setting')
    .values({
      key: VAPID_KEY,
      value: JSON.stringify({ publicKey, privateKey }),
      created_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const kept = await readVapidKeys(db);
  if (!kept) throw new Error('the VAPID key pair could not be stored');
  return kept;
}

async function readVapidKeys(db: Kysely<Database>): Promise<VapidKeys | undefined> {
  const row = await db
    .selectFrom('app_setting')
    .select('value')
    .where('key', '=', VAPID_KEY)
    .executeTakeFirst();
  return row ? (JSON.parse(row.value) as VapidKeys) : undefined;
}

/**
 * Saves a subscription for the person, by endpoint. An endpoint another person registered moves
 * to this person only when the keys match too, i.e. the same browser subscription (one device,
 * another account); knowing someone's endpoint alone is not enough to take it (ConflictError).
 */
export async function savePushSubscription(
  db: Kysely<Database>,
  personId: string,
  target: PushTarget,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const saved = await trx
      .insertInto('push_subscription')
      .values({ id: randomUUID(), person_id: personId, ...target, created_at: now.toISOString() })
      .onConflict((oc) =>
        oc
          .column('endpoint')
          .doUpdateSet({ person_id: personId, p256dh: target.p256dh, auth: target.auth })
          .where((eb) =>
            eb.or([
              eb('push_subscription.person_id', '=', personId),
              eb.and([
                eb('push_subscription.p256dh', '=', target.p256dh),
                eb('push_subscription.auth', '=', target.auth),
              ]),
            ]),
          ),
      )
      .returning('id')
      .executeTakeFirst();
    if (!saved)
      throw new ConflictError('This push subscription is registered by another account.', 'endpoint');
    const keep = trx
      .selectFrom('push_subscription')
      .select('id')
      .where('person_id', '=', personId)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .limit(MAX_SUBSCRIPTIONS_PER_PERSON);
    await trx
      .deleteFrom('push_subscription')
      .where('person_id', '=', personId)
      .where('id', 'not in', keep)
      .execute();
  });
}

/** Deletes the person's subscription with this endpoint; false when the person has none such. */
export async function deletePushSubscription(
  db: Kysely<Database>,
  personId: string,
  endpoint: string,
): Promise<boolean> {
  const res = await db
    .deleteFrom('push_subscription')
    .where('person_id', '=', personId)
    .where('endpoint', '=', endpoint)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

/** People who have a subscription and at least one reminder switched on. */
export async function peopleToPush(db: Kysely<Database>): Promise<string[]> {
  const rows = await db
    .selectFrom('reminder_setting as r')
    .select('r.person_id')
    .where((eb) =>
      eb.or([
        eb('r.checkin_enabled', '=', 1),
        eb('r.questionnaire_enabled', '=', 1),
        eb('r.program_enabled', '=', 1),
      ]),
    )
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('push_subscription as s').select('s.id').whereRef('s.person_id', '=', 'r.person_id')),
    )
    .orderBy('r.person_id')
    .execute();
  return rows.map((r) => r.person_id);
}

export async function subscriptionsOf(
  db: Kysely<Database>,
  personId: string,
): Promise<PushSubscriptionTable[]> {
  return db
    .selectFrom('push_subscription')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The push service says this subscription is gone (404/410): it is removed for its owner. */
export async function forgetSubscription(db: Kysely<Database>, personId: string, id: string): Promise<void> {
  await db.deleteFrom('push_subscription').where('person_id', '=', personId).where('id', '=', id).execute();
}

export async function markPushDelivered(db: Kysely<Database>, personId: string, id: string, now: Date) {
  await db
    .updateTable('push_subscription')
    .set({ last_success_at: now.toISOString() })
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .execute();
}

/**
 * Claims the push of `kind` for the person's local `date`: true only for the one caller whose row
 * went in (insert, on conflict do nothing), whichever server process it runs in.
 */
export async function claimReminderPush(
  db: Kysely<Database>,
  personId: string,
  kind: string,
  date: string,
  now: Date,
): Promise<boolean> {
  const row = await db
    .insertInto('reminder_push')
    .values({ person_id: personId, kind, date, claimed_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['person_id', 'kind', 'date']).doNothing())
    .returning('kind')
    .executeTakeFirst();
  return row !== undefined;
}

/** Gives a claim back, so that the next run tries again (no device received the push). */
export async function releaseReminderPush(
  db: Kysely<Database>,
  personId: string,
  kind: string,
  date: string,
) {
  await db
    .deleteFrom('reminder_push')
    .where('person_id', '=', personId)
    .where('kind', '=', kind)
    .where('date', '=', date)
    .execute();
}

/** Claims older than `before` (a local date) are no longer needed: no reminder is due on past days. */
export async function forgetOldReminderPushes(db: Kysely<Database>, before: string): Promise<void> {
  await db.deleteFrom('reminder_push').where('date', '<', before).execute();
}
