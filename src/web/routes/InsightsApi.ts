/** Types and query keys of the Insights pages (answers of /api/insights/*, /api/recommendations, /api/experiments). */
import type { ShownAssociation } from '../../core/insights/association-types.ts';
import type { ExperimentResult, OutcomeKey } from '../../core/insights/experiments.ts';
import type { FindingsView } from '../../core/insights/findings.ts';
import type { WeekRow } from '../../core/insights/weekly.ts';
import type { EdgeView } from '../../core/knowledge/views.ts';
import type { Recommendation } from '../../core/recommend/recommend.ts';

// The same shapes the server builds them with.
export type { Finding, FindingsView, WaitingLever } from '../../core/insights/findings.ts';
export type { ExperimentResult, OutcomeKey, Recommendation, ShownAssociation, WeekRow };

export const INSIGHT_KEYS = {
  daily: (from: string, to: string) => ['insights', 'daily', from, to] as const,
  associations: ['insights', 'associations'] as const,
  week: (end: string) => ['insights', 'week', end] as const,
  recommendations: ['recommendations'] as const,
  experiments: ['experiments'] as const,
  result: (id: string) => ['experiments', id, 'result'] as const,
  rhythm: ['knowledge', 'rhythm'] as const,
  screeners: (from: string) => ['screeners', 'overview', from] as const,
  enrolments: ['enrolments', 'insights'] as const,
};

export interface DailyAnswer {
  from: string;
  to: string;
  days: { date: string; values: Partial<Record<string, number>> }[];
}

export interface AssociationItem {
  factor: string;
  factorLabel: string;
  outcome: string;
  outcomeLabel: string;
  lag: 0 | 1;
  status: 'shown' | 'not_enough_data' | 'no_variation';
  clear?: boolean;
  q?: number;
  pairedDays: number;
  moreDaysNeeded?: number;
  sentence: string;
}

export interface AssociationsAnswer extends FindingsView {
  days: number;
  note: string;
  counts: FindingsView['counts'] & { shown: number; notEnoughData: number; noVariation: number };
  associations: AssociationItem[];
}

export interface SupportScreenView {
  kind: 'urgent' | 'professional' | 'diary';
  heading: string;
  intro: string;
  triggers: { code: string; message: string }[];
}

export interface RecommendationsAnswer {
  today: string;
  support: SupportScreenView | null;
  /** Set once a "talk to a professional" screen has been read: drawn above the suggestions. */
  talkToProfessional: { heading: string; text: string } | null;
  recommendations: Recommendation[];
  hidden: { id: string; kind: 'dismissed' | 'snoozed'; until: string | null }[];
}

export interface Experiment {
  id: string;
  title: string;
  action: string | null;
  measure: string | null;
  primaryOutcome: OutcomeKey;
  startDate: string;
  durationDays: number;
  baselineDays: number;
  endDate: string;
  endedOn: string | null;
  status: 'planned' | 'running' | 'finished';
  origin: 'manual' | 'recommendation';
  recommendationId: string | null;
}

export interface WeekAnswer {
  thisWeek: { from: string; to: string };
  lastWeek: { from: string; to: string };
  rows: WeekRow[];
  /** Days of this week with values imported from another tracker, per app. */
  imported: { source: string; days: number }[];
  associations: AssociationItem[];
  associationNote: string;
  recommendations: Recommendation[];
  support: SupportScreenView | null;
}

export interface RhythmAnswer {
  phases: {
    id: string;
    name: string;
    summary: string;
    from?: string;
    to?: string;
    energyMeasure: string | null;
    events: EdgeView[];
  }[];
}

export interface ScreenerOverview {
  scores: { id: string; instrument: string; date: string; score: number | null; band: string | null }[];
  mood: { date: string; mood: number }[];
}

export interface EnrolmentSummary {
  id: string;
  programId: string;
  status: string;
  startDate: string;
}

export interface EnrolmentDetail {
  program: { id: string; title: string };
  state: string;
  weeks: { week: number; title: string; goalsMet: number; goalsDue: number; percent: number | null }[];
  calendar: { date: string; state: string; met: string[] }[];
}

/** "6.4" — averages as the rest of the app writes them. */
export function oneDecimal(x: number | null | undefined): string {
  return x === null || x === undefined ? '–' : x.toFixed(1);
}
