/**
 * Clinics: measurement-based care for a caseload. Two sides:
 *
 * - the clinic's staff (`/api/clinician/clinics/…`): create a clinic, invite clinicians and people by
 *   link, see the caseload sorted by need, one person's page, schedules, treatment markers and
 *   clinic-only notes, the caseload CSV and FHIR R4. A clinic a caller is not staff of answers 404.
 * - the person (`/api/clinic-invitations/…`, `/api/clinic-memberships`, `/api/screeners/due`): read
 *   an invitation's consent screen, accept it, see their clinics, leave one (every clinician's access
 *   ends at once), and what questionnaires are due.
 *
 * Invitation tokens travel in request bodies, never in a URL the server sees: the invitation link
 * carries the token after `#`, which browsers do not send. Each token is single-use, expires, is
 * stored only as its SHA-256, and works only for the account with the email it was made for.
 */
import { z } from 'zod';
import {
  caseloadPerson,
  clinicNote,
  clinicRole,
  clinicSummary,
  dueQuestionnaire,
  everyWeeks,
  instrumentId,
  invitationKind,
  marker,
  moodPoint,
  pendingInvitation,
  reliableChangeBasis,
  safetyEvent,
  scaleSummary,
  schedule,
  shareLine,
  staffMember,
} from './clinic-shapes.ts';
import { id, instant, localDate, noContent, periodQuery } from './common.ts';
import { endpoint } from './endpoint.ts';

const clinicParams = z.strictObject({ clinicId: id });
const clinicPersonParams = z.strictObject({ clinicId: id, personId: id });
const clinicName = z
  .string()
  .trim()
  .min(1, { error: 'give the clinic a name' })
  .max(120, { error: 'a clinic name can be up to 120 characters' });
const email = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email({ error: 'must be an email address' }).max(254));
const tokenBody = z.strictObject({
  token: z
    .string()
    .trim()
    .regex(/^[A-Za-z0-9_-]{20,100}$/, { error: 'this invitation link is not complete: copy the whole link' }),
});
const FHIR_JSON = 'application/fhir+json';

// ——— the clinic's staff ———

export const listClinics = endpoint({
  method: 'GET',
  path: '/api/clinician/clinics',
  summary: 'The clinics the caller works in, with their role in each.',
  output: z.strictObject({ clinics: z.array(clinicSummary) }),
});

export const createClinic = endpoint({
  method: 'POST',
  path: '/api/clinician/clinics',
  summary: 'Creates a clinic (clinician accounts only); the caller becomes its first admin.',
  body: z.strictObject({ name: clinicName }),
  output: z.strictObject({ clinic: clinicSummary }),
  status: 201,
});

export const getClinic = endpoint({
  method: 'GET',
  path: '/api/clinician/clinics/:clinicId',
  summary: 'One clinic: its staff, pending invitations and how many people share with it.',
  params: clinicParams,
  output: z.strictObject({
    clinic: clinicSummary,
    staff: z.array(staffMember),
    invitations: z.array(pendingInvitation),
    peopleCount: z.number().int(),
  }),
});

export const createInvitation = endpoint({
  method: 'POST',
  path: '/api/clinician/clinics/:clinicId/invitations',
  summary:
    'Invites a person (any clinician may) or a clinician or admin (admins only) by link. The token is shown once.',
  params: clinicParams,
  body: z.strictObject({ kind: invitationKind, email }),
  output: z.strictObject({
    invitation: pendingInvitation,
    /** Shown once; only its hash is stored. */
    token: z.string(),
    /** Where the web app opens the invitation: `/clinic-invitation#<token>`. */
    linkPath: z.string(),
  }),
  status: 201,
});

export const withdrawInvitation = endpoint({
  method: 'DELETE',
  path: '/api/clinician/clinics/:clinicId/invitations/:invitationId',
  summary: 'Withdraws a pending invitation: its link stops working.',
  params: z.strictObject({ clinicId: id, invitationId: id }),
  output: noContent,
  status: 204,
});

export const removeStaff = endpoint({
  method: 'DELETE',
  path: '/api/clinician/clinics/:clinicId/staff/:staffId',
  summary:
    'Removes a clinician from the clinic (admins; anyone may remove themselves). The last admin stays.',
  params: z.strictObject({ clinicId: id, staffId: id }),
  output: noContent,
  status: 204,
});

