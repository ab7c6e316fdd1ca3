/**
 * One scale for one person in a clinic: the latest score with its band, the baseline, change since
 * baseline, reliable change, and for PHQ-9 response and remission.
 *
 * - Baseline: the first score from four weeks before joining the clinic onwards (an intake score
 *   taken just before joining counts; a score from a year ago does not).
 * - Response: a drop of at least 50 % from a baseline PHQ-9 of 10 or more; remission: a latest
 *   PHQ-9 below 5 after such a baseline. Both as defined for measurement-based care in
 *   "Defining success in measurement-based care for depression: a comparison of common metrics",
 *   Psychiatr Serv 2020 (doi:10.1176/appi.ps.201900295), after Kroenke et al. 2001
 *   (doi:10.1046/j.1525-1497.2001.016009606.x). Below a baseline of 10 neither applies (null).
 *
 * @example scaleSummary('phq9', [{ date: '2026-01-05', score: 16 }, { date: '2026-03-01', score: 4 }], '2026-01-10')
 *   // response: true, remission: true, changeSinceBaseline: -12
 */
import { addDays } from '../dates.ts';
import { type Band, INSTRUMENTS, type InstrumentId } from '../screeners/instruments.ts';
import { bandFor } from '../screeners/scoring.ts';
import { type ReliableChange, reliableChange } from './reliable-change.ts';

export interface ScorePoint {
  date: string;
  score: number;
}

export interface ScaleSummary {
  instrument: InstrumentId;
  name: string;
  latest: { date: string; score: number; band: { key: string; label: string } } | null;
  baseline: ScorePoint | null;
  changeSinceBaseline: number | null;
  reliableChange: ReliableChange | null;
  response: boolean | null;
  remission: boolean | null;
  series: ScorePoint[];
}

/** A baseline may come from up to this many days before joining. */
export const BASELINE_LOOKBACK_DAYS = 28;
export const RESPONSE_BASELINE_MIN = 10;
export const RESPONSE_DROP = 0.5;
export const REMISSION_BELOW = 5;

/** Response: latest ≤ half the baseline, from a baseline PHQ-9 of 10 or more. */
export function phq9Response(baseline: number, latest: number): boolean | null {
  if (baseline < RESPONSE_BASELINE_MIN) return null;
  return latest <= baseline * (1 - RESPONSE_DROP);
}

/** Remission: latest PHQ-9 below 5, from a baseline of 10 or more. */
export function phq9Remission(baseline: number, latest: number): boolean | null {
  if (baseline < RESPONSE_BASELINE_MIN) return null;
  return latest < REMISSION_BELOW;
}

const bandOf = (instrument: InstrumentId, score: number): { key: string; label: string } => {
  const b: Band = bandFor(INSTRUMENTS[instrument], score);
  return { key: b.key, label: b.label };
};

/**
 * `scores` are the person's scores of one instrument, in any order; `joinedDate` the local date
 * they joined the clinic.
 */
export function scaleSummary(
  instrument: InstrumentId,
  scores: readonly ScorePoint[],
  joinedDate: string,
): ScaleSummary {
  const sorted = [...scores].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
  const from = addDays(joinedDate, -BASELINE_LOOKBACK_DAYS);
  const series = sorted.filter((s) => s.date >= from);
  const last = sorted.at(-1);
  const baseline = series[0] ?? null;
  const latest = last ? { date: last.date, score: last.score, band: bandOf(instrument, last.score) } : null;
  const compared =
    baseline && last && series.length >= 2 ? { before: baseline.score, after: last.score } : null;
  return {
    instrument,
    name: INSTRUMENTS[instrument].shortName,
    latest,
    baseline,
    changeSinceBaseline: compared ? compared.after - compared.before : null,
    reliableChange: compared ? reliableChange(instrument, compared.before, compared.after) : null,
    response: compared && instrument === 'phq9' ? phq9Response(compared.before, compared.after) : null,
    remission: compared && instrument === 'phq9' ? phq9Remission(compared.before, compared.after) : null,
    series: series.map((s) => ({ date: s.date, score: s.score })),
  };
}
