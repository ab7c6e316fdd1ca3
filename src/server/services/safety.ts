/**
 * The safety pathway's one place on the server: what a result raises (core/safety/escalation.ts),
 * what the pathway asks for now (recent results and the diary rule), the region whose numbers a
 * support screen shows, and the screen itself. Screeners, recommendations, the weekly report,
 * check-ins and the safety routes all ask here, so the rule is read once. Nothing here can switch
 * a trigger off; a dismissal only puts the diary prompt away for 7 days, once per episode.
 */
import type { z } from 'zod';
import type { OutputOf } from '../../contract/endpoint.ts';
import type { getSafetyRegions, getSafetyStatus, regionChoice } from '../../contract/safety.ts';
import { addDays, localDateAt } from '../../core/dates.ts';
import {
  diaryPromptState,
  type Escalation,
  escalate,
  escalationOf,
  isRegionId,
  lowMoodTrigger,
  PROFESSIONAL_KINDS,
  parseAcceptLanguage,
  previousPhq9Scores,
  REGIONS,
  type RegionId,
  type ResultToEscalate,
  regionFromLocales,
  type SafetyNow,
  type SafetyTrigger,
  type SupportScreen,
  safetyNow,
  screenTriggers,
  snoozedUntil,
  supportScreen,
  windowStart,
} from '../../core/safety/index.ts';
import { REPEAT_EVERY_DAYS } from '../../core/screeners/index.ts';
import { getPerson, updatePerson } from '../../store/people.ts';
import { addDismissal, latestDismissal, moodDays } from '../../store/safety.ts';
import { listScreenerResponses, type ScreenerResponseRow } from '../../store/screeners.ts';
import { HttpError } from '../plugins/errors.ts';
import { type Actor, type AppContext, type PersonDay, personToday } from './context.ts';

/** The browser's Accept-Language header as it arrives: it decides the region until the person picks one. */
export type AcceptLanguage = string | readonly string[] | undefined;
type RegionChoice = z.infer<typeof regionChoice>;

const LOW_MOOD_KIND = 'low_mood_pattern';

/** What one result raises, given the person's PHQ-9 total before it (for the reliable-change rise). */
export function resultEscalation(result: ResultToEscalate, previousPhq9: number | null): Escalation {
  return escalate(result, previousPhq9);
}

/** What a stored result raises, read with the person's other results of its instrument. */
export async function storedResultEscalation(
  ctx: AppContext,
  personId: string,
  row: ScreenerResponseRow,
): Promise<Escalation> {
  return escalationOf(
    row,
    await listScreenerResponses(ctx.store.db, personId, { instrument: row.instrument }),
  );
}

/** The triggers that call for a support screen, as stored with a result. */
export const screenTriggerCodes = (escalation: Escalation): string[] =>
  screenTriggers(escalation.triggers).map((t) => t.code);

/** The browser's default region from its Accept-Language header. */
export function localeRegion(acceptLanguage: AcceptLanguage): RegionId {
  const header = typeof acceptLanguage === 'string' ? acceptLanguage : acceptLanguage?.join(',');
  return regionFromLocales(parseAcceptLanguage(header));
}

/** The region the support screen uses: the person's setting, else the browser's locale. */
export async function regionFor(
  ctx: AppContext,
  personId: string,
  acceptLanguage: AcceptLanguage,
): Promise<RegionChoice> {
  const person = await getPerson(ctx.store.db, personId);
  if (isRegionId(person.region)) return { id: person.region, source: 'settings' };
  return { id: localeRegion(acceptLanguage), source: 'locale' };
}

/** Support screen for these triggers in the person's region, or null when none calls for a screen. */
export async function supportFor(
  ctx: AppContext,
  personId: string,
  acceptLanguage: AcceptLanguage,
  triggers: readonly SafetyTrigger[],
  options: { snoozeAvailable?: boolean } = {},
): Promise<SupportScreen | null> {
  if (!triggers.some((t) => t.level === 'urgent' || t.level === 'professional')) return null;
  return supportScreen(triggers, (await regionFor(ctx, personId, acceptLanguage)).id, options);
}

/**
 * The diary rule (see core/safety/diary.ts) for the person's today, with the one 7-day snooze
 * per episode. `pattern` is the trigger whether or not it is snoozed.
 */
