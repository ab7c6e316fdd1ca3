/**
 * The safety events a caseload puts first: PHQ-9 item 9 above "Not at all", red flags in the
 * signals check, the diary's low-mood rule, and every other result that sent the person to a
 * "talk to a professional" screen — each with its date and in the words the clinician summary
 * uses. Built from the same rules the person's app runs (core/safety), so the clinic sees exactly
 * what the person was shown.
 *
 * @example clinicSafetyEvents({ results, moods, from: '2026-01-01', to: '2026-03-10' })[0].kind // 'phq9_item9'
 */
import {
  episodeStartsByDay,
  escalate,
  type MoodsByDay,
  previousPhq9Scores,
  type SafetyTrigger,
  screenTriggers,
} from '../safety/index.ts';
import { type SafetyInputResult, triggerWords } from '../sharing/safety-summary.ts';

export type SafetyEventKind = 'phq9_item9' | 'red_flag' | 'diary_low_mood' | 'professional_help';

export interface ClinicSafetyEvent {
  date: string;
  level: 'urgent' | 'professional';
  kind: SafetyEventKind;
  words: string;
}

const kindOf = (t: SafetyTrigger): SafetyEventKind =>
  t.code === 'phq9_item9'
    ? 'phq9_item9'
    : t.code === 'red_flag' || t.code === 'red_flag_harm'
      ? 'red_flag'
      : 'professional_help';

const LEVEL_RANK = { urgent: 0, professional: 1 } as const;

/** Urgent before professional, then newest first. */
export function compareEvents(a: ClinicSafetyEvent, b: ClinicSafetyEvent): number {
  return LEVEL_RANK[a.level] - LEVEL_RANK[b.level] || (a.date < b.date ? 1 : a.date > b.date ? -1 : 0);
}

/**
 * Events dated `from`–`to`. `results` may start earlier (the PHQ-9 before the first one in the
 * window gives its rise); `moods` should start 14 days before `from` (the diary rule looks back).
 */
export function clinicSafetyEvents(input: {
  results: readonly SafetyInputResult[];
  moods: MoodsByDay;
  from: string;
  to: string;
}): ClinicSafetyEvent[] {
  const previous = previousPhq9Scores(input.results);
  const events: ClinicSafetyEvent[] = [];
  for (const r of input.results) {
    if (r.date < input.from || r.date > input.to) continue;
    const before = previous.get(r.id) ?? null;
    for (const t of screenTriggers(escalate(r, before).triggers)) {
      const level = t.level === 'urgent' ? 'urgent' : 'professional';
      events.push({ date: r.date, level, kind: kindOf(t), words: `${triggerWords(t, r, before)}.` });
    }
  }
  for (const start of episodeStartsByDay(input.moods, input.from, input.to)) {
    events.push({
      date: start,
      level: 'professional',
      kind: 'diary_low_mood',
      words: 'Diary: mood 3 or lower on at least 10 of every 14 logged days over the previous two weeks.',
    });
  }
  return events.sort(compareEvents);
}
