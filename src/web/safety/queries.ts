/**
 * The safety pathway's queries (src/contract/safety.ts): the regions and their numbers (public),
 * the diary prompt's status, the person's region and the prompt's one dismissal.
 */
import { queryOptions } from '@tanstack/react-query';
import type { OutputOf } from '../../contract/endpoint.ts';
import type {
  getSafetyRegions,
  getSafetyStatus,
  postSafetyDismissal,
  putSafetyRegion,
  SupportScreen,
} from '../../contract/safety.ts';
import { callApi } from '../api.ts';

export type { SupportScreen };
export type SafetyStatus = OutputOf<typeof getSafetyStatus>;
export type RegionsAnswer = OutputOf<typeof getSafetyRegions>;
export type Region = RegionsAnswer['regions'][number];

export const safetyKeys = {
  all: ['safety'] as const,
  status: ['safety', 'status'] as const,
  regions: ['safety', 'regions'] as const,
};

export const safetyStatusQuery = () =>
  queryOptions({
    queryKey: safetyKeys.status,
    queryFn: () => callApi<typeof getSafetyStatus>('GET /api/safety/status', {}),
  });

export const safetyRegionsQuery = () =>
  queryOptions({
    queryKey: safetyKeys.regions,
    queryFn: () => callApi<typeof getSafetyRegions>('GET /api/safety/regions', {}),
  });

/** `null`: let the browser's languages decide again. */
export const saveRegion = (region: string | null) =>
  callApi<typeof putSafetyRegion>('PUT /api/safety/region', { body: { region } });

export const dismissDiaryPrompt = () =>
  callApi<typeof postSafetyDismissal>('POST /api/safety/dismissals', { body: { kind: 'low_mood_pattern' } });