export const getCaseload = endpoint({
  method: 'GET',
  path: '/api/clinician/clinics/:clinicId/caseload',
  summary:
    'Everyone who shares with the clinic, sorted by need: safety events first, then reliable deterioration, then overdue questionnaires.',
  params: clinicParams,
  output: z.strictObject({
    clinic: clinicSummary,
    today: localDate,
    people: z.array(caseloadPerson),
    /** The reliability and SD behind every reliable-change figure, with their sources. */
    reliableChangeBasis: z.array(reliableChangeBasis),
    notice: z.string(),
  }),
});

export const getCaseloadCsv = endpoint({
  method: 'GET',
  path: '/api/clinician/clinics/:clinicId/caseload.csv',
  summary: 'The caseload as CSV, one row per person, for the clinic’s own records.',
  params: clinicParams,
  output: {
    raw: 'text/csv',
    description: 'One row per person: scores, bands, change, reliable change, due.',
  },
});

export const getClinicPerson = endpoint({
  method: 'GET',
  path: '/api/clinician/clinics/:clinicId/people/:personId',
  summary:
    'One person’s page: trajectories with band lines, markers, clinic-only notes, diary and program adherence (read-only).',
  params: clinicPersonParams,
  query: periodQuery,
  output: z.strictObject({
    person: z.strictObject({ personId: id, displayName: z.string(), joinedAt: instant }),
    period: z.strictObject({ from: localDate, to: localDate }),
    today: localDate,
    shares: z.array(shareLine),
    need: caseloadPerson.shape.need,
    safetyEvents: z.array(safetyEvent),
    /** Every scale, with the instrument's band lines for drawing. */
    trajectories: z.array(
      z.strictObject({
        ...scaleSummary.shape,
        bandLines: z.array(
          z.strictObject({ key: z.string(), label: z.string(), min: z.number(), max: z.number() }),
        ),
        scoreRange: z.strictObject({ min: z.number(), max: z.number() }),
      }),
    ),
    markers: z.array(marker),
    notes: z.array(clinicNote),
    schedule: z.array(dueQuestionnaire),
    diary: z.strictObject({
      /** One row per logged day in the period, oldest first. */
      days: z.array(
        z.strictObject({
          date: localDate,
          mood: z.number().nullable(),
          energy: z.number().nullable(),
          sleepHours: z.number().nullable(),
          stress: z.number().nullable(),
        }),
      ),
      moodSeries: z.array(moodPoint),
      daysLogged: z.number().int(),
      daysInPeriod: z.number().int(),
      lastEntryDate: localDate.nullable(),
    }),
    programs: z.array(
      z.strictObject({
        programId: z.string(),
        title: z.string(),
        startDate: localDate,
        status: z.string(),
        /** Goals met over goals due, per week so far (null: nothing due yet). */
        weeks: z.array(z.strictObject({ week: z.number().int(), percent: z.number().nullable() })),
      }),
    ),
    notice: z.string(),
  }),
});

export const getClinicPersonFhir = endpoint({
  method: 'GET',
  path: '/api/clinician/clinics/:clinicId/people/:personId/fhir',
  summary:
    'The person’s PHQ-9, GAD-7 and WHO-5 as a FHIR R4 Bundle: Questionnaires, QuestionnaireResponses and total scores (LOINC).',
  params: clinicPersonParams,
  output: { raw: FHIR_JSON, description: 'A FHIR R4 Bundle of type collection.' },
});

export const putSchedule = endpoint({
  method: 'PUT',
  path: '/api/clinician/clinics/:clinicId/people/:personId/schedules/:instrument',
  summary: 'Sets a questionnaire for the person every 1, 2 or 4 weeks (replacing an earlier schedule).',
  params: z.strictObject({ clinicId: id, personId: id, instrument: instrumentId }),
  body: z.strictObject({ everyWeeks, startDate: localDate.optional() }),
  output: z.strictObject({ schedule }),
});

export const deleteSchedule = endpoint({
  method: 'DELETE',
  path: '/api/clinician/clinics/:clinicId/people/:personId/schedules/:instrument',
  summary: 'Stops a scheduled questionnaire.',
  params: z.strictObject({ clinicId: id, personId: id, instrument: instrumentId }),
  output: noContent,
  status: 204,
});

