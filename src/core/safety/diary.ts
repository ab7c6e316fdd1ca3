/**
 * The diary's low-mood check (knowledge/help.yaml `diary_low_mood_rule` explains it to people):
 * over the last 14 calendar days, today included, with a mood logged on at least 5 of them, mood
 * ≤ 3 on at least 10 of every 14 logged days. Calendar days, so months-old data cannot fire it;
 * a share of the logged days, so someone who logs every other day is not missed; at least 5
 * logged days, so two or three bad entries do not fire it alone. The window is the PHQ-9's own
 * two weeks (Kroenke et al. 2001, doi:10.1046/j.1525-1497.2001.016009606.x).
 *
 * The prompt can be put away once per episode, for 7 days, and only while it is showing. An
 * episode is a run of consecutive days on which the rule fires; after a day without it, a new
 * run is a new episode.
 *
 * @example lowMoodPattern([{ date: '2026-03-10', mood: 2 }, …], '2026-03-10').fires
 */
import { addDays, daysBetween, utcMidnight } from '../dates.ts';
import type { SafetyTrigger } from './escalation.ts';

export const LOW_MOOD_MAX = 3;
export const LOW_MOOD_WINDOW_DAYS = 14;
export const LOW_MOOD_MIN_LOGGED_DAYS = 5;
/** At least 10 low days out of every 14 logged (10/14 ≈ 71 %). */
export const LOW_MOOD_SHARE = { low: 10, of: 14 } as const;
export const SUPPORT_PROMPT_SNOOZE_DAYS = 7;

export interface MoodDay {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  /** 1–10, one per day (imports already mapped, e.g. Daylio "awful" → 1). */
  mood: number;
}

export interface LowMoodPattern {
  fires: boolean;
  lowDays: number;
  loggedDays: number;
}

/** The window's first date for `today`. */
export const windowStart = (today: string) => addDays(today, -(LOW_MOOD_WINDOW_DAYS - 1));

/** The rule for the 14 calendar days ending on `today`. Days outside the window are ignored. */
export function lowMoodPattern(days: readonly MoodDay[], today: string): LowMoodPattern {
  const from = windowStart(today);
  const byDate = new Map<string, number>();
  for (const d of days) if (d.date >= from && d.date <= today) byDate.set(d.date, d.mood);
  const loggedDays = byDate.size;
  const lowDays = [...byDate.values()].filter((m) => m <= LOW_MOOD_MAX).length;
  const fires =
    loggedDays >= LOW_MOOD_MIN_LOGGED_DAYS && lowDays * LOW_MOOD_SHARE.of >= loggedDays * LOW_MOOD_SHARE.low;
  return { fires, lowDays, loggedDays };
}

export function lowMoodTrigger(days: readonly MoodDay[], today: string): SafetyTrigger[] {
  const p = lowMoodPattern(days, today);
  if (!p.fires) return [];
  return [
    {
      code: 'low_mood_pattern',
      level: 'professional',
      message: `Your mood has been 3 or lower on ${p.lowDays} of the ${p.loggedDays} days you logged in the last two weeks. That sounds hard, and you don’t have to carry it alone.`,
    },
  ];
}

/** True when the rule fired on every day from `from` to `to` inclusive: one unbroken episode. */
export function firesEveryDay(days: readonly MoodDay[], from: string, to: string): boolean {
  for (let d = from; d <= to; d = addDays(d, 1)) if (!lowMoodPattern(days, d).fires) return false;
  return true;
}

export interface DiaryPromptState {
  /** The trigger, when the prompt is showing now. */
  triggers: SafetyTrigger[];
  /** Set while a snooze keeps the showing pattern away. */
  snoozedUntil: Date | null;
  /** Whether "remind me in 7 days" may still be used in this episode. */
  snoozeAvailable: boolean;
}

/**
 * Whether the prompt shows now, given the latest dismissal (its instant and local date). A
 * dismissal counts for this episode when the rule has fired on every day since it; then it
 * keeps the prompt away for 7 days and, once used, is not offered again in the episode.
 */