export async function diaryCheck(ctx: AppContext, personId: string, day?: PersonDay) {
  const { db } = ctx.store;
  const now = ctx.now();
  const { today, timeZone } = day ?? (await personToday(ctx, personId));
  const dismissedAt = await latestDismissal(db, personId, LOW_MOOD_KIND);
  const dismissal = dismissedAt ? { at: dismissedAt, date: localDateAt(dismissedAt, timeZone) } : null;
  // From the dismissal's window on, so an episode that began before it can be followed to today.
  const from = windowStart(dismissal && dismissal.date < today ? dismissal.date : today);
  const days = await moodDays(db, personId, from, today);
  const state = diaryPromptState(days, today, now, dismissal);
  return { ...state, today, pattern: lowMoodTrigger(days, today) };
}

/** For check-ins: the support screen when the diary rule fires after a save. */
export async function diarySupport(
  ctx: AppContext,
  personId: string,
  acceptLanguage: AcceptLanguage,
  /** The person's today and time zone when the caller has just read them (one query fewer per save). */
  day?: PersonDay,
) {
  const diary = await diaryCheck(ctx, personId, day);
  return supportFor(ctx, personId, acceptLanguage, diary.triggers, {
    snoozeAvailable: diary.snoozeAvailable,
  });
}

/**
 * What the safety pathway asks for now (core/safety/now.ts): the person's results from the
 * questionnaires' own window (the last two weeks) and the diary pattern — even while its prompt is
 * put away, so suggestions stay paused as long as the pattern is there.
 */
export async function safetyNowFor(ctx: AppContext, personId: string, today: string): Promise<SafetyNow> {
  const all = await listScreenerResponses(ctx.store.db, personId, { to: today });
  const previous = previousPhq9Scores(all);
  const from = addDays(today, -(REPEAT_EVERY_DAYS - 1));
  const recent = all
    .filter((r) => r.date >= from)
    .map((r) => ({ ...r, previousPhq9: previous.get(r.id) ?? null }));
  const diary = await diaryCheck(ctx, personId);
  return safetyNow(recent, { shown: diary.triggers, pattern: diary.pattern });
}

export function safetyRegions(acceptLanguage: AcceptLanguage): OutputOf<typeof getSafetyRegions> {
  return {
    regions: REGIONS,
    professionals: PROFESSIONAL_KINDS,
    localeRegion: localeRegion(acceptLanguage),
  };
}

export async function safetyStatus(
  ctx: AppContext,
  actor: Actor,
  acceptLanguage: AcceptLanguage,
): Promise<OutputOf<typeof getSafetyStatus>> {
  const region = await regionFor(ctx, actor.personId, acceptLanguage);
  const diary = await diaryCheck(ctx, actor.personId);
  return {
    support: diary.triggers.length
      ? supportScreen(diary.triggers, region.id, { snoozeAvailable: diary.snoozeAvailable })
      : null,
    region,
    snoozedUntil: diary.snoozedUntil?.toISOString() ?? null,
  };
}

export async function setRegion(
  ctx: AppContext,
  actor: Actor,
  regionId: string | null,
  acceptLanguage: AcceptLanguage,
): Promise<{ region: RegionChoice }> {
  await updatePerson(ctx.store.db, actor.personId, { region: regionId }, ctx.now());
  return { region: await regionFor(ctx, actor.personId, acceptLanguage) };
}

/**
 * Only while the prompt is showing, and once per episode: a dismissal made in advance or a second
 * one in the same run of low days would hide a pattern that is still there.
 */
export async function dismissDiaryPrompt(ctx: AppContext, actor: Actor): Promise<{ snoozedUntil: string }> {
  const now = ctx.now();
  const diary = await diaryCheck(ctx, actor.personId);
  if (diary.triggers.length === 0) {
    throw new HttpError(
      409,
      diary.snoozedUntil ? 'already_snoozed' : 'no_prompt',
      diary.snoozedUntil
        ? 'The diary prompt is already put away for now.'
        : 'There is no diary prompt showing to put away.',
    );
  }
  if (!diary.snoozeAvailable) {
    throw new HttpError(
      409,
      'snooze_used',
      'The diary prompt was already put away once while this pattern has lasted, so it stays until your mood lifts.',
    );
  }
  await addDismissal(ctx.store.db, actor.personId, LOW_MOOD_KIND, now);
  return { snoozedUntil: snoozedUntil(now).toISOString() };
}
