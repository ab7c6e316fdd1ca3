/**
 * The clinic endpoints as TanStack Query options, typed by the contract (src/contract/clinics.ts):
 * the web never writes an answer's shape by hand. Keys start with `clinics` so one invalidation
 * refreshes every clinic view after a change.
 *
 * @example const caseload = useQuery(caseloadQuery(clinicId));
 */
import { queryOptions } from '@tanstack/react-query';
import type {
  getCaseload,
  getClinic,
  getClinicPerson,
  getDueQuestionnaires,
  listClinics,
  listMemberships,
  previewInvitation,
} from '../../contract/clinics.ts';
import type { OutputOf } from '../../contract/endpoint.ts';
import { callApi } from '../api.ts';

export type Caseload = OutputOf<typeof getCaseload>;
export type CaseloadPerson = Caseload['people'][number];
export type ScaleSummary = CaseloadPerson['scales'][number];
export type SafetyEvent = CaseloadPerson['safetyEvents'][number];
export type DueQuestionnaire = CaseloadPerson['schedule'][number];
export type DailyMoods = CaseloadPerson['moodSeries'];
export type ReliableChangeBasis = Caseload['reliableChangeBasis'][number];
export type ClinicPersonPage = OutputOf<typeof getClinicPerson>;
export type Trajectory = ClinicPersonPage['trajectories'][number];
export type ConsentScreen = OutputOf<typeof previewInvitation>['invitation'];
export type Membership = OutputOf<typeof listMemberships>['memberships'][number];

export const CLINICS = ['clinics'] as const;

export const clinicsQuery = () =>
  queryOptions({
    queryKey: [...CLINICS, 'mine'],
    queryFn: () => callApi<typeof listClinics>('GET /api/clinician/clinics', {}),
  });

export const clinicQuery = (clinicId: string) =>
  queryOptions({
    queryKey: [...CLINICS, clinicId, 'team'],
    queryFn: () =>
      callApi<typeof getClinic>('GET /api/clinician/clinics/:clinicId', { params: { clinicId } }),
  });

export const caseloadQuery = (clinicId: string) =>
  queryOptions({
    queryKey: [...CLINICS, clinicId, 'caseload'],
    queryFn: () =>
      callApi<typeof getCaseload>('GET /api/clinician/clinics/:clinicId/caseload', { params: { clinicId } }),
  });

export const clinicPersonQuery = (clinicId: string, personId: string) =>
  queryOptions({
    queryKey: [...CLINICS, clinicId, 'person', personId],
    queryFn: () =>
      callApi<typeof getClinicPerson>('GET /api/clinician/clinics/:clinicId/people/:personId', {
        params: { clinicId, personId },
        query: {},
      }),
  });

/** The consent screen; read with POST so the token stays out of every URL. */
export const invitationQuery = (token: string) =>
  queryOptions({
    queryKey: [...CLINICS, 'invitation', token],
    queryFn: () =>
      callApi<typeof previewInvitation>('POST /api/clinic-invitations/preview', { body: { token } }),
    retry: false,
  });

export const membershipsQuery = () =>
  queryOptions({
    queryKey: [...CLINICS, 'memberships'],
    queryFn: () => callApi<typeof listMemberships>('GET /api/clinic-memberships', {}),
  });

export const dueQuestionnairesQuery = () =>
  queryOptions({
    queryKey: [...CLINICS, 'due'],
    queryFn: () => callApi<typeof getDueQuestionnaires>('GET /api/screeners/due', {}),
  });
