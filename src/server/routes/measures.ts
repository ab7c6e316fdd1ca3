/** Measures: the route table for src/contract/measures.ts. */
import {
  addCustomMeasure,
  deleteCustomMeasure,
  deleteCustomValue,
  listCustomMeasures,
  listCustomValues,
  listMeasures,
  putCustomValue,
} from '../../contract/measures.ts';
import { type Route, route } from '../route-table.ts';
import * as measures from '../services/measures.ts';

export const measureRoutes: Route[] = [
  route(listMeasures, async ({ ctx, actor }) => ({ measures: await measures.trackableMeasures(ctx, actor) })),
  route(listCustomMeasures, async ({ ctx, actor }) => ({ measures: await measures.ownMeasures(ctx, actor) })),
  route(addCustomMeasure, async ({ ctx, actor, input }) => ({
    measure: await measures.addOwnMeasure(ctx, actor, input.body),
  })),
  route(deleteCustomMeasure, async ({ ctx, actor, input }) => {
    await measures.putAwayOwnMeasure(ctx, actor, input.params.id);
    return undefined;
  }),
  route(listCustomValues, async ({ ctx, actor, input }) => ({
    values: await measures.ownMeasureValues(ctx, actor, input.params.id, input.query),
  })),
  route(putCustomValue, async ({ ctx, actor, input, req }) =>
    // The raw body: the value's rule depends on the measure's kind (see services/measures.ts).
    measures.setOwnMeasureValue(ctx, actor, input.params.id, input.params.date, req.body),
  ),
  route(deleteCustomValue, async ({ ctx, actor, input }) => {
    await measures.clearOwnMeasureValue(ctx, actor, input.params.id, input.params.date);
    return undefined;
  }),
];
