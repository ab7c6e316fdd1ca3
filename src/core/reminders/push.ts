/**
 * Reminders as Web Push messages: what a push carries and when a due reminder may be pushed.
 * A push may show on a lock screen, so it carries the reminder's title and neutral body only,
 * never `detail` (which names questionnaires and programs) and never health data.
 *
 * @example if (readyToPush(r, '20:05')) send(JSON.stringify(pushPayload(r)));
 */
import { minutesFromTime } from '../dates.ts';
import type { DueReminder, ReminderKind } from './reminders.ts';

export interface ReminderPushPayload {
  kind: ReminderKind;
  title: string;
  body: string;
  url: string;
}

/**
 * The questionnaire reminder has no time of its own: it is due from midnight. In the app that is
 * harmless; on a phone it would buzz at night, so a push for it waits until this local time.
 */
export const UNTIMED_PUSH_FROM = '09:00';

export function pushPayload(r: DueReminder): ReminderPushPayload {
  return { kind: r.kind, title: r.title, body: r.body, url: r.url };
}

/** Whether a due reminder may be pushed at the person's local time `localTime` (HH:MM). */
export function readyToPush(r: DueReminder, localTime: string): boolean {
  if (r.kind !== 'questionnaire') return true;
  return minutesFromTime(localTime) >= minutesFromTime(UNTIMED_PUSH_FROM);
}
