/**
 * The reminder push job: every minute (in `gutbrain serve`), for each person with a push
 * subscription and a reminder switched on, the reminders due now — the same answer as
 * GET /api/reminders/due — are pushed to each of the person's devices with Web Push (VAPID,
 * aes128gcm, through the web-push package).
 *
 * At most once per person, kind and local date, whatever the number of server processes: a push
 * is sent only by the process whose claim row went in (store/push.ts `claimReminderPush`).
 * Failures:
 * - 404/410 from the push service: the subscription is gone, so it is deleted;
 * - no answer, 429 or 5xx from every device: the claim is given back and the next minute tries
 *   again (a push service outage costs one attempt a minute, never a lost reminder);
 * - any other answer (a 4xx: our request was refused): logged, and not retried that day.
 * A crash between claim and send loses that day's push; the in-app banner still shows it.
 * Logs carry counts, status codes and subscription ids: never endpoints, keys or payloads.
 *
 * @example const run = await sendDueReminderPushes(ctx, new Date()); // { people, sent, gone, failed }
 */
import { Agent } from 'node:https';
import { rootCertificates } from 'node:tls';
import webpush from 'web-push';
import { addDays, localDateAt } from '../../core/dates.ts';
import { pushPayload, readyToPush } from '../../core/reminders/push.ts';
import type { DueReminder } from '../../core/reminders/reminders.ts';
import {
  claimReminderPush,
  forgetOldReminderPushes,
  forgetSubscription,
  markPushDelivered,
  peopleToPush,
  releaseReminderPush,
  subscriptionsOf,
  type VapidKeys,
  vapidKeys,
} from '../../store/push.ts';
import type { PushSubscriptionTable } from '../../store/schema.ts';
import type { AppContext, PushSettings } from '../context.ts';
import { remindersDueFor } from '../reminders-due.ts';
import { endpointProblem, guardedLookup } from './endpoint.ts';

export type PushContext = Pick<AppContext, 'store' | 'push'>;

/** The part of a pino logger the job uses (Fastify's `app.log` fits). */
export interface PushLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}

export interface PushRun {
  /** People looked at: with a subscription and a reminder switched on. */
  people: number;
  /** Pushes the push service accepted. */
  sent: number;
  /** Subscriptions deleted because the push service said they are gone. */
  gone: number;
  failed: number;
}

const quiet: PushLog = { info() {}, warn() {}, error() {} };

/** A push no one reads within this time is dropped by the push service: a stale reminder is noise. */
const TIME_TO_LIVE_SECONDS = 4 * 3600;
const SOCKET_TIMEOUT_MS = 10_000;

type Outcome = 'sent' | 'gone' | 'retry' | 'failed';

/** Name and code of an error, never its message: messages can carry addresses or values. */
export function errorSummary(e: unknown): { name: string; code?: string; status?: number } {
  if (!(e instanceof Error)) return { name: typeof e };
  const code = (e as { code?: unknown }).code;
  const status = e instanceof webpush.WebPushError ? e.statusCode : undefined;
  return { name: e.name, ...(typeof code === 'string' ? { code } : {}), ...(status ? { status } : {}) };
}

const agents = new WeakMap<PushSettings, Agent>();

function agentFor(settings: PushSettings): Agent {
  let agent = agents.get(settings);
  if (!agent) {
    agent = new Agent({
      lookup: guardedLookup(settings.allowLoopbackEndpoints),
      ...(settings.ca ? { ca: [...rootCertificates, settings.ca] } : {}),
    });
    agents.set(settings, agent);
  }
  return agent;
}

