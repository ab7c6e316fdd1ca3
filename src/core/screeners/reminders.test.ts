import { describe, expect, it } from 'vitest';
import { repeatReminders } from './reminders.ts';

describe('repeat every two weeks', () => {
  it('offers a questionnaire again 14 days after it was last taken, not 13', () => {
    expect(repeatReminders({ phq9: '2026-03-01' }, '2026-03-14')).toEqual([]);
    expect(repeatReminders({ phq9: '2026-03-01' }, '2026-03-15')).toEqual([
      { instrument: 'phq9', lastDate: '2026-03-01', due: '2026-03-15', daysSince: 14 },
    ]);
  });

  it('lists the most overdue first and ignores questionnaires never taken and the signals check', () => {
    const r = repeatReminders(
      { phq9: '2026-02-20', who5: '2026-01-10', signals: '2026-01-01' },
      '2026-03-15',
    );
    expect(r.map((x) => x.instrument)).toEqual(['who5', 'phq9']);
    // Across a month end and a leap day: 2024-02-20 + 14 days = 2024-03-05.
    expect(repeatReminders({ gad7: '2024-02-20' }, '2024-03-05')[0]?.due).toBe('2024-03-05');
  });
});
