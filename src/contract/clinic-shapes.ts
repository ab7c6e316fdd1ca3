/**
 * The shapes clinic answers are made of (src/contract/clinics.ts holds the endpoints): a scale's
 * latest score with its band, change since baseline, Jacobson–Truax reliable change with the
 * reliability and SD it used (and their sources), response and remission, safety events, what is
 * due, and one row of the caseload. The rules behind each field live in core/clinics.
 */
import { z } from 'zod';
import { INSTRUMENT_IDS } from '../core/screeners/instruments.ts';
import { SHARE_KIND_IDS, type ShareKind } from '../core/sharing/access.ts';
import { id, instant, localDate } from './common.ts';

export const instrumentId = z.enum(INSTRUMENT_IDS);
/** How often a scheduled questionnaire comes round: every 1, 2 or 4 weeks. */
export const everyWeeks = z.union([z.literal(1), z.literal(2), z.literal(4)], {
  error: 'must be 1, 2 or 4 (weeks)',
});
export const clinicRole = z.enum(['clinician', 'admin']);
export const shareKind = z.enum(SHARE_KIND_IDS as [ShareKind, ...ShareKind[]]);

/** A published source: what it is, and its DOI (or a web address when it has none). */
export const source = z.strictObject({
  text: z.string(),
  doi: z.string().nullable(),
  url: z.string().nullable(),
});

export const band = z.strictObject({ key: z.string(), label: z.string() });
export const bandLine = z.strictObject({
  key: z.string(),
  label: z.string(),
  min: z.number(),
  max: z.number(),
});
export const scorePoint = z.strictObject({ date: localDate, score: z.number() });

/** What an instrument's reliable change is computed from (one entry per instrument). */
export const reliableChangeBasis = z.strictObject({
  instrument: instrumentId,
  /** The reliability coefficient r and what kind it is. */
  reliability: z.strictObject({
    r: z.number(),
    kind: z.enum(['test-retest', 'internal consistency']),
    source,
  }),
  /** The standard deviation of the scale in the reference sample. */
  sd: z.strictObject({ value: z.number(), sample: z.string(), source }),
  /** The smallest whole-point change that is reliable: |x2 − x1| > 1.96 · SD · √2 · √(1 − r). */
  criticalChange: z.number(),
  /** Jacobson & Truax 1991. */
  method: source,
});

export const reliableChange = z.strictObject({
  /** (latest − baseline) / (SD · √2 · √(1 − r)), to two decimals. */
  index: z.number(),
  /** improved / deteriorated when |index| > 1.96, in the direction that is better or worse for the scale. */
  verdict: z.enum(['improved', 'deteriorated', 'no reliable change']),
  /** The smallest reliable change in whole points; the r and SD behind it are in the answer's `reliableChangeBasis`. */
  criticalChange: z.number(),
});

/** One scale for one person: latest, baseline, change, reliable change, response and remission. */
export const scaleSummary = z.strictObject({
  instrument: instrumentId,
  name: z.string(),
  latest: z.strictObject({ date: localDate, score: z.number(), band }).nullable(),
  /** The first score from four weeks before joining the clinic onwards. */
  baseline: scorePoint.nullable(),
  /** latest − baseline (null with fewer than two scores). */
  changeSinceBaseline: z.number().nullable(),
  reliableChange: reliableChange.nullable(),
  /** PHQ-9 only: ≥ 50 % drop from a baseline of 10 or more; null when it does not apply. */
  response: z.boolean().nullable(),
  /** PHQ-9 only: latest below 5 (from a baseline of 10 or more); null when it does not apply. */
  remission: z.boolean().nullable(),
  /**
   * Oldest first. On one person's page every score from the baseline on (the trajectory); in the
   * caseload the baseline and the scores of the last 12 weeks (the sparkline).
   */
  series: z.array(scorePoint),
});

export const safetyEvent = z.strictObject({
  date: localDate,
  level: z.enum(['urgent', 'professional']),
  kind: z.enum(['phq9_item9', 'red_flag', 'diary_low_mood', 'professional_help']),
  /** One plain sentence: what was answered or seen, and what the person was shown. */
  words: z.string(),
});

/** A scheduled questionnaire and where it stands today. */
export const dueQuestionnaire = z.strictObject({
  instrument: instrumentId,
  name: z.string(),
  everyWeeks,
  /** The last time it was filled in (any time, not only for the clinic); null: never. */
  lastDate: localDate.nullable(),
  dueDate: localDate,
  /** not_due: before dueDate; due: from dueDate for 3 days; overdue: after that. */
  status: z.enum(['not_due', 'due', 'overdue']),
  daysOverdue: z.number().int(),
});

export const moodPoint = z.strictObject({ date: localDate, mood: z.number() });

export const need = z.strictObject({
  /** safety first, then reliable deterioration, then overdue questionnaires, then the rest. */
  tier: z.enum(['safety', 'deteriorated', 'overdue', 'none']),
  /** Short plain reasons, most important first. */
  reasons: z.array(z.string()),
});

export const caseloadPerson = z.strictObject({
  personId: id,
  displayName: z.string(),
  joinedAt: instant,
  need,
  /** Safety events in the last 12 weeks, newest first. */
  safetyEvents: z.array(safetyEvent),
  scales: z.array(scaleSummary),
  /** Daily mood for the last 12 weeks: one value per calendar day from `from` to today, null when not logged. */
  moodSeries: z.strictObject({ from: localDate, moods: z.array(z.number().nullable()) }),
  lastEntryDate: localDate.nullable(),
  schedule: z.array(dueQuestionnaire),
});

export const clinicSummary = z.strictObject({
  id,
  name: z.string(),
  /** The caller's role in it. */
  role: clinicRole,
  createdAt: instant,
});

export const staffMember = z.strictObject({
  /** The staff row (remove with DELETE …/staff/:staffId). */
  id,
  clinicianId: id,
  name: z.string(),
  email: z.string(),
  role: clinicRole,
  since: instant,
});

export const invitationKind = z.enum(['person', 'clinician', 'admin']);

export const pendingInvitation = z.strictObject({
  id,
  kind: invitationKind,
  email: z.string(),
  createdBy: z.string(),
  createdAt: instant,
  expiresAt: instant,
});

export const marker = z.strictObject({
  id,
  date: localDate,
  label: z.string(),
  createdBy: z.string(),
  createdAt: instant,
});

export const clinicNote = z.strictObject({
  id,
  text: z.string(),
  createdBy: z.string(),
  createdAt: instant,
});

export const schedule = z.strictObject({ instrument: instrumentId, everyWeeks, startDate: localDate });

export const shareLine = z.strictObject({ kind: shareKind, label: z.string() });
