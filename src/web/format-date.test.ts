import { describe, expect, it } from 'vitest';
import { formatDate } from './useToday.ts';

describe('formatDate', () => {
  it('keeps each set of options apart, whichever is used first', () => {
    const short = { weekday: undefined, year: undefined } as const;
    const full = new Intl.DateTimeFormat(undefined, {
      weekday: 'short',
      day: 'numeric',
      month: 'short',
      year: 'numeric',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(2026, 2, 9)));
    const shortWanted = new Intl.DateTimeFormat(undefined, {
      day: 'numeric',
      month: 'short',
      timeZone: 'UTC',
    }).format(new Date(Date.UTC(2026, 2, 9)));
    expect(formatDate('2026-03-09', short)).toBe(shortWanted);
    expect(formatDate('2026-03-09')).toBe(full);
    expect(formatDate('2026-03-09', short)).toBe(shortWanted);
    expect(full).toContain('2026');
    expect(shortWanted).not.toContain('2026');
  });
});
