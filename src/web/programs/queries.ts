/** Programs and enrolments (src/contract/programs.ts). */
import { queryOptions } from '@tanstack/react-query';
import type { OutputOf } from '../../contract/endpoint.ts';
import type {
  getEnrolment,
  getEnrolments,
  getEnrolmentsToday,
  getPrograms,
  postEnrolment,
  postEnrolmentLeave,
  postEnrolmentPause,
  postEnrolmentRestart,
  postEnrolmentResume,
  putEnrolmentChoice,
  putEnrolmentTick,
} from '../../contract/programs.ts';
import { callApi } from '../api.ts';

export type Progress = OutputOf<typeof getEnrolment>;
export type TodayPrograms = OutputOf<typeof getEnrolmentsToday>;
export type ProgramDefinition = OutputOf<typeof getPrograms>['programs'][number];
export type Enrolment = OutputOf<typeof getEnrolments>['enrolments'][number];
export type GoalResult = NonNullable<Progress['day']>['goals'][number];

export const programKeys = {
  programs: ['programs'] as const,
  enrolments: ['enrolments'] as const,
  enrolment: (id: string) => ['enrolment', id] as const,
  today: (date: string) => ['enrolments-today', date] as const,
};

/** Query keys other pages invalidate after logging, so goals tick without a reload. */
export const GOAL_KEYS = [['enrolments-today'], ['enrolment']] as const;

export const programsQuery = () =>
  queryOptions({
    queryKey: programKeys.programs,
    queryFn: () => callApi<typeof getPrograms>('GET /api/programs', {}),
  });

export const enrolmentsQuery = () =>
  queryOptions({
    queryKey: programKeys.enrolments,
    queryFn: () => callApi<typeof getEnrolments>('GET /api/enrolments', {}),
  });

export const enrolmentQuery = (id: string) =>
  queryOptions({
    queryKey: programKeys.enrolment(id),
    queryFn: () => callApi<typeof getEnrolment>('GET /api/enrolments/:id', { params: { id }, query: {} }),
  });

export const todayProgramsQuery = (date: string) =>
  queryOptions({
    queryKey: programKeys.today(date),
    queryFn: () => callApi<typeof getEnrolmentsToday>('GET /api/enrolments/today', { query: { date } }),
  });

export const enrol = (programId: string, startDate?: string) =>
  callApi<typeof postEnrolment>('POST /api/enrolments', { body: { programId, startDate } });

export type EnrolmentAction = 'pause' | 'resume' | 'leave' | 'restart';

/** Pause, resume or leave today, or start again from today. */
export function changeEnrolment(id: string, action: EnrolmentAction): Promise<Progress> {
  const params = { id };
  switch (action) {
    case 'pause':
      return callApi<typeof postEnrolmentPause>('POST /api/enrolments/:id/pause', { params });
    case 'resume':
      return callApi<typeof postEnrolmentResume>('POST /api/enrolments/:id/resume', { params });
    case 'leave':
      return callApi<typeof postEnrolmentLeave>('POST /api/enrolments/:id/leave', { params });
    case 'restart':
      return callApi<typeof postEnrolmentRestart>('POST /api/enrolments/:id/restart', { params });
  }
}

export const tickGoal = (id: string, body: { date: string; goalId: string; ticked: boolean }) =>
  callApi<typeof putEnrolmentTick>('PUT /api/enrolments/:id/ticks', { params: { id }, body });

export const chooseGoal = (id: string, body: { goalId: string; choice: 'accepted' | 'skipped' }) =>
  callApi<typeof putEnrolmentChoice>('PUT /api/enrolments/:id/choices', { params: { id }, body });

/** Every enrolment with its progress (the Insights charts and the weekly report's goals met). */
export const enrolmentDetailsQuery = () =>
  queryOptions({
    queryKey: ['enrolments', 'details'] as const,
    queryFn: async () => {
      const { enrolments } = await callApi<typeof getEnrolments>('GET /api/enrolments', {});
      return Promise.all(
        enrolments.map((e) =>
          callApi<typeof getEnrolment>('GET /api/enrolments/:id', { params: { id: e.id }, query: {} }),
        ),
      );
    },
  });