export const addMarker = endpoint({
  method: 'POST',
  path: '/api/clinician/clinics/:clinicId/people/:personId/markers',
  summary: 'Adds a treatment-phase marker ("started CBT", "dose change") on a date.',
  params: clinicPersonParams,
  body: z.strictObject({
    date: localDate,
    label: z
      .string()
      .trim()
      .min(1, { error: 'say what changed' })
      .max(120, { error: 'a marker can be up to 120 characters' }),
  }),
  output: z.strictObject({ marker }),
  status: 201,
});

export const deleteMarker = endpoint({
  method: 'DELETE',
  path: '/api/clinician/clinics/:clinicId/people/:personId/markers/:markerId',
  summary: 'Removes a treatment-phase marker.',
  params: z.strictObject({ clinicId: id, personId: id, markerId: id }),
  output: noContent,
  status: 204,
});

export const addNote = endpoint({
  method: 'POST',
  path: '/api/clinician/clinics/:clinicId/people/:personId/notes',
  summary: 'Adds a note only the clinic’s staff can read.',
  params: clinicPersonParams,
  body: z.strictObject({
    text: z
      .string()
      .trim()
      .min(1, { error: 'write something' })
      .max(5000, { error: 'a note can be up to 5,000 characters' }),
  }),
  output: z.strictObject({ note: clinicNote }),
  status: 201,
});

// ——— the person ———

const consentScreen = z.strictObject({
  kind: invitationKind,
  clinic: z.strictObject({ name: z.string() }),
  invitedBy: z.string(),
  email: z.string(),
  expiresAt: instant,
  /** For a person: exactly what the clinic's staff will be able to read. Empty for staff invitations. */
  shares: z.array(shareLine),
  /** For a person: who can read it today (more clinicians may join the clinic later). */
  clinicians: z.array(z.strictObject({ name: z.string(), role: clinicRole })),
  /** Plain sentences: what joining means, what the clinic can and cannot do, how to leave. */
  terms: z.array(z.string()),
});

export const previewInvitation = endpoint({
  method: 'POST',
  path: '/api/clinic-invitations/preview',
  summary: 'The consent screen of an invitation: the clinic, what would be shared, with whom, how to leave.',
  body: tokenBody,
  output: z.strictObject({ invitation: consentScreen }),
});

export const acceptInvitation = endpoint({
  method: 'POST',
  path: '/api/clinic-invitations/accept',
  summary: 'Accepts an invitation: a person joins the clinic’s caseload; a clinician joins its staff.',
  body: tokenBody,
  output: z.strictObject({
    kind: invitationKind,
    clinic: z.strictObject({ id, name: z.string() }),
    /** The person's membership (leave with DELETE /api/clinic-memberships/:id); null for staff. */
    membershipId: id.nullable(),
  }),
});

const membership = z.strictObject({
  id,
  clinic: z.strictObject({ name: z.string() }),
  joinedAt: instant,
  shares: z.array(shareLine),
  clinicians: z.array(z.strictObject({ name: z.string(), role: clinicRole })),
  schedule: z.array(schedule),
});

export const listMemberships = endpoint({
  method: 'GET',
  path: '/api/clinic-memberships',
  summary: 'The clinics the person shares with: what, with whom, and the questionnaires they set.',
  output: z.strictObject({ memberships: z.array(membership) }),
});

export const leaveClinic = endpoint({
  method: 'DELETE',
  path: '/api/clinic-memberships/:id',
  summary: 'Leaves a clinic: every one of its clinicians loses access at once.',
  params: z.strictObject({ id }),
  output: noContent,
  status: 204,
});

export const getDueQuestionnaires = endpoint({
  method: 'GET',
  path: '/api/screeners/due',
  summary: 'Questionnaires a clinic asked for and where each stands (for reminders and the Checks page).',
  output: z.strictObject({
    today: localDate,
    questionnaires: z.array(dueQuestionnaire.extend({ clinicName: z.string() })),
  }),
});

// ——— FHIR definitions ———

export const getFhirQuestionnaire = endpoint({
  method: 'GET',
  path: '/api/fhir/Questionnaire/:instrument',
  summary: 'The FHIR R4 Questionnaire of PHQ-9, GAD-7 or WHO-5, with its LOINC codes.',
  params: z.strictObject({ instrument: instrumentId }),
  output: { raw: FHIR_JSON, description: 'A FHIR R4 Questionnaire resource.' },
});
