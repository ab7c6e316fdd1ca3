/**
 * What the association engine answers. Findings pair a lever (something a person can change) with
 * an outcome, same day and next day; "together" pairs are two outcomes on the same day, each pair
 * once. Shown pairs carry the estimate, its interval, p, the Benjamini–Hochberg q within their own
 * list and a certainty in words; the others say why they are not shown.
 */
import type { Outcome } from './table.ts';
import type { Comparative } from './wording.ts';

/**
 * Certainty in words, one legend everywhere:
 * - clear: q < 0.05 — would rarely come up by chance, even allowing for every pair compared;
 * - possible: q < 0.20 — worth testing; about one in five like it may be chance;
 * - unclear ("can't tell yet"): anything else.
 */
export type Certainty = 'clear' | 'possible' | 'unclear';

export interface PairBase {
  factor: string;
  factorLabel: string;
  outcome: Outcome['key'];
  outcomeLabel: string;
  /** 0: factor and outcome on the same day; 1: outcome on the day after the factor. */
  lag: 0 | 1;
  /** 'lever': a lever against an outcome; 'together': two outcomes on the same day. */
  family: 'lever' | 'together';
  method: 'difference' | 'spearman';
  pairedDays: number;
  sentence: string;
}

interface ShownBase extends PairBase {
  status: 'shown';
  low: number;
  high: number;
  p: number;
  /** Benjamini–Hochberg adjusted p-value across every pair shown in the same family. */
  q: number;
  clear: boolean;
  certainty: Certainty;
  /** Paired days counted as independent after allowing for day-to-day carry-over. */
  effectiveDays: number;
}

export interface ShownDifference extends ShownBase {
  method: 'difference';
  withDays: number;
  withoutDays: number;
  meanWith: number;
  meanWithout: number;
  difference: number;
  df: number;
}

export interface ShownCorrelation extends ShownBase {
  method: 'spearman';
  rho: number;
  /** Mean outcome on the paired days with the lever above / below its middle rank. */
  meanHigh: number;
  meanLow: number;
  highDays: number;
  lowDays: number;
  /** How the lever is compared: "more sleep", "a later bedtime", "higher …" (levers only). */
  comparative: Comparative;
}

export interface NotEnoughData extends PairBase {
  status: 'not_enough_data';
  moreDaysNeeded: number;
  /** What is short: paired days overall, or days with / without a yes-no factor. */
  needs: 'days' | 'with' | 'without';
}

export interface NoVariation extends PairBase {
  status: 'no_variation';
}

export type ShownAssociation = ShownDifference | ShownCorrelation;
export type Association = ShownAssociation | NotEnoughData | NoVariation;

export interface AssociationReport {
  from: string | null;
  to: string | null;
  days: number;
  note: string;
  /** Levers against outcomes. */
  associations: Association[];
  /** Outcomes against each other on the same day. */
  together: Association[];
}

const STATUS_ORDER = { shown: 0, not_enough_data: 1, no_variation: 2 } as const;
const CERTAINTY_ORDER = { clear: 0, possible: 1, unclear: 2 } as const;

/**
 * Display order: by certainty (clear, possible, can't tell yet; smallest q first), then those
 * waiting for data (fewest days missing first), then those without variation.
 */
export function displayOrder(a: Association, b: Association): number {
  if (a.status !== b.status) return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
  if (a.status === 'shown' && b.status === 'shown') {
    if (a.certainty !== b.certainty) return CERTAINTY_ORDER[a.certainty] - CERTAINTY_ORDER[b.certainty];
    return a.q - b.q || a.p - b.p;
  }
  if (a.status === 'not_enough_data' && b.status === 'not_enough_data')
    return a.moreDaysNeeded - b.moreDaysNeeded;
  return 0;
}
