/**
 * The database as Kysely sees it: one interface for SQLite and PostgreSQL. Timestamps are ISO-8601
 * UTC text and local dates are `YYYY-MM-DD` text, so both engines compare them the same way.
 * Every table that holds a person's data has a `person_id` with ON DELETE CASCADE.
 */

import type { Generated } from 'kysely';
import type {
  ClinicInvitationTable,
  ClinicMarkerTable,
  ClinicMembershipTable,
  ClinicNoteTable,
  ClinicScheduleTable,
  ClinicStaffTable,
  ClinicTable,
} from './schema-clinics.ts';

export interface PersonTable {
  id: string;
  email: string;
  password_hash: string;
  display_name: string;
  time_zone: string;
  role: string;
  region: string | null;
  created_at: string;
  updated_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie value: a stolen database can't be replayed as sessions. */
  id_hash: string;
  person_id: string;
  csrf_token: string;
  created_at: string;
  last_seen_at: string;
  expires_at: string;
}

/** Failed sign-ins (or registrations) counted per key, for growing delays (migration 0013). */
export interface AuthThrottleTable {
  key: string;
  failures: number;
  last_failure: string;
}

/** One live upload or import per person across server processes (migration 0016). */
export interface UploadLeaseTable {
  key: string;
  holder: string;
  expires: string;
}

/** Unused since migration 0013 (auth_throttle); kept so upgrades drop no rows. */
export interface LoginThrottleTable {
  key: string;
  window_start: string;
  count: number;
}

export interface ObservationTable {
  id: string;
  person_id: string;
  date: string;
  measure: string;
  value: number | null;
  text: string | null;
  source: string;
  created_at: string;
  updated_at: string;
}

/** One filled-in questionnaire or signals check; answers as JSON, triggers as a JSON list of codes. */
export interface ScreenerResponseTable {
  id: string;
  person_id: string;
  instrument: string;
  date: string;
  answers: string;
  raw: number | null;
  score: number | null;
  band: string | null;
  difficulty: number | null;
  triggers: string;
  created_at: string;
  /** When the result's support screen was read; null until then (or when it raised none). */
  support_read_at: string | null;
}

/** A dismissal of the diary support prompt (kind 'low_mood_pattern'); it stays away 7 days. */
export interface SafetyDismissalTable {
  id: string;
  person_id: string;
  kind: string;
  dismissed_at: string;
}

export interface ExperimentTable {
  id: string;
  person_id: string;
  title: string;
  action: string | null;
  /** Measure the experiment is about (e.g. 'fermented_servings'), for adherence; optional. */
  measure: string | null;
  /** The outcome that gets a verdict ('mood', 'energy'…); null on experiments made before it existed (mood). */
  primary_outcome: string | null;
  start_date: string;
  duration_days: number;
  baseline_days: number;
  /** Set when the person ends the experiment early. */
  ended_on: string | null;
  /** 'manual' or 'recommendation'. */
  origin: string;
  recommendation_id: string | null;
  created_at: string;
  updated_at: string;
}

/** A recommendation the person dismissed (for good) or snoozed (through `until`, a local date). */
export interface RecommendationFeedbackTable {
  id: string;
  person_id: string;
  rule_id: string;
  /** 'dismissed' or 'snoozed'. */
  kind: string;
  until: string | null;
  created_at: string;
}

export interface MicrobiomeSampleTable {
  id: string;
  person_id: string;
  /** Collection date, the person's local `YYYY-MM-DD`. */
  date: string;
  /** The sample's name in the uploaded file. */
  label: string;
  /** Taxonomic profile's format and rank (null until a profile is uploaded). */
  format: string | null;
  rank: string | null;
  /** JSON of core/microbiome `SampleAnalysis`. */
  analysis: string | null;
  /** JSON of module results, when a KO table was uploaded for this date. */
  module_format: string | null;
  modules: string | null;
  created_at: string;
  updated_at: string;
}

export interface MicrobiomeTaxonomyTable {
  id: string;
  person_id: string;
  /** JSON object: feature id → taxonomy string (a QIIME 2 taxonomy.tsv). */
  entries: string;
  feature_count: number;
  created_at: string;
}

export interface MicrobiomeModuleFileTable {
  person_id: string;
  /** JSON of the parsed module definitions (GBM format). */
  definitions: string;
  module_count: number;
  updated_at: string;
}

export interface MigrationMarker {
  id: Generated<number>;
}

export interface FoodEntryTable {
  id: string;
  person_id: string;
  date: string;
  meal: string;
  /** A catalogue id, or `custom:<id>` for the person's own food. */
  food_id: string;
  servings: number;
  logged_at: string | null;
  created_at: string;
  updated_at: string;
  /** The id the browser made the entry with (offline queue); unique per person (migration 0008). */
  client_id: string | null;
}

export interface CustomFoodTable {
  id: string;
  person_id: string;
  name: string;
  /** Category keys separated by spaces. */
  categories: string;
  plant: string | null;
  plant_kind: string | null;
  created_at: string;
  archived_at: string | null;
}

export interface FavouriteFoodTable {
  person_id: string;
  food_id: string;
  created_at: string;
}

export interface CustomMeasureTable {
  id: string;
  person_id: string;
  name: string;
  kind: string;
  unit: string | null;
  created_at: string;
  archived_at: string | null;
}

export interface ProgramEnrolmentTable {
  id: string;
  person_id: string;
  program_id: string;
  start_date: string;
  status: string;
  ended_on: string | null;
  created_at: string;
  updated_at: string;
}

