/**
 * How the caseload says its numbers: a signed change, the reliable-change verdict, the need tier,
 * a due questionnaire — plain words, statistics as what they are (a change larger than the scale's
 * measurement error), never a diagnosis.
 *
 * @example signed(-6) // '−6'
 */
import { formatDate } from '../useToday.ts';
import type { CaseloadPerson, DueQuestionnaire, ScaleSummary } from './queries.ts';

/** A change with its sign, using a true minus. */
export function signed(n: number, decimals = 1): string {
  if (n === 0) return '0';
  const abs = Number.isInteger(n) ? String(Math.abs(n)) : Math.abs(n).toFixed(decimals);
  return n > 0 ? `+${abs}` : `−${abs}`;
}

export const shortDate = (date: string) => formatDate(date, { weekday: undefined, year: undefined });

export const TIER_WORDS: Record<CaseloadPerson['need']['tier'], { heading: string; badge: string }> = {
  safety: { heading: 'Safety events', badge: 'Safety event' },
  deteriorated: { heading: 'Got worse (reliable change)', badge: 'Got worse' },
  overdue: { heading: 'Questionnaires overdue', badge: 'Overdue' },
  none: { heading: 'Everyone else', badge: '' },
};

export function verdictWords(rc: NonNullable<ScaleSummary['reliableChange']>): string {
  const index = `RCI ${signed(rc.index, 2)}`;
  if (rc.verdict === 'improved') return `Reliably better (${index})`;
  if (rc.verdict === 'deteriorated') return `Reliably worse (${index})`;
  return `No reliable change (${index})`;
}

export function dueWords(q: DueQuestionnaire): string {
  const every = q.everyWeeks === 1 ? 'every week' : `every ${q.everyWeeks} weeks`;
  if (q.status === 'overdue')
    return `${q.name} overdue by ${q.daysOverdue} ${q.daysOverdue === 1 ? 'day' : 'days'} (${every})`;
  if (q.status === 'due') return `${q.name} due since ${shortDate(q.dueDate)} (${every})`;
  return `${q.name} next on ${shortDate(q.dueDate)} (${every})`;
}
