/**
 * Insights, the weekly report, recommendations and experiments (src/contract/insights.ts,
 * recommendations.ts, experiments.ts): queries and the calls that change them.
 */
import { queryOptions } from '@tanstack/react-query';
import type { InputOf, OutputOf } from '../../contract/endpoint.ts';
import type {
  deleteExperiment,
  getExperimentResult,
  getExperiments,
  patchExperiment,
  postExperiment,
} from '../../contract/experiments.ts';
import type { getInsightAssociations, getInsightDays, getInsightWeek } from '../../contract/insights.ts';
import type {
  deleteRecommendationFeedback,
  getRecommendations,
  postRecommendationDismissal,
  postRecommendationSnooze,
} from '../../contract/recommendations.ts';
import { callApi } from '../api.ts';

export type AssociationsAnswer = OutputOf<typeof getInsightAssociations>;
export type Finding = AssociationsAnswer['findings'][number];
export type AssociationItem = AssociationsAnswer['associations'][number];
export type ShownAssociation = AssociationsAnswer['together'][number];
export type DailyAnswer = OutputOf<typeof getInsightDays>;
export type ChartMeasure = DailyAnswer['measures'][number];
export type WeekAnswer = OutputOf<typeof getInsightWeek>;
export type WeekRow = WeekAnswer['rows'][number];
export type RecommendationsAnswer = OutputOf<typeof getRecommendations>;
export type Recommendation = RecommendationsAnswer['recommendations'][number];
export type Experiment = OutputOf<typeof getExperiments>['experiments'][number];
export type ExperimentResult = OutputOf<typeof getExperimentResult>['result'];
export type OutcomeKey = Experiment['primaryOutcome'];
export type NewExperiment = InputOf<typeof postExperiment>['body'];

export const insightKeys = {
  daily: (from: string, to: string) => ['insights', 'daily', from, to] as const,
  associations: ['insights', 'associations'] as const,
  week: (end: string) => ['insights', 'week', end] as const,
  recommendations: ['recommendations'] as const,
  experiments: ['experiments'] as const,
  result: (id: string) => ['experiments', id, 'result'] as const,
};

export const dailyQuery = (from: string, to: string) =>
  queryOptions({
    queryKey: insightKeys.daily(from, to),
    queryFn: () => callApi<typeof getInsightDays>('GET /api/insights/daily', { query: { from, to } }),
  });

export const associationsQuery = () =>
  queryOptions({
    queryKey: insightKeys.associations,
    queryFn: () => callApi<typeof getInsightAssociations>('GET /api/insights/associations', { query: {} }),
  });

export const weekQuery = (end: string) =>
  queryOptions({
    queryKey: insightKeys.week(end),
    queryFn: () => callApi<typeof getInsightWeek>('GET /api/insights/week', { query: { end } }),
  });

export const recommendationsQuery = () =>
  queryOptions({
    queryKey: insightKeys.recommendations,
    queryFn: () => callApi<typeof getRecommendations>('GET /api/recommendations', {}),
  });

export const dismissRecommendation = (id: string) =>
  callApi<typeof postRecommendationDismissal>('POST /api/recommendations/:id/dismiss', { params: { id } });

/** Hidden for a week: back on the 7th day. */
export const snoozeRecommendation = (id: string) =>
  callApi<typeof postRecommendationSnooze>('POST /api/recommendations/:id/snooze', {
    params: { id },
    body: { days: 7 },
  });

export const undoRecommendationFeedback = (id: string) =>
  callApi<typeof deleteRecommendationFeedback>('DELETE /api/recommendations/:id/feedback', {
    params: { id },
  });

export const experimentsQuery = () =>
  queryOptions({
    queryKey: insightKeys.experiments,
    queryFn: () => callApi<typeof getExperiments>('GET /api/experiments', {}),
  });

export const experimentResultQuery = (id: string) =>
  queryOptions({
    queryKey: insightKeys.result(id),
    queryFn: () => callApi<typeof getExperimentResult>('GET /api/experiments/:id/result', { params: { id } }),
  });

export const createExperiment = (body: NewExperiment) =>
  callApi<typeof postExperiment>('POST /api/experiments', { body });

export const endExperiment = (id: string, endedOn: string) =>
  callApi<typeof patchExperiment>('PATCH /api/experiments/:id', { params: { id }, body: { endedOn } });

export const removeExperiment = (id: string) =>
  callApi<typeof deleteExperiment>('DELETE /api/experiments/:id', { params: { id } });
