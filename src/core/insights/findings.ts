/**
 * The findings view of "what goes with my better days": the clear and possible lever–outcome
 * findings (best first), each with the days behind it for a small chart and the experiment it
 * suggests; the outcomes' own links as a separate list; and one line per lever still waiting for
 * days. Nothing is listed just because it was compared: the rest are counted, not dumped.
 *
 * @example
 * const table = dayTable(matrix);
 * findingsView(table, associationsOfTable(table, { lookup }), lookup).findings[0].sentence
 */
import type { AssociationReport, Certainty, NotEnoughData, ShownAssociation } from './association-types.ts';
import { displayOrder } from './association-types.ts';
import { factorOf, type MeasureLookup } from './factors.ts';
import { type FindingPoints, findingPoints } from './finding-points.ts';
import { type DayTable, OUTCOMES } from './table.ts';
import { CERTAINTY_LEGEND, experimentIdea, MANY_COMPARISONS_NOTE } from './wording.ts';

/** At most this many findings are featured. */
export const MAX_FINDINGS = 10;

export type Finding = ShownAssociation & {
  points: FindingPoints;
  /** Title of the experiment "Test this" starts. */
  testTitle: string;
};

export interface WaitingLever {
  factor: string;
  factorLabel: string;
  moreDaysNeeded: number;
  needs: NotEnoughData['needs'];
}

export interface FindingsView {
  legend: typeof CERTAINTY_LEGEND;
  manyComparisonsNote: string;
  /** How many lever–outcome pairs had enough days to be compared. */
  compared: number;
  counts: Record<Certainty, number>;
  findings: Finding[];
  together: ShownAssociation[];
  waiting: WaitingLever[];
}

const isShown = (a: { status: string }): a is ShownAssociation => a.status === 'shown';

export function findingsView(
  table: DayTable,
  report: AssociationReport,
  lookup?: MeasureLookup,
): FindingsView {
  const shown = report.associations.filter(isShown).sort(displayOrder);
  const counts = { clear: 0, possible: 0, unclear: 0 };
  for (const a of shown) counts[a.certainty]++;
  const findings = shown
    .filter((a) => a.certainty !== 'unclear')
    .slice(0, MAX_FINDINGS)
    .map((a): Finding => {
      const factor = factorOf(table, a.factor, lookup);
      const outcome = OUTCOMES.find((o) => o.key === a.outcome);
      if (!factor || !outcome) throw new Error(`finding without its columns: ${a.factor} × ${a.outcome}`);
      const direction = a.method === 'difference' ? a.difference : a.rho;
      const kind = a.method === 'difference' ? 'presence' : a.comparative;
      return {
        ...a,
        points: findingPoints(table, factor, outcome, a.lag),
        testTitle: experimentIdea(a.factorLabel, kind, direction, outcome.higherIsBetter),
      };
    });
  const waiting = new Map<string, WaitingLever>();
  for (const a of report.associations) {
    if (a.status !== 'not_enough_data') continue;
    const w = waiting.get(a.factor);
    if (!w || a.moreDaysNeeded < w.moreDaysNeeded) {
      waiting.set(a.factor, {
        factor: a.factor,
        factorLabel: a.factorLabel,
        moreDaysNeeded: a.moreDaysNeeded,
        needs: a.needs,
      });
    }
  }
  // A lever with some outcome already compared is not waiting.
  for (const a of shown) waiting.delete(a.factor);
  return {
    legend: CERTAINTY_LEGEND,
    manyComparisonsNote: MANY_COMPARISONS_NOTE,
    compared: shown.length,
    counts,
    findings,
    together: report.together.filter(isShown).sort(displayOrder),
    waiting: [...waiting.values()].sort((a, b) => a.moreDaysNeeded - b.moreDaysNeeded),
  };
}
