import { describe, expect, it } from 'vitest';
import { dueWords, signed } from './words.ts';

describe('caseload words', () => {
  it('signs changes with a true minus and keeps whole points whole', () => {
    expect(signed(-6)).toBe('−6');
    expect(signed(4)).toBe('+4');
    expect(signed(0)).toBe('0');
    expect(signed(-2.345)).toBe('−2.3');
    expect(signed(2.53, 2)).toBe('+2.53');
  });

  it('says how late a questionnaire is and how often it comes round', () => {
    const base = {
      instrument: 'phq9',
      name: 'PHQ-9',
      lastDate: '2026-03-01',
      dueDate: '2026-03-15',
    } as const;
    expect(dueWords({ ...base, everyWeeks: 2, status: 'overdue', daysOverdue: 1 })).toBe(
      'PHQ-9 overdue by 1 day (every 2 weeks)',
    );
    expect(dueWords({ ...base, everyWeeks: 1, status: 'overdue', daysOverdue: 9 })).toBe(
      'PHQ-9 overdue by 9 days (every week)',
    );
  });
});
