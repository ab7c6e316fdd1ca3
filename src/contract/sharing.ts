/**
 * Sharing with a clinician or coach, the person's side: become a clinician account, grant and
 * revoke read access, read the access log, answer programs a clinician suggested, download the
 * printable summary. The clinician's side is src/contract/clinician.ts.
 */
import { z } from 'zod';
import { SHARE_KIND_IDS, type ShareKind } from '../core/sharing/access.ts';
import { id, idParams, localDate, noContent, periodQuery } from './common.ts';
import { endpoint } from './endpoint.ts';

export const shareKind = z.enum(SHARE_KIND_IDS as [ShareKind, ...ShareKind[]]);

/** A grant as core/sharing/access.ts decides on it. */
const grant = {
  id: z.string(),
  personId: z.string(),
  clinicianId: z.string(),
  /** null: every kind. */
  kinds: z.array(shareKind).nullable(),
  /** Last day of access (the person's calendar), inclusive; null: until revoked. */
  untilDate: z.string().nullable(),
  revokedAt: z.string().nullable(),
};
const clinician = z.strictObject({ id: z.string(), name: z.string(), email: z.string() });

export const getShareKinds = endpoint({
  method: 'GET',
  path: '/api/sharing/kinds',
  summary: 'What a person can share, with a label for each kind.',
  output: z.strictObject({ kinds: z.array(z.strictObject({ id: shareKind, label: z.string() })) }),
});

export const putSharingRole = endpoint({
  method: 'PUT',
  path: '/api/sharing/role',
  summary: 'Makes this account a clinician account (or a person account again).',
  body: z.strictObject({ clinician: z.boolean() }),
  output: z.strictObject({ role: z.enum(['person', 'clinician']) }),
});

export const getGrants = endpoint({
  method: 'GET',
  path: '/api/sharing/grants',
  summary: "The person's grants, newest first, each with its clinician and whether it is live today.",
  output: z.strictObject({
    grants: z.array(z.strictObject({ ...grant, createdAt: z.string(), clinician, live: z.boolean() })),
  }),
});

export const postGrant = endpoint({
  method: 'POST',
  path: '/api/sharing/grants',
  summary: 'Grants a clinician account read access to all or some kinds, optionally until a date.',
  body: z.strictObject({
    clinicianEmail: z.string().trim().min(3).max(254),
    kinds: z
      .array(shareKind)
      .min(1, { error: 'choose at least one kind, or leave kinds out to share everything' })
      .optional(),
    untilDate: localDate.optional(),
  }),
  output: z.strictObject({ grant: z.strictObject({ ...grant, clinician }) }),
  status: 201,
});

export const deleteGrant = endpoint({
  method: 'DELETE',
  path: '/api/sharing/grants/:id',
  summary: 'Ends a grant at once (revoking twice changes nothing).',
  params: idParams,
  output: noContent,
  status: 204,
});

export const getAccessLog = endpoint({
  method: 'GET',
  path: '/api/sharing/access-log',
  summary: "Every read of the person's data by a clinician, newest first.",
  output: z.strictObject({
    entries: z.array(
      z.strictObject({ id: z.string(), clinicianName: z.string(), what: z.string(), readAt: z.string() }),
    ),
  }),
});

export const assignmentStatus = z.enum(['pending', 'accepted', 'declined']);

export const getAssignments = endpoint({
  method: 'GET',
  path: '/api/sharing/assignments',
  summary: 'Programs clinicians suggested to the person, newest first.',
  output: z.strictObject({
    assignments: z.array(
      z.strictObject({
        id: z.string(),
        programId: z.string(),
        programTitle: z.string(),
        clinicianName: z.string(),
        note: z.string().nullable(),
        status: assignmentStatus,
        createdAt: z.string(),
        respondedAt: z.string().nullable(),
      }),
    ),
  }),
});

export const postAssignmentAnswer = endpoint({
  method: 'POST',
  path: '/api/sharing/assignments/:id/:answer',
  summary: 'Accepts (enrolling from today) or declines a suggested program.',
  params: z.strictObject({ id, answer: z.enum(['accept', 'decline']) }),
  output: z.strictObject({ status: z.enum(['accepted', 'declined']), enrolmentId: z.string().nullable() }),
});

export const getOwnReportPdf = endpoint({
  method: 'GET',
  path: '/api/sharing/report.pdf',
  summary: "The person's own printable summary of a period (default: the last 90 days).",
  query: periodQuery,
  output: { raw: 'application/pdf', description: 'The summary as a PDF, to print or hand over.' },
});
