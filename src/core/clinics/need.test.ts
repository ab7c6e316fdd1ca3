import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.ts';
import { moodsByDay } from '../safety/diary.ts';
import { type Need, needOf, sortByNeed } from './need.ts';
import { scaleSummary } from './outcomes.ts';
import { clinicSafetyEvents } from './safety-events.ts';
import { dueStatus } from './schedule.ts';

const phq9 = (id: string, date: string, items: number[]) => ({
  id,
  instrument: 'phq9',
  date,
  createdAt: `${date}T09:00:00.000Z`,
  score: items.reduce((a, b) => a + b, 0),
  answers: Object.fromEntries(items.map((v, i) => [`phq9_${i + 1}`, v])),
  supportReadAt: null,
});

describe('safety events for the caseload', () => {
  it('item 9, a PHQ-9 rise, a red flag and the diary rule each appear with their date and kind', () => {
    const moods = Array.from({ length: 14 }, (_, i) => ({ date: addDays('2026-02-20', i), mood: 2 }));
    const events = clinicSafetyEvents({
      results: [
        phq9('a', '2026-02-01', [1, 1, 0, 1, 0, 0, 0, 0, 0]), // 3
        phq9('b', '2026-02-15', [1, 1, 1, 1, 1, 1, 1, 1, 1]), // 9, item 9 = 1, rise of 6
        {
          id: 'c',
          instrument: 'signals',
          date: '2026-03-01',
          createdAt: '2026-03-01T09:00:00.000Z',
          score: null,
          answers: { red_flag_self_harm: true },
          supportReadAt: null,
        },
      ],
      moods: moodsByDay(moods, '2026-01-27', '2026-03-10'),
      from: '2026-02-10',
      to: '2026-03-10',
    });
    expect(events.map((e) => [e.date, e.level, e.kind])).toEqual([
      ['2026-03-01', 'urgent', 'red_flag'],
      ['2026-02-15', 'urgent', 'phq9_item9'],
      // The diary rule needs 5 logged days: moods of 2 from 2026-02-20 first fire it on 2026-02-24.
      ['2026-02-24', 'professional', 'diary_low_mood'],
      ['2026-02-15', 'professional', 'professional_help'],
    ]);
    expect(events[1]?.words).toBe(
      'PHQ-9 item 9 ("Thoughts that you would be better off dead or of hurting yourself in some way") answered "Several days".',
    );
    expect(events[3]?.words).toContain('rose from 3 to 9');
  });
});

const person = (name: string, extra: Partial<Parameters<typeof needOf>[0]> = {}) => {
  const input = { displayName: name, safetyEvents: [], scales: [], schedule: [], ...extra };
  return { ...input, need: needOf(input) as Need };
};

describe('the order of need', () => {
  it('safety first (urgent, then newest), then reliable deterioration (largest first), then overdue, then by name', () => {
    const worse = scaleSummary(
      'phq9',
      [
        { date: '2026-02-01', score: 5 },
        { date: '2026-03-01', score: 12 },
      ],
      '2026-02-01',
    );
    const slightlyWorse = scaleSummary(
      'gad7',
      [
        { date: '2026-02-01', score: 5 },
        { date: '2026-03-01', score: 9 },
      ],
      '2026-02-01',
    );
    const overdue = dueStatus(
      { instrument: 'gad7', everyWeeks: 2, startDate: '2026-02-01' },
      null,
      '2026-03-10',
    );
    const event = (date: string, level: 'urgent' | 'professional') => ({
      date,
      level,
      kind: 'professional_help' as const,
      words: 'x',
    });
    const people = [
      person('Ann'),
      person('Bea', { schedule: [overdue] }),
      person('Cal', { scales: [slightlyWorse] }),
      person('Dee', { scales: [worse] }),
      person('Eve', { safetyEvents: [event('2026-03-01', 'professional')] }),
      person('Fay', { safetyEvents: [event('2026-02-01', 'urgent')] }),
      person('Gil', { safetyEvents: [event('2026-03-05', 'urgent')] }),
      person('aaron'),
    ];
    const sorted = sortByNeed(people);
    expect(sorted.map((p) => p.displayName)).toEqual([
      'Gil',
      'Fay',
      'Eve',
      'Dee',
      'Cal',
      'Bea',
      'aaron',
      'Ann',
    ]);
    expect(sorted.map((p) => p.need.tier)).toEqual([
      'safety',
      'safety',
      'safety',
      'deteriorated',
      'deteriorated',
      'overdue',
      'none',
      'none',
    ]);
    expect(sorted[3]?.need.reasons).toEqual(['PHQ-9 reliably worse since baseline: 5 → 12 (RCI 3.54)']);
    expect(sorted[5]?.need.reasons).toEqual(['GAD-7 overdue by 37 days (due 2026-02-01)']);
  });

  it('a WHO-5 fall of 10 points is a deterioration; a rise is not', () => {
    const fell = scaleSummary(
      'who5',
      [
        { date: '2026-02-01', score: 60 },
        { date: '2026-03-01', score: 48 },
      ],
      '2026-02-01',
    );
    const rose = scaleSummary(
      'who5',
      [
        { date: '2026-02-01', score: 48 },
        { date: '2026-03-01', score: 60 },
      ],
      '2026-02-01',
    );
    expect(needOf({ displayName: 'x', safetyEvents: [], scales: [fell], schedule: [] }).tier).toBe(
      'deteriorated',
    );
    expect(needOf({ displayName: 'x', safetyEvents: [], scales: [rose], schedule: [] }).tier).toBe('none');
  });
});