export function diaryPromptState(
  days: readonly MoodDay[],
  today: string,
  now: Date,
  latestDismissal: { at: Date; date: string } | null,
): DiaryPromptState {
  const triggers = lowMoodTrigger(days, today);
  if (triggers.length === 0) return { triggers, snoozedUntil: null, snoozeAvailable: false };
  const inEpisode =
    latestDismissal !== null &&
    latestDismissal.date <= today &&
    firesEveryDay(days, latestDismissal.date, today);
  if (!inEpisode) return { triggers, snoozedUntil: null, snoozeAvailable: true };
  const until = snoozedUntil(latestDismissal.at);
  if (now.getTime() < until.getTime()) return { triggers: [], snoozedUntil: until, snoozeAvailable: false };
  return { triggers, snoozedUntil: null, snoozeAvailable: false };
}

/** Until when a dismissed diary prompt stays away: 7 days from the dismissal. */
export function snoozedUntil(dismissedAt: Date): Date {
  return new Date(dismissedAt.getTime() + SUPPORT_PROMPT_SNOOZE_DAYS * 86_400_000);
}

/**
 * Moods by day: `moods[i]` is the mood logged on `addDays(from, i)`, undefined where none was. The
 * caseload reads its people's moods straight into this (no object per day), and both the sparkline
 * and the episodes read it by index.
 */
export interface MoodsByDay {
  from: string;
  moods: readonly (number | undefined)[];
}

/** `days` laid out by day from `from` to `to` inclusive; a day outside is left out, a later duplicate wins. */
export function moodsByDay(days: readonly MoodDay[], from: string, to: string): MoodsByDay {
  const moods: (number | undefined)[] = new Array(Math.max(0, daysBetween(from, to) + 1));
  const fromMs = utcMidnight(from);
  for (const d of days) {
    const i = Math.round((utcMidnight(d.date) - fromMs) / 86_400_000);
    if (i >= 0 && i < moods.length) moods[i] = d.mood;
  }
  return { from, moods };
}

/**
 * First dates of the episodes (runs of days on which the rule fired) between two dates. The same
 * rule as `lowMoodPattern` on every day, computed by sliding the 14-day window one day at a time
 * (counts in, counts out) so a clinic's caseload can run it for hundreds of people at once;
 * diary.test.ts checks it against `lowMoodPattern` day by day.
 */
export function episodeStarts(days: readonly MoodDay[], from: string, to: string): string[] {
  if (from > to) return [];
  return episodeStartsByDay(moodsByDay(days, addDays(from, -LOW_MOOD_WINDOW_DAYS), to), from, to);
}

/** `episodeStarts` on moods laid out by day (days the series does not cover count as not logged). */
export function episodeStartsByDay(series: MoodsByDay, from: string, to: string): string[] {
  if (from > to) return [];
  // Index 0 is the first day of the window of the day before `from`.
  const start = addDays(from, -LOW_MOOD_WINDOW_DAYS);
  const n = daysBetween(start, to) + 1;
  // Where `start` falls in the series: an index outside it reads undefined, a day not logged.
  const offset = daysBetween(series.from, start);
  const moods = series.moods;
  // Without a single low day in reach the rule cannot fire (most people, most of the time).
  let anyLow = false;
  for (let i = Math.max(0, -offset); i < n && i + offset < moods.length; i++) {
    const m = moods[i + offset];
    if (m !== undefined && m <= LOW_MOOD_MAX) {
      anyLow = true;
      break;
    }
  }
  if (!anyLow) return [];
  let logged = 0;
  let low = 0;
  for (let i = 0; i < LOW_MOOD_WINDOW_DAYS; i++) {
    const m = moods[i + offset];
    if (m === undefined) continue;
    logged++;
    if (m <= LOW_MOOD_MAX) low++;
  }
  let previous = logged >= LOW_MOOD_MIN_LOGGED_DAYS && low * LOW_MOOD_SHARE.of >= logged * LOW_MOOD_SHARE.low;
  const starts: string[] = [];
  for (let i = LOW_MOOD_WINDOW_DAYS; i < n; i++) {
    const added = moods[i + offset];
    if (added !== undefined) {
      logged++;
      if (added <= LOW_MOOD_MAX) low++;
    }
    const gone = moods[i - LOW_MOOD_WINDOW_DAYS + offset];
    if (gone !== undefined) {
      logged--;
      if (gone <= LOW_MOOD_MAX) low--;
    }
    const now = logged >= LOW_MOOD_MIN_LOGGED_DAYS && low * LOW_MOOD_SHARE.of >= logged * LOW_MOOD_SHARE.low;
    if (now && !previous) starts.push(addDays(start, i));
    previous = now;
  }
  return starts;
}
