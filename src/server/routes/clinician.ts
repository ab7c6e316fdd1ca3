/** The clinician's side of sharing: the route table for src/contract/clinician.ts. */
import {
  getSharedPeople,
  getSharedReportPdf,
  getSharedSummary,
  postSuggestedProgram,
} from '../../contract/clinician.ts';
import { sendAttachment } from '../attachment.ts';
import { type Route, route } from '../route-table.ts';
import * as clinician from '../services/clinician.ts';

export const clinicianRoutes: Route[] = [
  route(getSharedPeople, async ({ ctx, actor }) => clinician.sharedPeople(ctx, actor)),
  route(getSharedSummary, async ({ ctx, actor, input }) =>
    clinician.sharedSummary(ctx, actor, input.params.personId, input.query),
  ),
  route(getSharedReportPdf, async ({ ctx, actor, input, reply }) =>
    sendAttachment(
      reply,
      'gutbrain-summary.pdf',
      'application/pdf',
      await clinician.sharedReportPdf(ctx, actor, input.params.personId, input.query),
    ),
  ),
  route(postSuggestedProgram, async ({ ctx, actor, input }) =>
    clinician.suggestProgramTo(ctx, actor, input.params.personId, input.body),
  ),
];
