/**
 * The safety state now, computed in one place for every capability that needs it: the region the
 * support screen uses, the diary rule with its one 7-day snooze, the support screen for a set of
 * triggers, and what the safety pathway asks for now (core/safety/now.ts). No Fastify types: the
 * browser's locale arrives as its Accept-Language header.
 */
import type { Kysely } from 'kysely';
import { addDays, localDateAt } from '../../core/dates.ts';
import {
  diaryPromptState,
  isRegionId,
  lowMoodTrigger,
  parseAcceptLanguage,
  previousPhq9Scores,
  type RegionId,
  regionFromLocales,
  type SafetyNow,
  type SafetyTrigger,
  type SupportScreen,
  safetyNow,
  supportScreen,
  windowStart,
} from '../../core/safety/index.ts';
import { REPEAT_EVERY_DAYS } from '../../core/screeners/index.ts';
import { getPerson } from '../../store/people.ts';
import { latestDismissal, moodDays } from '../../store/safety.ts';
import type { Database } from '../../store/schema.ts';
import { listScreenerResponses } from '../../store/screeners.ts';
import type { AppContext } from './context.ts';

/** The diary prompt's dismissal kind (the only support screen that can be put away). */
export const LOW_MOOD_KIND = 'low_mood_pattern';

/** What the region default is read from: the request's Accept-Language header. */
export interface LocaleSource {
  headers: { 'accept-language'?: string | string[] | undefined };
}

/** The browser's default region from its Accept-Language header. */
export function localeRegion(req: LocaleSource): RegionId {
  const header = req.headers['accept-language'];
  return regionFromLocales(parseAcceptLanguage(Array.isArray(header) ? header.join(',') : header));
}

/** The region the support screen uses: the person's setting, else the browser's locale. */
export async function regionFor(
  db: Kysely<Database>,
  personId: string,
  req: LocaleSource,
): Promise<{ id: RegionId; source: 'settings' | 'locale' }> {
  const person = await getPerson(db, personId);
  if (isRegionId(person.region)) return { id: person.region, source: 'settings' };
  return { id: localeRegion(req), source: 'locale' };
}

/** Support screen for these triggers in the person's region, or null when none calls for a screen. */
export async function supportFor(
  db: Kysely<Database>,
  personId: string,
  req: LocaleSource,
  triggers: readonly SafetyTrigger[],
  options: { snoozeAvailable?: boolean } = {},
): Promise<SupportScreen | null> {
  if (!triggers.some((t) => t.level === 'urgent' || t.level === 'professional')) return null;
  return supportScreen(triggers, (await regionFor(db, personId, req)).id, options);
}

/**
 * The diary rule (see core/safety/diary.ts) for the person's today, with the one 7-day snooze
 * per episode. `pattern` is the trigger whether or not it is snoozed.
 */
export async function diaryCheck(db: Kysely<Database>, personId: string, now: Date) {
  const person = await getPerson(db, personId);
  const today = localDateAt(now, person.time_zone);
  const dismissedAt = await latestDismissal(db, personId, LOW_MOOD_KIND);
  const dismissal = dismissedAt
    ? { at: dismissedAt, date: localDateAt(dismissedAt, person.time_zone) }
    : null;
  // From the dismissal's window on, so an episode that began before it can be followed to today.
  const from = windowStart(dismissal && dismissal.date < today ? dismissal.date : today);
  const days = await moodDays(db, personId, from, today);
  const state = diaryPromptState(days, today, now, dismissal);
  return { ...state, today, pattern: lowMoodTrigger(days, today) };
}

/** After a diary save (the check-in): the support screen when the diary rule fires. */
export async function diarySupport(ctx: AppContext, personId: string, req: LocaleSource) {
  const diary = await diaryCheck(ctx.store.db, personId, ctx.now());
  return supportFor(ctx.store.db, personId, req, diary.triggers, { snoozeAvailable: diary.snoozeAvailable });
}

/**
 * What the safety pathway asks for now (core/safety/now.ts): the person's results from the
 * questionnaires' own window (the last two weeks) and the diary pattern — even while its prompt is
 * put away, so suggestions stay paused as long as the pattern is there.
 */
export async function safetyNowFor(ctx: AppContext, personId: string, today: string): Promise<SafetyNow> {
  const { db } = ctx.store;
  const all = await listScreenerResponses(db, personId, { to: today });
  const previous = previousPhq9Scores(all);
  const from = addDays(today, -(REPEAT_EVERY_DAYS - 1));
  const recent = all
    .filter((r) => r.date >= from)
    .map((r) => ({ ...r, previousPhq9: previous.get(r.id) ?? null }));
  const diary = await diaryCheck(db, personId, ctx.now());
  return safetyNow(recent, { shown: diary.triggers, pattern: diary.pattern });
}
