/**
 * Insights: "what goes with my better days", computed on the acting person's own day × measure
 * matrix and worded as association, never cause: the featured findings with their days and the
 * experiment each suggests, the outcomes' own links, and every lever pair (for the weekly report).
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
// Imported for their measure registrations: the engine reads each factor's kind (yes/no, count,
// servings, minutes…) from the registry, whichever route modules happen to be mounted.
import '../../core/foods/derive.ts';
import '../../core/habits/habits.ts';
import { localDate } from '../../core/date-schemas.ts';
import { localDateAt } from '../../core/dates.ts';
import { ValidationError } from '../../core/errors.ts';
import { customMeasureKey, customMeasureToMeasure } from '../../core/habits/custom-measures.ts';
import { displayOrder } from '../../core/insights/association-types.ts';
import { associationsOfTable } from '../../core/insights/associations.ts';
import { findingsView } from '../../core/insights/findings.ts';
import { dayTable } from '../../core/insights/table.ts';
import { measureByKey } from '../../core/tracking/measures.ts';
import { listCustomMeasures } from '../../store/custom-measures.ts';
import { dayMeasureMatrix } from '../../store/observations.ts';
import { getPerson } from '../../store/people.ts';
import type { AppContext } from '../context.ts';
import { requirePerson } from '../plugins/auth.ts';
import { parseInput } from '../plugins/errors.ts';

const rangeQuery = z.strictObject({ from: localDate.optional(), to: localDate.optional() });
/** Without a `from`, everything recorded up to `to`. */
const BEGINNING = '1900-01-01';

export function registerInsightRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;

  app.get('/api/insights/associations', async (req) => {
    const personId = requirePerson(req);
    const q = parseInput(rangeQuery, req.query, 'query');
    const person = await getPerson(db, personId);
    const to = q.to ?? localDateAt(ctx.now(), person.time_zone);
    const from = q.from ?? BEGINNING;
    if (from > to) throw new ValidationError('from', 'from must not be after to');
    // The person's own measures read with their own names and kinds ("Coffee cups", yes/no…).
    const custom = new Map(
      (await listCustomMeasures(db, personId)).map((m) => [
        customMeasureKey(m.id),
        customMeasureToMeasure(m),
      ]),
    );
    const lookup = (key: string) => measureByKey(key) ?? custom.get(key);
    const table = dayTable(await dayMeasureMatrix(db, personId, from, to));
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
  });
}
