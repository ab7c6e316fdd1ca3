/** Clinics: the route table for src/contract/clinics.ts. */
import * as c from '../../contract/clinics.ts';
import { fhirQuestionnaire } from '../../core/export/fhir-questionnaire.ts';
import { type Route, route } from '../route-table.ts';
import { caseload, caseloadCsv } from '../services/clinic-caseload.ts';
import {
  acceptInvitation,
  inviteByLink,
  previewInvitation,
  withdrawInvitation,
} from '../services/clinic-invitations.ts';
import { clinicPersonFhir, clinicPersonPage } from '../services/clinic-person.ts';
import { addMarker, addNote, deleteMarker, setSchedule, stopSchedule } from '../services/clinic-records.ts';
import {
  clinicDetail,
  createClinic,
  dueQuestionnaires,
  leaveClinic,
  listClinics,
  listMyMemberships,
  removeStaffMember,
} from '../services/clinics.ts';

const FHIR_TYPE = 'application/fhir+json; charset=utf-8';

export const clinicRoutes: Route[] = [
  route(c.listClinics, async ({ ctx, actor }) => listClinics(ctx, actor)),
  route(c.createClinic, async ({ ctx, actor, input }) => createClinic(ctx, actor, input.body.name)),
  route(c.getClinic, async ({ ctx, actor, input }) => clinicDetail(ctx, actor, input.params.clinicId)),
  route(c.createInvitation, async ({ ctx, actor, input }) =>
    inviteByLink(ctx, actor, input.params.clinicId, input.body),
  ),
  route(c.withdrawInvitation, async ({ ctx, actor, input }) => {
    await withdrawInvitation(ctx, actor, input.params.clinicId, input.params.invitationId);
    return undefined;
  }),
  route(c.removeStaff, async ({ ctx, actor, input }) => {
    await removeStaffMember(ctx, actor, input.params.clinicId, input.params.staffId);
    return undefined;
  }),
  route(c.getCaseload, async ({ ctx, actor, input }) => caseload(ctx, actor, input.params.clinicId)),
  route(c.getCaseloadCsv, async ({ ctx, actor, input, reply }) => {
    const csv = await caseloadCsv(ctx, actor, input.params.clinicId);
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="gutbrain-caseload.csv"')
      .send(csv);
  }),
  route(c.getClinicPerson, async ({ ctx, actor, input }) =>
    clinicPersonPage(ctx, actor, input.params.clinicId, input.params.personId, input.query),
  ),
  route(c.getClinicPersonFhir, async ({ ctx, actor, input, reply }) => {
    const bundle = await clinicPersonFhir(ctx, actor, input.params.clinicId, input.params.personId);
    return reply.header('content-type', FHIR_TYPE).send(JSON.stringify(bundle));
  }),
  route(c.putSchedule, async ({ ctx, actor, input }) => setSchedule(ctx, actor, input.params, input.body)),
  route(c.deleteSchedule, async ({ ctx, actor, input }) => {
    await stopSchedule(ctx, actor, input.params);
    return undefined;
  }),
  route(c.addMarker, async ({ ctx, actor, input }) => addMarker(ctx, actor, input.params, input.body)),
  route(c.deleteMarker, async ({ ctx, actor, input }) => {
    await deleteMarker(ctx, actor, input.params);
    return undefined;
  }),
  route(c.addNote, async ({ ctx, actor, input }) => addNote(ctx, actor, input.params, input.body.text)),

  route(c.previewInvitation, async ({ ctx, actor, input }) =>
    previewInvitation(ctx, actor, input.body.token),
  ),
  route(c.acceptInvitation, async ({ ctx, actor, input }) => acceptInvitation(ctx, actor, input.body.token)),
  route(c.listMemberships, async ({ ctx, actor }) => listMyMemberships(ctx, actor)),
  route(c.leaveClinic, async ({ ctx, actor, input }) => {
    await leaveClinic(ctx, actor, input.params.id);
    return undefined;
  }),
  route(c.getDueQuestionnaires, async ({ ctx, actor }) => dueQuestionnaires(ctx, actor)),
  route(c.getFhirQuestionnaire, async ({ input, reply }) =>
    reply.header('content-type', FHIR_TYPE).send(JSON.stringify(fhirQuestionnaire(input.params.instrument))),
  ),
];
