/**
 * The clinician dashboard's queries and calls, typed by src/contract/clinician.ts (imported as
 * types only, so no zod reaches the page). The PDF is a plain link to its raw endpoint.
 */
import { queryOptions } from '@tanstack/react-query';
import type { getSharedPeople, getSharedSummary, postSuggestedProgram } from '../../contract/clinician.ts';
import type { InputOf, OutputOf } from '../../contract/endpoint.ts';
import { callApi } from '../api.ts';

export type SharedPerson = OutputOf<typeof getSharedPeople>['people'][number];
export type SharedSummary = OutputOf<typeof getSharedSummary>['summary'];

/** Every clinician query starts with this key. */
export const CLINICIAN = ['clinician'] as const;

export const sharedPeopleQuery = () =>
  queryOptions({
    queryKey: [...CLINICIAN, 'people'],
    queryFn: () => callApi<typeof getSharedPeople>('GET /api/clinician/people', {}),
  });

/** Each opening is written to the person's access log, so a failure is not retried behind their back. */
export const sharedSummaryQuery = (personId: string) =>
  queryOptions({
    queryKey: [...CLINICIAN, 'summary', personId],
    queryFn: () =>
      callApi<typeof getSharedSummary>('GET /api/clinician/people/:personId/summary', {
        params: { personId },
        query: {},
      }),
    retry: false,
  });

export const suggestProgram = (personId: string, body: InputOf<typeof postSuggestedProgram>['body']) =>
  callApi<typeof postSuggestedProgram>('POST /api/clinician/people/:personId/assignments', {
    params: { personId },
    body,
  });
