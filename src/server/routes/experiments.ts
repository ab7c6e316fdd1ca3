/** Personal experiments: the route table for src/contract/experiments.ts. */
import {
  deleteExperiment,
  getExperiment,
  getExperimentResult,
  getExperiments,
  patchExperiment,
  postExperiment,
} from '../../contract/experiments.ts';
import { type Route, route } from '../route-table.ts';
import {
  changeExperiment,
  experimentOutcome,
  experiments,
  oneExperiment,
  planExperiment,
  removeExperiment,
} from '../services/experiments.ts';

export const experimentRoutes: Route[] = [
  route(getExperiments, async ({ ctx, actor }) => experiments(ctx, actor)),
  route(postExperiment, async ({ ctx, actor, input }) => planExperiment(ctx, actor, input.body)),
  route(getExperiment, async ({ ctx, actor, input }) => oneExperiment(ctx, actor, input.params.id)),
  route(patchExperiment, async ({ ctx, actor, input }) =>
    changeExperiment(ctx, actor, input.params.id, input.body),
  ),
  route(deleteExperiment, async ({ ctx, actor, input }) => {
    await removeExperiment(ctx, actor, input.params.id);
    return undefined;
  }),
  route(getExperimentResult, async ({ ctx, actor, input }) => experimentOutcome(ctx, actor, input.params.id)),
];
