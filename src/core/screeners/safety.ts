/**
 * The safety rules: when Gutbrain shows the support screen. Pure and without options on purpose —
 * no setting, flag or preference can switch a trigger off.
 *
 * - PHQ-9 item 9 answered above "Not at all" (any thought of being better off dead or of self-harm).
 * - Any red-flag answer in the signals check.
 * - The diary pattern: mood ≤ 3 on 10 or more of the last 14 logged days. The prompt for this one is
 *   gentle and can be put away for 7 days; it comes back if the pattern is still there.
 *
 * @example safetyTriggersForScreener('phq9', { phq9_9: 1, … }) // → [{ code: 'phq9_item9', … }]
 */
import { RED_FLAGS, type RedFlagId } from './signals.ts';

export type TriggerCode = 'phq9_item9' | 'red_flag' | 'low_mood_pattern';

export interface SafetyTrigger {
  code: TriggerCode;
  /** Gentle, plain words saying why the support screen is showing. */
  message: string;
  /** For red flags: which ones. */
  redFlags?: RedFlagId[];
}

export const PHQ9_ITEM9 = 'phq9_9';

/** Triggers raised by one validated questionnaire's answers (only PHQ-9 item 9 has one). */
export function safetyTriggersForScreener(
  instrument: string,
  answers: Readonly<Record<string, number>>,
): SafetyTrigger[] {
  const item9 = answers[PHQ9_ITEM9];
  if (instrument === 'phq9' && typeof item9 === 'number' && item9 > 0) {
    return [
      {
        code: 'phq9_item9',
        message:
          'You said you have had thoughts that you would be better off dead or of hurting yourself. You deserve support with this, and you don’t have to wait.',
      },
    ];
  }
  return [];
}

/** Triggers raised by the red-flag questions of the signals check. */
export function safetyTriggersForRedFlags(redFlags: readonly RedFlagId[]): SafetyTrigger[] {
  if (redFlags.length === 0) return [];
  const labels = RED_FLAGS.filter((f) => redFlags.includes(f.id)).map((f) => f.label.toLowerCase());
  return [
    {
      code: 'red_flag',
      message: `You said yes to ${labels.join('; ')}. These are signs that it’s time to talk with a professional.`,
      redFlags: [...redFlags],
    },
  ];
}

export const LOW_MOOD_MAX = 3;
export const LOW_MOOD_WINDOW = 14;
export const LOW_MOOD_MIN_DAYS = 10;
export const SUPPORT_PROMPT_SNOOZE_DAYS = 7;

export interface MoodDay {
  date: string;
  mood: number;
}

/**
 * Mood ≤ 3 on 10 or more of the last 14 logged days. "Logged days" are days with a mood entry, so a
 * gap in the diary does not dilute the pattern; the days may come in any order.
 */
export function lowMoodPattern(days: readonly MoodDay[]): {
  fires: boolean;
  lowDays: number;
  loggedDays: number;
} {
  const recent = [...days]
    .sort((a, b) => (a.date < b.date ? 1 : a.date > b.date ? -1 : 0))
    .slice(0, LOW_MOOD_WINDOW);
  const lowDays = recent.filter((d) => d.mood <= LOW_MOOD_MAX).length;
  return { fires: lowDays >= LOW_MOOD_MIN_DAYS, lowDays, loggedDays: recent.length };
}

export function lowMoodTrigger(days: readonly MoodDay[]): SafetyTrigger[] {
  const p = lowMoodPattern(days);
  if (!p.fires) return [];
  return [
    {
      code: 'low_mood_pattern',
      message: `Your mood has been 3 or lower on ${p.lowDays} of your last ${p.loggedDays} logged days. That sounds hard, and you don’t have to carry it alone.`,
    },
  ];
}

/** Until when a dismissed diary prompt stays away: 7 days from the dismissal. */
export function snoozedUntil(dismissedAt: Date): Date {
  return new Date(dismissedAt.getTime() + SUPPORT_PROMPT_SNOOZE_DAYS * 86_400_000);
}

/** True while the latest dismissal is less than 7 days old. */
export function isPromptSnoozed(latestDismissedAt: Date | null, now: Date): boolean {
  return latestDismissedAt !== null && now.getTime() < snoozedUntil(latestDismissedAt).getTime();
}
