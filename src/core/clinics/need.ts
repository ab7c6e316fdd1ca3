/**
 * The caseload's order of need. A clinician reads from the top, so the top is who most needs a
 * look today:
 *
 * 1. safety — any safety event in the window (PHQ-9 item 9 above 0, a red flag, the diary rule, a
 *    result that sent the person to a professional): urgent before professional, newest first;
 * 2. deteriorated — a reliable deterioration since baseline on PHQ-9 or GAD-7 (Jacobson–Truax,
 *    reliable-change.ts) or a WHO-5 fall of 10 points or more (Topp et al. 2015,
 *    doi:10.1159/000376585): the largest deterioration first;
 * 3. overdue — a scheduled questionnaire overdue: the longest overdue first;
 * 4. everyone else, by name.
 *
 * @example sortByNeed(people) // safety first
 */
import { who5Change } from '../screeners/scoring.ts';
import type { ScaleSummary } from './outcomes.ts';
import { type ClinicSafetyEvent, compareEvents } from './safety-events.ts';
import type { DueStatus } from './schedule.ts';

export type NeedTier = 'safety' | 'deteriorated' | 'overdue' | 'none';

export interface Need {
  tier: NeedTier;
  reasons: string[];
}

export interface NeedInput {
  displayName: string;
  safetyEvents: readonly ClinicSafetyEvent[];
  scales: readonly ScaleSummary[];
  schedule: readonly DueStatus[];
}

const TIER_RANK: Record<NeedTier, number> = { safety: 0, deteriorated: 1, overdue: 2, none: 3 };

/** How much worse a scale is, as a number to sort by (0: not a deterioration). */
function deterioration(s: ScaleSummary): number {
  if (s.reliableChange?.verdict === 'deteriorated') return Math.abs(s.reliableChange.index);
  if (s.instrument === 'who5' && s.baseline && s.latest && s.series.length >= 2) {
    const c = who5Change(s.baseline.score, s.latest.score);
    // On the RCI's scale so the two sort together: a 10-point fall counts like an RCI of 2.
    if (c.meaningful && c.direction === 'worse') return Math.abs(c.change) / 5;
  }
  return 0;
}

const deteriorationWords = (s: ScaleSummary) =>
  s.reliableChange
    ? `${s.name} reliably worse since baseline: ${s.baseline?.score} → ${s.latest?.score} (RCI ${s.reliableChange.index})`
    : `${s.name} fell 10 points or more since baseline: ${s.baseline?.score} → ${s.latest?.score}`;

export function needOf(p: NeedInput): Need {
  const events = [...p.safetyEvents].sort(compareEvents);
  const worse = p.scales
    .filter((s) => deterioration(s) > 0)
    .sort((a, b) => deterioration(b) - deterioration(a));
  const overdue = p.schedule
    .filter((d) => d.status === 'overdue')
    .sort((a, b) => b.daysOverdue - a.daysOverdue);
  const reasons = [
    ...events.map((e) => `${e.date}: ${e.words}`),
    ...worse.map(deteriorationWords),
    ...overdue.map(
      (d) =>
        `${d.instrument === 'phq9' ? 'PHQ-9' : d.instrument === 'gad7' ? 'GAD-7' : 'WHO-5'} overdue by ${d.daysOverdue} days (due ${d.dueDate})`,
    ),
  ];
  const tier: NeedTier =
    events.length > 0
      ? 'safety'
      : worse.length > 0
        ? 'deteriorated'
        : overdue.length > 0
          ? 'overdue'
          : 'none';
  return { tier, reasons };
}

/** Sorts people (with their need) by need, as the module comment says. Returns a new array. */
export function sortByNeed<T extends NeedInput & { need: Need }>(people: readonly T[]): T[] {
  const key = (p: T): { numbers: number[]; name: string } => {
    const top = [...p.safetyEvents].sort(compareEvents)[0];
    const amount =
      p.need.tier === 'deteriorated'
        ? Math.max(...p.scales.map(deterioration))
        : p.need.tier === 'overdue'
          ? Math.max(...p.schedule.map((d) => d.daysOverdue))
          : 0;
    return {
      numbers: [
        TIER_RANK[p.need.tier],
        top ? (top.level === 'urgent' ? 0 : 1) : 2,
        // Newest event first, then the largest deterioration or the longest overdue.
        top ? -Date.parse(top.date) : 0,
        -amount,
      ],
      name: p.displayName.toLowerCase(),
    };
  };
  const keyed = people.map((p) => ({ p, k: key(p) }));
  keyed.sort((a, b) => {
    for (let i = 0; i < a.k.numbers.length; i++) {
      const d = (a.k.numbers[i] ?? 0) - (b.k.numbers[i] ?? 0);
      if (d !== 0) return d;
    }
    return a.k.name.localeCompare(b.k.name);
  });
  return keyed.map((x) => x.p);
}
