/**
 * Shapes of the screener and safety API answers as the web uses them, and their query keys.
 * The types come from core so the browser and the server cannot drift apart.
 */

import type { EscalationLevel } from '../../core/safety/escalation.ts';
import type { ProfessionalKind } from '../../core/safety/professionals.ts';
import type { Region, RegionId } from '../../core/safety/regions.ts';
import type { SupportScreen } from '../../core/safety/support.ts';
import type { Band, Instrument } from '../../core/screeners/instruments.ts';
import type { SignalsReflection } from '../../core/screeners/reflection.ts';
import type { RepeatReminder } from '../../core/screeners/reminders.ts';
import type { SignalGroup } from '../../core/screeners/signals.ts';

export type { SupportScreen };

export interface InstrumentsAnswer {
  instruments: Instrument[];
  signals: {
    groups: SignalGroup[];
    redFlags: { id: string; label: string }[];
    caution: string;
    source: { title: string; author: string; published: string };
  };
  notADiagnosis: string;
}

export interface ResponseView {
  id: string;
  instrument: string;
  date: string;
  createdAt: string;
  answers: Record<string, number | boolean>;
  safetyTriggered: boolean;
  /** core/safety/escalation.ts: urgent · professional · mention · none. */
  level: EscalationLevel;
  /** Set from "worth mentioning" up: a professional can help, and how to find one. */
  professionalNote: { heading: string; text: string; findOne: string } | null;
  /** Why the result is worth mentioning, in words (PHQ-9 10–19, GAD-7 10–14, WHO-5 29–50 %). */
  mentions: string[];
  supportReadAt: string | null;
  notADiagnosis: string;
  raw?: number | null;
  score?: number | null;
  scoreLabel?: string;
  band?: Band | null;
  difficulty?: number | null;
  change?: {
    since: string;
    change: number;
    meaningful: boolean;
    direction: 'better' | 'worse' | 'same';
  } | null;
  signalCount?: number | null;
  reflection?: SignalsReflection;
}

/** A submission's or a stored response's answer: `support` always comes first. */
export interface OutcomeAnswer {
  support: SupportScreen | null;
  response: ResponseView;
}

export interface OverviewAnswer {
  /** Set while a questionnaire in the last 2 weeks raised a trigger: shown before the scores. */
  support: SupportScreen | null;
  /** Results behind `support` not read yet: reading the overview's screen reads them. */
  unreadResultIds: string[];
  today: string;
  scores: {
    id: string;
    instrument: string;
    date: string;
    score: number;
    band: string;
    safetyTriggered: boolean;
  }[];
  mood: { date: string; mood: number }[];
  reminders: RepeatReminder[];
}

export interface SafetyStatus {
  support: SupportScreen | null;
  region: { id: RegionId; source: 'settings' | 'locale' };
  snoozedUntil: string | null;
}

export interface RegionsAnswer {
  regions: Region[];
  professionals: ProfessionalKind[];
  localeRegion: RegionId;
}

export const KEYS = {
  instruments: ['screeners', 'instruments'] as const,
  overview: ['screeners', 'overview'] as const,
  response: (id: string) => ['screeners', 'response', id] as const,
  status: ['safety', 'status'] as const,
  regions: ['safety', 'regions'] as const,
};