async function deliver(
  ctx: PushContext,
  keys: VapidKeys,
  sub: PushSubscriptionTable,
  reminder: DueReminder,
  now: Date,
  log: PushLog,
): Promise<Outcome> {
  if (endpointProblem(sub.endpoint, ctx.push.allowLoopbackEndpoints)) return 'failed';
  try {
    await webpush.sendNotification(
      { endpoint: sub.endpoint, keys: { p256dh: sub.p256dh, auth: sub.auth } },
      JSON.stringify(pushPayload(reminder)),
      {
        vapidDetails: { subject: ctx.push.subject, publicKey: keys.publicKey, privateKey: keys.privateKey },
        TTL: TIME_TO_LIVE_SECONDS,
        urgency: 'normal',
        // A newer push of the same kind replaces one still waiting at the push service.
        topic: `gutbrain-${reminder.kind}`,
        timeout: SOCKET_TIMEOUT_MS,
        agent: agentFor(ctx.push),
      },
    );
    await markPushDelivered(ctx.store.db, sub.person_id, sub.id, now);
    return 'sent';
  } catch (e) {
    const summary = errorSummary(e);
    if (summary.status === 404 || summary.status === 410) {
      await forgetSubscription(ctx.store.db, sub.person_id, sub.id);
      log.info({ subscription: sub.id, status: summary.status }, 'push subscription gone: deleted');
      return 'gone';
    }
    log.warn({ subscription: sub.id, kind: reminder.kind, err: summary }, 'reminder push failed');
    const transient = summary.status === undefined || summary.status === 429 || summary.status >= 500;
    return transient ? 'retry' : 'failed';
  }
}

async function pushToPerson(
  ctx: PushContext,
  keys: VapidKeys,
  personId: string,
  now: Date,
  run: PushRun,
  log: PushLog,
): Promise<void> {
  const { db } = ctx.store;
  const { today, localTime, due } = await remindersDueFor(db, personId, now);
  for (const reminder of due.filter((r) => readyToPush(r, localTime))) {
    const subs = await subscriptionsOf(db, personId);
    if (subs.length === 0) return;
    if (!(await claimReminderPush(db, personId, reminder.kind, today, now))) continue;
    const outcomes: Outcome[] = [];
    for (const sub of subs) outcomes.push(await deliver(ctx, keys, sub, reminder, now, log));
    run.sent += outcomes.filter((o) => o === 'sent').length;
    run.gone += outcomes.filter((o) => o === 'gone').length;
    run.failed += outcomes.filter((o) => o === 'retry' || o === 'failed').length;
    if (!outcomes.includes('sent') && outcomes.includes('retry')) {
      await releaseReminderPush(db, personId, reminder.kind, today);
    }
  }
}

/** One run of the job at the instant `now` (tests pass a fixed clock). */
export async function sendDueReminderPushes(
  ctx: PushContext,
  now: Date,
  log: PushLog = quiet,
): Promise<PushRun> {
  const { db } = ctx.store;
  const people = await peopleToPush(db);
  const run: PushRun = { people: people.length, sent: 0, gone: 0, failed: 0 };
  // Every person's local date is within a day of UTC's: older claims can never matter again.
  await forgetOldReminderPushes(db, addDays(localDateAt(now, 'UTC'), -2));
  if (people.length === 0) return run;
  const keys = await vapidKeys(db, webpush.generateVAPIDKeys, now);
  for (const personId of people) {
    try {
      await pushToPerson(ctx, keys, personId, now, run, log);
    } catch (e) {
      // One person's failure (a deleted account mid-run, say) must not hold up everyone else's.
      run.failed += 1;
      log.error({ err: errorSummary(e) }, 'reminder pushes for one person failed');
    }
  }
  return run;
}

/**
 * Runs the job every `everyMs` until the returned stop function is called; stop waits for a run in
 * progress. A run still going when the next is due is not doubled. The timer does not keep the
 * process alive on its own.
 */
export function scheduleReminderPushes(
  ctx: PushContext & Pick<AppContext, 'now'>,
  log: PushLog,
  everyMs = 60_000,
): () => Promise<void> {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = sendDueReminderPushes(ctx, ctx.now(), log)
      .then((run) => {
        if (run.sent || run.gone || run.failed) log.info({ ...run }, 'reminder pushes');
      })
      .catch((e) => log.error({ err: errorSummary(e) }, 'reminder push run failed'))
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, everyMs);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
