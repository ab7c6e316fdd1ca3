/**
 * Insights on the acting person's own day × measure matrix, worded as association, never cause:
 * the findings view, the charted day values, and one week's report (this week against last, the
 * best-supported associations, the suggestions as of the week's last day).
 */
// Imported for their measure registrations: the engine reads each factor's kind (yes/no, count,
// servings, minutes…) from the registry, whichever modules happen to be loaded.
import '../../core/foods/derive.ts';
import '../../core/habits/habits.ts';
import type { OutputOf } from '../../contract/endpoint.ts';
import {
  CHART_MEASURES,
  type getInsightAssociations,
  type getInsightDays,
  type getInsightWeek,
} from '../../contract/insights.ts';
import { addDays, daysBetween, notInFuture } from '../../core/dates.ts';
import { ValidationError } from '../../core/errors.ts';
import { customMeasureKey, customMeasureToMeasure } from '../../core/habits/custom-measures.ts';
import { displayOrder } from '../../core/insights/association-types.ts';
import { associationsOfTable, computeAssociations } from '../../core/insights/associations.ts';
import type { MeasureLookup } from '../../core/insights/factors.ts';
import { findingsView } from '../../core/insights/findings.ts';
import { dayTable } from '../../core/insights/table.ts';
import { weekComparison } from '../../core/insights/weekly.ts';
import { measureByKey } from '../../core/tracking/measures.ts';
import { listCustomMeasures } from '../../store/custom-measures.ts';
import { dayMeasureMatrix, listImportedDays } from '../../store/observations.ts';
import { type Actor, type AppContext, personToday } from './context.ts';
import { recommendationsFor } from './recommendations.ts';
import type { AcceptLanguage } from './safety.ts';

/** Without a `from`, everything recorded up to `to`. */
const BEGINNING = '1900-01-01';
/** Ten years of days at most in one answer. */
const MAX_RANGE_DAYS = 3660;
/** The weekly report lists this many associations. */
const WEEK_ASSOCIATIONS = 3;

/** The person's own measures read with their own names and kinds ("Coffee cups", yes/no…). */
async function measureLookup(ctx: AppContext, personId: string): Promise<MeasureLookup> {
  const custom = new Map(
    (await listCustomMeasures(ctx.store.db, personId)).map((m) => [
      customMeasureKey(m.id),
      customMeasureToMeasure(m),
    ]),
  );
  return (key: string) => measureByKey(key) ?? custom.get(key);
}

export async function insightAssociations(
  ctx: AppContext,
  actor: Actor,
  query: { from?: string; to?: string },
): Promise<OutputOf<typeof getInsightAssociations>> {
  const { personId } = actor;
  const to = query.to ?? (await personToday(ctx, personId)).today;
  const from = query.from ?? BEGINNING;
  if (from > to) throw new ValidationError('from', 'from must not be after to');
  const lookup = await measureLookup(ctx, personId);
  const table = dayTable(await dayMeasureMatrix(ctx.store.db, personId, from, to));
  const report = associationsOfTable(table, { lookup });
  const associations = [...report.associations].sort(displayOrder);
  const count = (status: string) => associations.filter((a) => a.status === status).length;
  const view = findingsView(table, report, lookup);
  return {
    ...report,
    ...view,
    associations,
    counts: {
      ...view.counts,
      shown: count('shown'),
      clear: associations.filter((a) => a.status === 'shown' && a.clear).length,
      notEnoughData: count('not_enough_data'),
      noVariation: count('no_variation'),
    },
  };
}

export async function insightDays(
  ctx: AppContext,
  actor: Actor,
  query: { from?: string; to?: string },
): Promise<OutputOf<typeof getInsightDays>> {
  const to = query.to ?? (await personToday(ctx, actor.personId)).today;
  const from = query.from ?? addDays(to, -89);
  if (from > to) throw new ValidationError('from', 'from must not be after to');
  if (daysBetween(from, to) >= MAX_RANGE_DAYS)
    throw new ValidationError('from', 'at most ten years at a time');
  const matrix = await dayMeasureMatrix(ctx.store.db, actor.personId, from, to);
  const days = [...matrix.entries()]
    .sort(([a], [b]) => (a < b ? -1 : 1))
    .map(([date, values]) => ({
      date,
      values: Object.fromEntries(CHART_MEASURES.filter((m) => values.has(m)).map((m) => [m, values.get(m)])),
    }))
    .filter((d) => Object.keys(d.values).length > 0);
  return { from, to, measures: CHART_MEASURES, days };
}

export async function insightWeek(
  ctx: AppContext,
  actor: Actor,
  query: { end?: string },
  acceptLanguage: AcceptLanguage,
): Promise<OutputOf<typeof getInsightWeek>> {
  const { db } = ctx.store;
  const { personId } = actor;
  const { today } = await personToday(ctx, personId);
  const end = query.end ?? today;
  notInFuture('end', end, today);
  const comparison = weekComparison(await dayMeasureMatrix(db, personId, addDays(end, -13), end), end);
  const lookup = await measureLookup(ctx, personId);
  const report = computeAssociations(await dayMeasureMatrix(db, personId, BEGINNING, end), { lookup });
  const shown = report.associations.filter((a) => a.status === 'shown').sort(displayOrder);
  const recs = await recommendationsFor(ctx, personId, acceptLanguage, end);
  // Days of this week with values imported from another tracker, per app: the report says so.
  const importedDays = new Map<string, number>();
  for (const d of await listImportedDays(db, personId, 'all', { from: comparison.thisWeek.from, to: end })) {
    importedDays.set(d.source, (importedDays.get(d.source) ?? 0) + 1);
  }
  return {
    ...comparison,
    imported: [...importedDays].map(([source, days]) => ({ source, days })),
    associations: shown.slice(0, WEEK_ASSOCIATIONS),
    associationNote: report.note,
    recommendations: recs.recommendations,
    support: recs.support,
  };
}
