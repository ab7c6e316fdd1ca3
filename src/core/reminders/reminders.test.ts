import { describe, expect, it } from 'vitest';
import {
  DEFAULT_REMINDER_SETTINGS,
  dueReminders,
  localTimeAt,
  type ReminderSettings,
  type ReminderState,
  reminderSettingsSchema,
} from './reminders.ts';

const allOn: ReminderSettings = {
  checkin: { enabled: true, time: '20:00' },
  questionnaire: { enabled: true },
  program: { enabled: true, time: '12:00' },
};
const state = (over: Partial<ReminderState> = {}): ReminderState => ({
  today: '2026-03-09',
  localTime: '20:00',
  checkedInToday: false,
  questionnairesDue: ['PHQ-9'],
  noQuestionnaireYet: false,
  programsUnfinished: ['30-day challenge'],
  dismissedOn: {},
  ...over,
});
const kinds = (s: ReminderSettings, st: ReminderState) => dueReminders(s, st).map((r) => r.kind);

describe('dueReminders', () => {
  it('shows nothing by default, whatever is due', () => {
    expect(dueReminders(DEFAULT_REMINDER_SETTINGS, state())).toEqual([]);
  });

  it('check-in: from the chosen minute on, only on a day without a check-in', () => {
    expect(kinds(allOn, state({ localTime: '19:59' }))).not.toContain('checkin');
    expect(kinds(allOn, state({ localTime: '20:00' }))).toContain('checkin');
    expect(kinds(allOn, state({ localTime: '23:59' }))).toContain('checkin');
    expect(kinds(allOn, state({ checkedInToday: true }))).not.toContain('checkin');
  });

  it('a dismissal hides the daily ones for that day only, the questionnaire one for 14 days', () => {
    const dismissed = { checkin: '2026-03-09', program: '2026-03-09', questionnaire: '2026-03-09' };
    expect(kinds(allOn, state({ dismissedOn: dismissed }))).toEqual([]);
    expect(kinds(allOn, state({ today: '2026-03-10', dismissedOn: dismissed }))).toEqual([
      'checkin',
      'program',
    ]);
    // 9 March + 14 days = 23 March: hidden on the 22nd, back on the 23rd.
    expect(kinds(allOn, state({ today: '2026-03-22', dismissedOn: dismissed }))).not.toContain(
      'questionnaire',
    );
    expect(kinds(allOn, state({ today: '2026-03-23', dismissedOn: dismissed }))).toContain('questionnaire');
  });

  it('questionnaires a clinic scheduled bring the reminder too, saying the clinic asked', () => {
    const clinic = dueReminders(allOn, state({ questionnairesDue: [], clinicDue: ['GAD-7'] }));
    expect(clinic.find((r) => r.kind === 'questionnaire')?.detail).toBe(
      'GAD-7: your clinic asked for this about now.',
    );
    const both = dueReminders(allOn, state({ questionnairesDue: ['PHQ-9'], clinicDue: ['PHQ-9', 'WHO-5'] }));
    expect(both.find((r) => r.kind === 'questionnaire')?.detail).toBe(
      'PHQ-9 and WHO-5: your clinic asked for these about now.',
    );
    // The person's own setting still decides: reminders stay off until they turn them on.
    expect(kinds(DEFAULT_REMINDER_SETTINGS, state({ clinicDue: ['GAD-7'] }))).not.toContain('questionnaire');
  });

  it('questionnaires: when one is due again, or none was ever taken, with the names in the text', () => {
    expect(kinds(allOn, state({ questionnairesDue: [] }))).not.toContain('questionnaire');
    const first = dueReminders(allOn, state({ questionnairesDue: [], noQuestionnaireYet: true }));
    expect(first.find((r) => r.kind === 'questionnaire')?.title).toBe('Take a first questionnaire');
    const again = dueReminders(allOn, state({ questionnairesDue: ['PHQ-9', 'GAD-7', 'WHO-5'] }));
    const reminder = again.find((r) => r.kind === 'questionnaire');
    expect(reminder?.detail).toBe('PHQ-9, GAD-7 and WHO-5: two weeks have passed since you last took them.');
    // What a lock screen may show names no questionnaire.
    expect(reminder?.body).toBe('Your two-weekly self-check is ready.');
  });

  it('program nudge: after its own time, while a program day is open; each links to its page', () => {
    expect(kinds(allOn, state({ localTime: '11:59' }))).toEqual(['questionnaire']);
    expect(kinds(allOn, state({ programsUnfinished: [] }))).toEqual(['checkin', 'questionnaire']);
    expect(dueReminders(allOn, state()).map((r) => r.url)).toEqual(['/today', '/checks', '/programs']);
  });
});

describe('reminderSettingsSchema', () => {
  it('takes HH:MM times on a 24-hour clock and refuses anything else, naming the field', () => {
    expect(reminderSettingsSchema.safeParse(allOn).success).toBe(true);
    const bad = reminderSettingsSchema.safeParse({ ...allOn, checkin: { enabled: true, time: '24:00' } });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]?.path).toEqual(['checkin', 'time']);
    expect(reminderSettingsSchema.safeParse({ ...allOn, extra: 1 }).success).toBe(false);
  });
});

describe('localTimeAt', () => {
  it('reads the wall clock in the person’s zone, across a DST change', () => {
    // 2026-03-08 is the US spring-forward day: 07:30 UTC is 03:30 EDT (02:30 EST never happened).
    expect(localTimeAt(new Date('2026-03-08T07:30:00Z'), 'America/New_York')).toBe('03:30');
    expect(localTimeAt(new Date('2026-03-08T06:30:00Z'), 'America/New_York')).toBe('01:30');
    expect(localTimeAt(new Date('2026-03-09T11:00:00Z'), 'Pacific/Auckland')).toBe('00:00');
    expect(localTimeAt(new Date('2026-03-09T00:05:00Z'), 'UTC')).toBe('00:05');
  });
});
