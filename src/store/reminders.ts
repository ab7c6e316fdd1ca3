/**
 * Reminder settings, one row per person (absent = every reminder off), and the per-kind
 * "dismissed on" dates. Every function takes the acting person's id.
 */
import type { Kysely } from 'kysely';
import {
  DEFAULT_REMINDER_SETTINGS,
  type ReminderKind,
  type ReminderSettings,
} from '../core/reminders/reminders.ts';
import type { Database } from './schema.ts';

export interface StoredReminders {
  settings: ReminderSettings;
  dismissedOn: Record<ReminderKind, string | null>;
}

export async function getReminders(db: Kysely<Database>, personId: string): Promise<StoredReminders> {
  const row = await db
    .selectFrom('reminder_setting')
    .selectAll()
    .where('person_id', '=', personId)
    .executeTakeFirst();
  if (!row) {
    return {
      settings: DEFAULT_REMINDER_SETTINGS,
      dismissedOn: { checkin: null, questionnaire: null, program: null },
    };
  }
  return {
    settings: {
      // pg returns integers as numbers here (int4), SQLite too; Number() keeps both honest.
      checkin: { enabled: Number(row.checkin_enabled) === 1, time: row.checkin_time },
      questionnaire: { enabled: Number(row.questionnaire_enabled) === 1 },
      program: { enabled: Number(row.program_enabled) === 1, time: row.program_time },
    },
    dismissedOn: {
      checkin: row.checkin_dismissed_on,
      questionnaire: row.questionnaire_dismissed_on,
      program: row.program_dismissed_on,
    },
  };
}

export async function saveReminderSettings(
  db: Kysely<Database>,
  personId: string,
  s: ReminderSettings,
  now: Date,
): Promise<void> {
  const values = {
    checkin_enabled: s.checkin.enabled ? 1 : 0,
    checkin_time: s.checkin.time,
    questionnaire_enabled: s.questionnaire.enabled ? 1 : 0,
    program_enabled: s.program.enabled ? 1 : 0,
    program_time: s.program.time,
    updated_at: now.toISOString(),
  };
  await db
    .insertInto('reminder_setting')
    .values({ person_id: personId, ...values })
    .onConflict((oc) => oc.column('person_id').doUpdateSet(values))
    .execute();
}

export async function dismissReminder(
  db: Kysely<Database>,
  personId: string,
  kind: ReminderKind,
  date: string,
  now: Date,
): Promise<void> {
  const set: Partial<Record<`${ReminderKind}_dismissed_on`, string>> = { [`${kind}_dismissed_on`]: date };
  const d = DEFAULT_REMINDER_SETTINGS;
  await db
    .insertInto('reminder_setting')
    .values({
      person_id: personId,
      checkin_enabled: d.checkin.enabled ? 1 : 0,
      checkin_time: d.checkin.time,
      questionnaire_enabled: d.questionnaire.enabled ? 1 : 0,
      program_enabled: d.program.enabled ? 1 : 0,
      program_time: d.program.time,
      ...set,
      updated_at: now.toISOString(),
    })
    .onConflict((oc) => oc.column('person_id').doUpdateSet({ ...set, updated_at: now.toISOString() }))
    .execute();
}