export interface ProgramPauseTable {
  id: string;
  person_id: string;
  enrolment_id: string;
  from_date: string;
  to_date: string | null;
}

export interface ProgramGoalTickTable {
  person_id: string;
  enrolment_id: string;
  date: string;
  goal_id: string;
  created_at: string;
}

export interface ProgramGoalChoiceTable {
  person_id: string;
  enrolment_id: string;
  goal_id: string;
  choice: string;
  created_at: string;
}

export interface QuizAttemptTable {
  id: string;
  person_id: string;
  taken_at: string;
  score: number;
  total: number;
}

export interface QuizAnswerTable {
  attempt_id: string;
  person_id: string;
  position: number;
  question_id: string;
  option_id: string;
  /** 1 when the chosen option was the right one, else 0 (integers work the same on both engines). */
  correct: number;
}

/** Reminders a person has turned on (all off by default); 0/1 flags, local HH:MM times. */
export interface ReminderSettingTable {
  person_id: string;
  checkin_enabled: number;
  checkin_time: string;
  questionnaire_enabled: number;
  program_enabled: number;
  program_time: string;
  checkin_dismissed_on: string | null;
  questionnaire_dismissed_on: string | null;
  program_dismissed_on: string | null;
  updated_at: string;
}

/** Server-wide values shared by every server process (migration 0010): `vapid` holds the key pair. */
export interface AppSettingTable {
  key: string;
  value: string;
  created_at: string;
}

/** A browser's push subscription (migration 0010); the endpoint is unique across people. */
export interface PushSubscriptionTable {
  id: string;
  person_id: string;
  endpoint: string;
  /** The browser's P-256 public key and auth secret, base64url, as the browser gave them. */
  p256dh: string;
  auth: string;
  created_at: string;
  last_success_at: string | null;
}

/** A reminder pushed (or being pushed) to a person for one local date: the claim (migration 0010). */
export interface ReminderPushTable {
  person_id: string;
  kind: string;
  date: string;
  claimed_at: string;
}

/** A person's grant of read access to a clinician; `kinds` is a JSON array, null for everything. */
export interface AccessGrantTable {
  id: string;
  person_id: string;
  clinician_id: string;
  kinds: string | null;
  until_date: string | null;
  created_at: string;
  revoked_at: string | null;
}

/** One read of a person's data by a clinician (the name kept, so the log outlives the account). */
export interface AccessLogTable {
  id: string;
  person_id: string;
  clinician_id: string | null;
  clinician_name: string;
  what: string;
  read_at: string;
}

/** A program a clinician suggested, and the person's answer. */
export interface ProgramAssignmentTable {
  id: string;
  person_id: string;
  clinician_id: string | null;
  clinician_name: string;
  program_id: string;
  note: string | null;
  status: 'pending' | 'accepted' | 'declined';
  created_at: string;
  responded_at: string | null;
}

/** One import a person made (a file's hash, so the same file imported again is recognised). */
export interface ImportRecordTable {
  id: string;
  person_id: string;
  source: string;
  file_sha256: string;
  file_name: string | null;
  rows_added: number;
  imported_at: string;
}

/** Where one daily device value came from (migration 0017); the value is an observation. */
export interface DeviceValueTable {
  person_id: string;
  /** The export it came from: 'apple-health', 'fitbit', 'oura', 'gadgetbridge'. */
  source: string;
  date: string;
  measure: string;
  /** JSON array of the apps or devices that recorded it, highest priority first. */
  origins: string;
  /** JSON array of device models. */
  devices: string;
  updated_at: string;
}

/** The person's order of origins, highest priority first, as a JSON array (migration 0017). */
export interface DevicePriorityTable {
  person_id: string;
  origins: string;
  updated_at: string;
}

export interface Database {
  person: PersonTable;
  session: SessionTable;
  login_throttle: LoginThrottleTable;
  auth_throttle: AuthThrottleTable;
  upload_lease: UploadLeaseTable;
  observation: ObservationTable;
  screener_response: ScreenerResponseTable;
  safety_dismissal: SafetyDismissalTable;
  experiment: ExperimentTable;
  recommendation_feedback: RecommendationFeedbackTable;
  microbiome_sample: MicrobiomeSampleTable;
  microbiome_taxonomy: MicrobiomeTaxonomyTable;
  microbiome_module_file: MicrobiomeModuleFileTable;
  food_entry: FoodEntryTable;
  custom_food: CustomFoodTable;
  favourite_food: FavouriteFoodTable;
  custom_measure: CustomMeasureTable;
  program_enrolment: ProgramEnrolmentTable;
  program_pause: ProgramPauseTable;
  program_goal_tick: ProgramGoalTickTable;
  program_goal_choice: ProgramGoalChoiceTable;
  quiz_attempt: QuizAttemptTable;
  quiz_answer: QuizAnswerTable;
  reminder_setting: ReminderSettingTable;
  app_setting: AppSettingTable;
  push_subscription: PushSubscriptionTable;
  reminder_push: ReminderPushTable;
  access_grant: AccessGrantTable;
  access_log: AccessLogTable;
  program_assignment: ProgramAssignmentTable;
  import_record: ImportRecordTable;
  device_value: DeviceValueTable;
  device_priority: DevicePriorityTable;
  clinic: ClinicTable;
  clinic_staff: ClinicStaffTable;
  clinic_invitation: ClinicInvitationTable;
  clinic_membership: ClinicMembershipTable;
  clinic_schedule: ClinicScheduleTable;
  clinic_marker: ClinicMarkerTable;
  clinic_note: ClinicNoteTable;
}
