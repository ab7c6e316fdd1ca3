/** Checks (src/contract/screeners.ts): the questionnaires, results, the overview, and reading a support screen. */
import { queryOptions } from '@tanstack/react-query';
import type { OutputOf } from '../../contract/endpoint.ts';
import type {
  getScreenerInstruments,
  getScreenerOverview,
  getScreenerResponse,
  postScreener,
  postSupportRead,
} from '../../contract/screeners.ts';
import { callApi } from '../api.ts';

export type InstrumentsAnswer = OutputOf<typeof getScreenerInstruments>;
export type Instrument = InstrumentsAnswer['instruments'][number];
/** A submission's or a stored result's answer: `support` always comes first. */
export type OutcomeAnswer = OutputOf<typeof getScreenerResponse>;
export type ResponseView = OutcomeAnswer['response'];
/** A questionnaire's result (score and band) and the signals check's (a reflection). */
export type ScoreView = Extract<ResponseView, { score: unknown }>;
export type SignalsView = Extract<ResponseView, { reflection: unknown }>;
export type OverviewAnswer = OutputOf<typeof getScreenerOverview>;
export type CheckId = 'phq9' | 'gad7' | 'who5' | 'signals';

export const checkKeys = {
  all: ['screeners'] as const,
  instruments: ['screeners', 'instruments'] as const,
  overview: (period: { from?: string; to?: string } = {}) =>
    ['screeners', 'overview', period.from ?? '', period.to ?? ''] as const,
  response: (id: string) => ['screeners', 'response', id] as const,
};

export const instrumentsQuery = () =>
  queryOptions({
    queryKey: checkKeys.instruments,
    queryFn: () => callApi<typeof getScreenerInstruments>('GET /api/screeners/instruments', {}),
    staleTime: Number.POSITIVE_INFINITY,
  });

export const overviewQuery = (period: { from?: string; to?: string } = {}) =>
  queryOptions({
    queryKey: checkKeys.overview(period),
    queryFn: () => callApi<typeof getScreenerOverview>('GET /api/screeners/overview', { query: period }),
  });

export const responseQuery = (id: string) =>
  queryOptions({
    queryKey: checkKeys.response(id),
    queryFn: () =>
      callApi<typeof getScreenerResponse>('GET /api/screeners/responses/:id', { params: { id } }),
  });

export const submitCheck = (instrument: CheckId, answers: Record<string, unknown>) =>
  callApi<typeof postScreener>('POST /api/screeners/:instrument', {
    params: { instrument },
    body: { answers },
  });

/** "I've read this": a professional screen stops holding suggestions back once read. */
export const markSupportRead = (id: string) =>
  callApi<typeof postSupportRead>('POST /api/screeners/responses/:id/support-read', { params: { id } });
