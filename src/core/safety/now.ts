/**
 * What the safety pathway asks for right now, from the person's recent results and the diary: the
 * triggers to put in front of scores, whether self-help suggestions wait, and whether they stand
 * below a "talk to a professional" card. The Checks overview and the recommendations both call
 * this, and it calls `escalate` — one rule, read in one place.
 *
 * @example safetyNow([{ …gad7 of 17, supportReadAt: null }], { shown: [], pattern: [] }).pausedBy[0].code // 'gad7_severe'
 */
import {
  type Escalation,
  escalate,
  type ResultToEscalate,
  type SafetyTrigger,
  screenTriggers,
} from './escalation.ts';

export interface StoredResult extends ResultToEscalate {
  id: string;
  date: string;
  createdAt: string;
}

export interface RecentResult extends StoredResult {
  /** The person's PHQ-9 total before this one (PHQ-9 only). */
  previousPhq9: number | null;
  /** When its support screen was read ("I've read this"), if it was. */
  supportReadAt: string | null;
}

/** For each PHQ-9 among the results, the total of the PHQ-9 before it (by creation time). */
export function previousPhq9Scores(results: readonly StoredResult[]): Map<string, number | null> {
  const phq9 = results
    .filter((r) => r.instrument === 'phq9' && r.score !== null)
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0));
  return new Map(phq9.map((r, i) => [r.id, i > 0 ? (phq9[i - 1]?.score ?? null) : null]));
}

/** The escalation of one stored result, given all of the person's results (for the PHQ-9 rise). */
export function escalationOf(result: StoredResult, all: readonly StoredResult[]): Escalation {
  return escalate(result, previousPhq9Scores(all).get(result.id) ?? null);
}

export interface SafetyNow {
  /** Urgent and professional triggers of the recent results, then the diary prompt: shown before scores. */
  screen: SafetyTrigger[];
  /**
   * What holds self-help suggestions back (empty when nothing does): anything urgent, the diary
   * pattern (even while its prompt is put away), a professional screen not yet read.
   */
  pausedBy: SafetyTrigger[];
  /** A professional screen has been read: suggestions stand below a "talk to a professional" card. */
  talkToProfessional: boolean;
  /** Results whose screen has not been read yet (reading the Checks overview's screen reads them). */
  unreadResultIds: string[];
}

/**
 * `diary.shown` is the diary prompt when it is showing; `diary.pattern` is the pattern's trigger
 * whether or not the prompt is put away.
 */
export function safetyNow(
  recent: readonly RecentResult[],
  diary: { shown: readonly SafetyTrigger[]; pattern: readonly SafetyTrigger[] },
): SafetyNow {
  const raised = recent.map((r) => ({ r, triggers: screenTriggers(escalate(r, r.previousPhq9).triggers) }));
  const urgent = raised.flatMap((x) => x.triggers.filter((t) => t.level === 'urgent'));
  const professional = raised.filter((x) => x.triggers.some((t) => t.level === 'professional'));
  const unread = professional.filter((x) => x.r.supportReadAt === null);
  return {
    screen: [...raised.flatMap((x) => x.triggers), ...diary.shown],
    pausedBy: [
      ...urgent,
      ...unread.flatMap((x) => x.triggers.filter((t) => t.level === 'professional')),
      ...diary.pattern,
    ],
    talkToProfessional: professional.length > 0 && unread.length === 0,
    unreadResultIds: raised
      .filter((x) => x.triggers.length > 0 && x.r.supportReadAt === null)
      .map((x) => x.r.id),
  };
}
