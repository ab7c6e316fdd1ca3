/**
 * Data & sharing's queries and calls, typed by src/contract/{export,import,sharing}.ts (imported as
 * types only, so no zod reaches the page). Downloads are plain links to the raw endpoints.
 */
import { queryOptions } from '@tanstack/react-query';
import type { InputOf, OutputOf } from '../../contract/endpoint.ts';
import type { getExportKinds } from '../../contract/export.ts';
import type { postImportCommit, postImportPreview } from '../../contract/import.ts';
import type {
  deleteGrant,
  getAccessLog,
  getAssignments,
  getGrants,
  getShareKinds,
  postAssignmentAnswer,
  postGrant,
  putSharingRole,
} from '../../contract/sharing.ts';
import { callApi } from '../api.ts';

/** Every sharing query starts with this key, so one change refreshes them all. */
export const SHARING = ['sharing'] as const;

export const exportKindsQuery = () =>
  queryOptions({
    queryKey: ['export', 'kinds'],
    queryFn: () => callApi<typeof getExportKinds>('GET /api/export/kinds', {}),
  });

export const shareKindsQuery = () =>
  queryOptions({
    queryKey: [...SHARING, 'kinds'],
    queryFn: () => callApi<typeof getShareKinds>('GET /api/sharing/kinds', {}),
  });

export const grantsQuery = () =>
  queryOptions({
    queryKey: [...SHARING, 'grants'],
    queryFn: () => callApi<typeof getGrants>('GET /api/sharing/grants', {}),
  });

export const accessLogQuery = () =>
  queryOptions({
    queryKey: [...SHARING, 'log'],
    queryFn: () => callApi<typeof getAccessLog>('GET /api/sharing/access-log', {}),
  });

export const assignmentsQuery = () =>
  queryOptions({
    queryKey: [...SHARING, 'assignments'],
    queryFn: () => callApi<typeof getAssignments>('GET /api/sharing/assignments', {}),
  });

export type ShareKindId = OutputOf<typeof getShareKinds>['kinds'][number]['id'];

export const grantAccess = (body: InputOf<typeof postGrant>['body']) =>
  callApi<typeof postGrant>('POST /api/sharing/grants', { body });

export const revokeGrant = (id: string) =>
  callApi<typeof deleteGrant>('DELETE /api/sharing/grants/:id', { params: { id } });

export const answerSuggestedProgram = (id: string, answer: 'accept' | 'decline') =>
  callApi<typeof postAssignmentAnswer>('POST /api/sharing/assignments/:id/:answer', {
    params: { id, answer },
  });

export const setClinicianRole = (clinician: boolean) =>
  callApi<typeof putSharingRole>('PUT /api/sharing/role', { body: { clinician } });

export type ImportRequest = InputOf<typeof postImportPreview>['body'];
export type ImportOutcome = OutputOf<typeof postImportPreview>;
/** Where one item of a tracker file goes. */
export type ImportTarget = NonNullable<ImportRequest['targets']>[string];

export const previewImport = (body: ImportRequest) =>
  callApi<typeof postImportPreview>('POST /api/import/preview', { body });

export const commitImport = (body: ImportRequest) =>
  callApi<typeof postImportCommit>('POST /api/import/commit', { body });
