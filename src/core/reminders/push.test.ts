import { describe, expect, it } from 'vitest';
import { pushPayload, readyToPush } from './push.ts';
import { dueReminders, type ReminderSettings } from './reminders.ts';

const allOn: ReminderSettings = {
  checkin: { enabled: true, time: '00:00' },
  questionnaire: { enabled: true },
  program: { enabled: true, time: '00:00' },
};
const due = (localTime: string) =>
  dueReminders(allOn, {
    today: '2026-03-09',
    localTime,
    checkedInToday: false,
    questionnairesDue: ['PHQ-9'],
    noQuestionnaireYet: false,
    programsUnfinished: ['30-day challenge'],
    dismissedOn: {},
  });

describe('reminder pushes', () => {
  it('carry kind, title, neutral body and page: no questionnaire or program named', () => {
    const payloads = due('12:00').map(pushPayload);
    expect(payloads.map((p) => Object.keys(p).sort())).toEqual(
      payloads.map(() => ['body', 'kind', 'title', 'url']),
    );
    const text = JSON.stringify(payloads);
    expect(text).not.toContain('PHQ-9');
    expect(text).not.toContain('30-day challenge');
  });

  it('hold the untimed questionnaire reminder until 09:00, the timed ones not at all', () => {
    const at = (time: string) =>
      due(time)
        .filter((r) => readyToPush(r, time))
        .map((r) => r.kind);
    expect(at('03:00')).toEqual(['checkin', 'program']);
    expect(at('08:59')).toEqual(['checkin', 'program']);
    expect(at('09:00')).toEqual(['checkin', 'questionnaire', 'program']);
  });
});
