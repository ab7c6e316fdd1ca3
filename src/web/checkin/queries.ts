/** What Today and History read: check-in days, typed by the contract (src/contract/checkins.ts). */
import { queryOptions } from '@tanstack/react-query';
import type { listCheckins } from '../../contract/checkins.ts';
import { addDays } from '../../core/dates.ts';
import { callApi } from '../api.ts';

/** Check-in days from `from` to `to`, newest first (History, charts). */
export const checkinDaysQuery = (from: string, to: string) =>
  queryOptions({
    queryKey: ['checkins', from, to],
    queryFn: () => callApi<typeof listCheckins>('GET /api/checkins', { query: { from, to } }),
  });

/** The week before `date`: bedtime and wake time to pre-fill, "same as yesterday". */
export const weekBeforeQuery = (date: string) =>
  queryOptions({
    queryKey: ['checkins', 'before', date],
    queryFn: () =>
      callApi<typeof listCheckins>('GET /api/checkins', {
        query: { from: addDays(date, -7), to: addDays(date, -1) },
      }),
    retry: false,
  });
