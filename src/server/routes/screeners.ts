/** Questionnaires and the signals check: the route table for src/contract/screeners.ts. */
import {
  deleteScreenerResponse,
  getScreenerInstruments,
  getScreenerOverview,
  getScreenerResponse,
  getScreenerResponses,
  postScreener,
  postSupportRead,
} from '../../contract/screeners.ts';
import { type Route, route } from '../route-table.ts';
import {
  readSupport,
  removeScreenerResponse,
  screenerInstruments,
  screenerOverview,
  screenerResponse,
  screenerResponses,
  submitScreener,
} from '../services/screeners.ts';

export const screenerRoutes: Route[] = [
  route(getScreenerInstruments, async () => screenerInstruments()),
  route(postScreener, async ({ ctx, actor, input, req }) =>
    submitScreener(ctx, actor, input.params.instrument, input.body.answers, req.headers['accept-language']),
  ),
  route(getScreenerResponses, async ({ ctx, actor, input }) => screenerResponses(ctx, actor, input.query)),
  route(postSupportRead, async ({ ctx, actor, input }) => {
    await readSupport(ctx, actor, input.params.id);
    return undefined;
  }),
  route(getScreenerResponse, async ({ ctx, actor, input, req }) =>
    screenerResponse(ctx, actor, input.params.id, req.headers['accept-language']),
  ),
  route(deleteScreenerResponse, async ({ ctx, actor, input }) => {
    await removeScreenerResponse(ctx, actor, input.params.id);
    return undefined;
  }),
  route(getScreenerOverview, async ({ ctx, actor, input, req }) =>
    screenerOverview(ctx, actor, input.query, req.headers['accept-language']),
  ),
];
