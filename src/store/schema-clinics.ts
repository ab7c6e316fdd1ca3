/**
 * The clinic tables (migration 0018_clinics) as Kysely sees them; part of `Database` in schema.ts,
 * kept in their own file so the shared schema stays readable.
 */
export type ClinicRole = 'clinician' | 'admin';
export type InvitationKind = 'person' | ClinicRole;

export interface ClinicTable {
  id: string;
  name: string;
  created_at: string;
}
export interface ClinicStaffTable {
  id: string;
  clinic_id: string;
  clinician_id: string;
  role: ClinicRole;
  added_at: string;
  removed_at: string | null;
}
export interface ClinicInvitationTable {
  id: string;
  clinic_id: string;
  kind: InvitationKind;
  email: string;
  token_hash: string;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
  expires: string;
  used_at: string | null;
  withdrawn_at: string | null;
}
export interface ClinicMembershipTable {
  id: string;
  clinic_id: string;
  person_id: string;
  kinds: string;
  invited_by: string | null;
  joined_at: string;
  baseline_from: string;
  left_at: string | null;
}
export interface ClinicScheduleTable {
  id: string;
  membership_id: string;
  person_id: string;
  instrument: string;
  every_weeks: number;
  start_date: string;
  set_by: string | null;
  created_at: string;
}
export interface ClinicMarkerTable {
  id: string;
  clinic_id: string;
  subject_id: string;
  label: string;
  date: string;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
}
export interface ClinicNoteTable {
  id: string;
  clinic_id: string;
  subject_id: string;
  text: string;
  created_by: string | null;
  created_by_name: string;
  created_at: string;
}
