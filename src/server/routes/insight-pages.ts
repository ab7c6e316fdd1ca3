/**
 * What the Insights and weekly report pages draw: the day values of the charted measures over a
 * range, and one week's report (this week against last, the best-supported associations, and the
 * recommendations as of the week's last day). Always the acting person's own data.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import '../../core/foods/derive.ts';
import '../../core/habits/habits.ts';
import { localDate } from '../../core/date-schemas.ts';
import { addDays, daysBetween, localDateAt } from '../../core/dates.ts';
import { ValidationError } from '../../core/errors.ts';
import { customMeasureKey, customMeasureToMeasure } from '../../core/habits/custom-measures.ts';
import { displayOrder } from '../../core/insights/association-types.ts';
import { computeAssociations } from '../../core/insights/associations.ts';
import { weekComparison } from '../../core/insights/weekly.ts';
import { measureByKey } from '../../core/tracking/measures.ts';
import { listCustomMeasures } from '../../store/custom-measures.ts';
import { dayMeasureMatrix, listImportedDays } from '../../store/observations.ts';
import { getPerson } from '../../store/people.ts';
import type { AppContext } from '../context.ts';
import { requirePerson } from '../plugins/auth.ts';
import { parseInput } from '../plugins/errors.ts';
import { recommendationsFor } from '../services/recommendations.ts';

/** The measures the Insights charts draw. */
export const CHART_MEASURES = [
  'mood',
  'energy_morning',
  'energy_midday',
  'energy_evening',
  'sleep_hours',
  'sleep_quality',
  'food_entries',
  'fermented_servings',
  'plant_points_week',
] as const;

/** Ten years of days at most in one answer. */
const MAX_RANGE_DAYS = 3660;
/** The weekly report lists this many associations. */
const WEEK_ASSOCIATIONS = 3;

const rangeQuery = z.strictObject({ from: localDate.optional(), to: localDate.optional() });
const weekQuery = z.strictObject({ end: localDate.optional() });

export function registerInsightPageRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;
  const todayOf = async (personId: string) =>
    localDateAt(ctx.now(), (await getPerson(db, personId)).time_zone);

  app.get('/api/insights/daily', async (req) => {
    const personId = requirePerson(req);
    const q = parseInput(rangeQuery, req.query, 'query');
    const to = q.to ?? (await todayOf(personId));
    const from = q.from ?? addDays(to, -89);
    if (from > to) throw new ValidationError('from', 'from must not be after to');
    if (daysBetween(from, to) >= MAX_RANGE_DAYS)
      throw new ValidationError('from', 'at most ten years at a time');
    const matrix = await dayMeasureMatrix(db, personId, from, to);
    const days = [...matrix.entries()]
      .sort(([a], [b]) => (a < b ? -1 : 1))
      .map(([date, values]) => ({
        date,
        values: Object.fromEntries(
          CHART_MEASURES.filter((m) => values.has(m)).map((m) => [m, values.get(m)]),
        ),
      }))
      .filter((d) => Object.keys(d.values).length > 0);
    return { from, to, measures: CHART_MEASURES, days };
  });

  app.get('/api/insights/week', async (req) => {
    const personId = requirePerson(req);
    const q = parseInput(weekQuery, req.query, 'query');
    const today = await todayOf(personId);
    const end = q.end ?? today;
    if (end > today) throw new ValidationError('end', 'end must not be in the future');
    const comparison = weekComparison(await dayMeasureMatrix(db, personId, addDays(end, -13), end), end);

    const custom = new Map(
      (await listCustomMeasures(db, personId)).map((m) => [
        customMeasureKey(m.id),
        customMeasureToMeasure(m),
      ]),
    );
    const lookup = (key: string) => measureByKey(key) ?? custom.get(key);
    const report = computeAssociations(await dayMeasureMatrix(db, personId, '1900-01-01', end), { lookup });
    const shown = report.associations.filter((a) => a.status === 'shown').sort(displayOrder);
    const recs = await recommendationsFor(ctx, personId, req.headers['accept-language'], end);
    // Days of this week with values imported from another tracker, per app: the report says so.
    const importedDays = new Map<string, number>();
    for (const d of await listImportedDays(db, personId, 'all', {
      from: comparison.thisWeek.from,
      to: end,
    })) {
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
  });
}
