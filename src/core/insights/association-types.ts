/**
 * What the association engine answers, one entry per factor × outcome × lag. Shown pairs carry the
 * estimate, its interval, p and the Benjamini–Hochberg q; the others say why they are not shown.
 */
import type { Outcome } from './table.ts';

export interface PairBase {
  factor: string;
  factorLabel: string;
  outcome: Outcome['key'];
  outcomeLabel: string;
  /** 0: factor and outcome on the same day; 1: outcome on the day after the factor. */
  lag: 0 | 1;
  method: 'difference' | 'spearman';
  pairedDays: number;
  sentence: string;
}

export interface ShownDifference extends PairBase {
  status: 'shown';
  method: 'difference';
  withDays: number;
  withoutDays: number;
  meanWith: number;
  meanWithout: number;
  difference: number;
  low: number;
  high: number;
  df: number;
  p: number;
  /** Benjamini–Hochberg adjusted p-value across every pair shown. */
  q: number;
  clear: boolean;
}

export interface ShownCorrelation extends PairBase {
  status: 'shown';
  method: 'spearman';
  rho: number;
  low: number;
  high: number;
  p: number;
  q: number;
  clear: boolean;
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

export type Association = ShownDifference | ShownCorrelation | NotEnoughData | NoVariation;

export interface AssociationReport {
  from: string | null;
  to: string | null;
  days: number;
  note: string;
  associations: Association[];
}

const STATUS_ORDER = { shown: 0, not_enough_data: 1, no_variation: 2 } as const;

/**
 * Display order: clear associations first (smallest q first), then the rest shown, then those
 * waiting for data (fewest days missing first), then those without variation.
 */
export function displayOrder(a: Association, b: Association): number {
  if (a.status !== b.status) return STATUS_ORDER[a.status] - STATUS_ORDER[b.status];
  if (a.status === 'shown' && b.status === 'shown') {
    if (a.clear !== b.clear) return a.clear ? -1 : 1;
    return a.q - b.q || a.p - b.p;
  }
  if (a.status === 'not_enough_data' && b.status === 'not_enough_data')
    return a.moreDaysNeeded - b.moreDaysNeeded;
  return 0;
}
