/**
 * Who may read what: the one place that decides whether a clinician may read a kind of a person's
 * data. A person grants a named clinician read access to some kinds (or all) until a date (or
 * until revoked). Anything not granted — revoked, expired, another person, another kind — is
 * simply not there: callers answer 404, so a clinician cannot even learn it exists.
 *
 * @example mayRead(grants, { clinicianId, personId, kind: 'diary', today: '2026-03-10' }) // → the grant, or undefined
 */

/** What a person can share, and the tables each kind covers (for the summary and the report). */
export const SHARE_KINDS = {
  diary: { label: 'Daily check-ins, habits and custom measures', tables: ['observation', 'custom_measure'] },
  questionnaires: { label: 'Questionnaires (PHQ-9, GAD-7, WHO-5)', tables: ['screener_response'] },
  programs: { label: 'Programs and their progress', tables: ['program_enrolment', 'program_goal_tick'] },
  microbiome: { label: 'Microbiome results', tables: ['microbiome_sample'] },
} as const;

export type ShareKind = keyof typeof SHARE_KINDS;
export const SHARE_KIND_IDS = Object.keys(SHARE_KINDS) as ShareKind[];

export interface Grant {
  id: string;
  personId: string;
  clinicianId: string;
  /** null: every kind. */
  kinds: ShareKind[] | null;
  /** Last day of access (the person's calendar), inclusive; null: until revoked. */
  untilDate: string | null;
  revokedAt: string | null;
}

/** A grant is live when it is not revoked and its last day has not passed. */
export function isLive(grant: Grant, today: string): boolean {
  return grant.revokedAt === null && (grant.untilDate === null || today <= grant.untilDate);
}

/** The kinds a live grant lets the clinician read. */
export function grantedKinds(grant: Grant): ShareKind[] {
  return grant.kinds ?? SHARE_KIND_IDS;
}

/**
 * The live grant that lets `clinicianId` read `kind` (or anything, when kind is omitted) of
 * `personId`'s data on `today`, or undefined.
 */
export function mayRead(
  grants: readonly Grant[],
  request: { clinicianId: string; personId: string; kind?: ShareKind; today: string },
): Grant | undefined {
  return grants.find(
    (g) =>
      g.clinicianId === request.clinicianId &&
      g.personId === request.personId &&
      isLive(g, request.today) &&
      (request.kind === undefined || grantedKinds(g).includes(request.kind)),
  );
}
