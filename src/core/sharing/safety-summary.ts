/**
 * The top of a shared summary: PHQ-9 item 9 (answer and date) and every safety event in the
 * period, in words a clinician reads at a glance — never only a band. Built with the same rules
 * the person's app uses (core/safety), so the clinician sees what the person was shown.
 *
 * @example safetySummary(input).item9?.[0] // { date: '2026-03-10', answer: 1, answerLabel: 'Several days' }
 */
import {
  episodeStarts,
  escalationOf,
  type MoodDay,
  type SafetyTrigger,
  screenTriggers,
} from '../safety/index.ts';
import { PHQ9 } from '../screeners/instruments.ts';
import { RED_FLAGS } from '../screeners/signals.ts';
import type { ShareKind } from './access.ts';

export interface SafetyInputResult {
  id: string;
  instrument: string;
  date: string;
  createdAt: string;
  score: number | null;
  answers: Readonly<Record<string, number | boolean>>;
  supportReadAt: string | null;
}

export interface SafetyEvent {
  date: string;
  level: 'urgent' | 'professional';
  /** One plain sentence: what was answered or seen, and what the person was shown. */
  words: string;
}

export interface SafetySection {
  /** Every PHQ-9 item 9 answer in the period (null when questionnaires are not shared). */
  item9: { date: string; answer: number; answerLabel: string }[] | null;
  events: SafetyEvent[];
  /** Said when there is nothing to report, so an empty list is never mistaken for a missing one. */
  summary: string;
}

const ITEM9_TEXT = PHQ9.items[8]?.text ?? '';
const label = (answer: number) => PHQ9.options.find((o) => o.value === answer)?.label ?? String(answer);
const shownWhat = (level: SafetyEvent['level']) =>
  level === 'urgent'
    ? 'the crisis screen with crisis lines was shown'
    : 'a "talk to a professional" screen was shown';

/** One trigger of one result in words a clinician reads at a glance (the summary and the caseload use it). */
export function triggerWords(t: SafetyTrigger, r: SafetyInputResult, previous: number | null): string {
  const yes = (ids: readonly string[] | undefined) =>
    RED_FLAGS.filter((f) => ids?.includes(f.id))
      .map((f) => f.label.toLowerCase())
      .join('; ');
  switch (t.code) {
    case 'phq9_item9':
      return `PHQ-9 item 9 ("${ITEM9_TEXT}") answered "${label(Number(r.answers.phq9_9))}"`;
    case 'red_flag_harm':
      return `Signals check: yes to ${yes(t.redFlags)}`;
    case 'red_flag':
      return `Signals check: yes to ${yes(t.redFlags)}`;
    case 'phq9_severe':
      return `PHQ-9 total ${r.score} (severe: 20 or more)`;
    case 'phq9_rise':
      return `PHQ-9 total rose from ${previous} to ${r.score} (a rise of 6 or more is reliable change)`;
    case 'gad7_severe':
      return `GAD-7 total ${r.score} (severe: 15 or more)`;
    case 'who5_very_low':
      return `WHO-5 ${r.score} % (28 % or less: "likely depression" band)`;
    default:
      return t.message;
  }
}

export function safetySection(input: {
  kinds: readonly ShareKind[];
  from: string;
  to: string;
  /** All results up to the period's end (earlier ones give the previous PHQ-9 total). */
  results: readonly SafetyInputResult[];
  moods: readonly MoodDay[];
}): SafetySection {
  const questionnaires = input.kinds.includes('questionnaires');
  const inPeriod = input.results.filter((r) => r.date >= input.from && r.date <= input.to);
  const phq9 = input.results
    .filter((r) => r.instrument === 'phq9')
    .sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
  const item9 = questionnaires
    ? inPeriod
        .filter((r) => r.instrument === 'phq9' && typeof r.answers.phq9_9 === 'number')
        .map((r) => ({
          date: r.date,
          answer: Number(r.answers.phq9_9),
          answerLabel: label(Number(r.answers.phq9_9)),
        }))
    : null;
  const events: SafetyEvent[] = [];
  if (questionnaires) {
    for (const r of inPeriod) {
      const i = phq9.findIndex((p) => p.id === r.id);
      const previous = i > 0 ? (phq9[i - 1]?.score ?? null) : null;
      for (const t of screenTriggers(escalationOf(r, input.results).triggers)) {
        const level = t.level === 'urgent' ? 'urgent' : 'professional';
        const read = r.supportReadAt ? `, read on ${r.supportReadAt.slice(0, 10)}` : '';
        events.push({
          date: r.date,
          level,
          words: `${triggerWords(t, r, previous)} — ${shownWhat(level)}${read}.`,
        });
      }
    }
  }
  if (input.kinds.includes('diary')) {
    for (const start of episodeStarts(input.moods, input.from, input.to)) {
      events.push({
        date: start,
        level: 'professional',
        words:
          'Diary: mood 3 or lower on at least 10 of every 14 logged days over the previous two weeks — the "checking in on you" prompt with crisis lines was shown.',
      });
    }
  }
  events.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const summary =
    events.length > 0
      ? `${events.length} safety event${events.length === 1 ? '' : 's'} in this period — see below.`
      : 'No safety events in this period' +
        (questionnaires
          ? ''
          : ' (questionnaires are not shared, so questionnaire answers are not included)') +
        '.';
  return { item9, events, summary };
}
