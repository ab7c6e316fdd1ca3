/** Wearables: TanStack Query options for the endpoints of src/contract/wearables.ts. */
import { queryOptions } from '@tanstack/react-query';
import type { getDeviceDay, getWearables } from '../../contract/wearables.ts';
import { callApi } from '../api.ts';

export const wearablesQuery = () =>
  queryOptions({
    queryKey: ['wearables'],
    queryFn: () => callApi<typeof getWearables>('GET /api/wearables', {}),
  });

export const deviceDayQuery = (date: string) =>
  queryOptions({
    queryKey: ['wearables', 'day', date],
    queryFn: () => callApi<typeof getDeviceDay>('GET /api/wearables/days/:date', { params: { date } }),
    retry: false,
  });
