/**
 * Names a person knows for each kind of data in the CSV export (the export's kinds are the
 * database's tables), and "1 row" / "2 rows".
 */
const KIND_NAMES: Record<string, string> = {
  observation: 'Check-ins, habits and measures',
  screener_response: 'Questionnaires',
  food_entry: 'Food log',
  custom_food: 'Foods you added',
  favourite_food: 'Favourite foods',
  custom_measure: 'Your own measures',
  microbiome_sample: 'Microbiome samples',
  microbiome_taxonomy: 'Microbiome taxonomy files',
  microbiome_module_file: 'Microbiome module files',
  program_enrolment: 'Programs',
  program_goal_choice: 'Program goals you chose',
  program_goal_tick: 'Program goals ticked',
  program_pause: 'Program pauses',
  program_assignment: 'Programs suggested by a clinician',
  experiment: 'Experiments',
  recommendation_feedback: 'Your feedback on suggestions',
  quiz_attempt: 'Quizzes taken',
  quiz_answer: 'Quiz answers',
  reminder_setting: 'Reminder settings',
  reminder_push: 'Reminders sent',
  push_subscription: 'Devices with notifications',
  safety_dismissal: 'Support prompts put away',
  access_grant: 'Sharing with clinicians',
  access_log: 'Clinician reads of your data',
  import_record: 'Imports',
  person: 'Your account',
};

/** 'quiz_attempt' → 'Quizzes taken'; a kind not listed yet → 'Some kind' (sentence case). */
export function exportKindName(kind: string): string {
  const known = KIND_NAMES[kind];
  if (known) return known;
  const words = kind.replace(/_/g, ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

const plural = new Intl.PluralRules('en');

/** '1 row', '2 rows', '1,234 rows'. */
export function rowCount(n: number): string {
  return `${n.toLocaleString('en')} ${plural.select(n) === 'one' ? 'row' : 'rows'}`;
}
