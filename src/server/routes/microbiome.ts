/**
 * Microbiome: the route table for src/contract/microbiome.ts. Uploads hand the raw request body
 * (a stream, or a small BIOM 1.0 file parsed from JSON) to the service, which reads it in a worker.
 */
import {
  deleteModuleDefinitions,
  deleteSample,
  getModuleDefinitions,
  getSample,
  getSamples,
  postSample,
  postTaxonomy,
  putModuleDefinitions,
} from '../../contract/microbiome.ts';
import { type Route, route } from '../route-table.ts';
import * as microbiome from '../services/microbiome.ts';

export const microbiomeRoutes: Route[] = [
  route(postSample, async ({ ctx, actor, input, req }) =>
    microbiome.uploadSample(ctx, actor, input.query, req.body),
  ),
  route(postTaxonomy, async ({ ctx, actor, req }) => microbiome.uploadTaxonomy(ctx, actor, req.body)),
  route(putModuleDefinitions, async ({ ctx, actor, req }) =>
    microbiome.replaceModuleDefinitions(ctx, actor, req.body),
  ),
  route(getModuleDefinitions, async ({ ctx, actor }) => microbiome.moduleDefinitions(ctx, actor)),
  route(deleteModuleDefinitions, async ({ ctx, actor }) => {
    await microbiome.removeModuleDefinitions(ctx, actor);
    return undefined;
  }),
  route(getSamples, async ({ ctx, actor }) => microbiome.samples(ctx, actor)),
  route(getSample, async ({ ctx, actor, input }) => microbiome.sample(ctx, actor, input.params.id)),
  route(deleteSample, async ({ ctx, actor, input }) => {
    await microbiome.removeSample(ctx, actor, input.params.id);
    return undefined;
  }),
];
