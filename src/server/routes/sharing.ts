/** Sharing, the person's side: the route table for src/contract/sharing.ts. */
import {
  deleteGrant,
  getAccessLog,
  getAssignments,
  getGrants,
  getOwnReportPdf,
  getShareKinds,
  postAssignmentAnswer,
  postGrant,
  putSharingRole,
} from '../../contract/sharing.ts';
import { sendAttachment } from '../attachment.ts';
import { type Route, route } from '../route-table.ts';
import * as sharing from '../services/sharing.ts';

export const sharingRoutes: Route[] = [
  route(getShareKinds, async () => sharing.shareKinds()),
  route(putSharingRole, async ({ ctx, actor, input }) =>
    sharing.setClinicianRole(ctx, actor, input.body.clinician),
  ),
  route(getGrants, async ({ ctx, actor }) => sharing.grantsOf(ctx, actor)),
  route(postGrant, async ({ ctx, actor, input }) => sharing.grantAccess(ctx, actor, input.body)),
  route(deleteGrant, async ({ ctx, actor, input }) => {
    await sharing.revokeGrant(ctx, actor, input.params.id);
    return undefined;
  }),
  route(getAccessLog, async ({ ctx, actor }) => sharing.accessLog(ctx, actor)),
  route(getAssignments, async ({ ctx, actor }) => sharing.assignmentsOf(ctx, actor)),
  route(postAssignmentAnswer, async ({ ctx, actor, input }) =>
    sharing.answerSuggestedProgram(ctx, actor, input.params.id, input.params.answer),
  ),
  route(getOwnReportPdf, async ({ ctx, actor, input, reply }) =>
    sendAttachment(
      reply,
      'gutbrain-summary.pdf',
      'application/pdf',
      await sharing.ownReportPdf(ctx, actor, input.query),
    ),
  ),
];
