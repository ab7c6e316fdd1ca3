import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isLocalDate,
  isTimeZone,
  localDateAt,
  minutesFromTime,
  timeFromMinutes,
} from './dates.ts';

describe('dates', () => {
  it('knows real calendar dates, leap years included', () => {
    expect(isLocalDate('2024-02-29')).toBe(true);
    expect(isLocalDate('2023-02-29')).toBe(false);
    expect(isLocalDate('2026-02-30')).toBe(false);
    expect(isLocalDate('2000-02-29')).toBe(true);
    expect(isLocalDate('1900-02-29')).toBe(false);
    expect(isLocalDate('2026-04-31')).toBe(false);
    expect(isLocalDate('2026-1-01')).toBe(false);
    expect(isLocalDate('2026-13-01')).toBe(false);
  });

  it('takes the local date in the person’s zone, not the server’s', () => {
    const instant = new Date('2026-03-01T10:30:00Z'); // 23:30 in Auckland (UTC+13 in summer)
    expect(localDateAt(instant, 'Pacific/Auckland')).toBe('2026-03-01');
    expect(localDateAt(new Date('2026-03-01T11:30:00Z'), 'Pacific/Auckland')).toBe('2026-03-02');
    expect(localDateAt(new Date('2026-03-01T04:00:00Z'), 'America/New_York')).toBe('2026-02-28');
  });

  it('validates time zones', () => {
    expect(isTimeZone('Europe/Dublin')).toBe(true);
    expect(isTimeZone('Mars/Olympus')).toBe(false);
    expect(isTimeZone('')).toBe(false);
  });

  it('does calendar arithmetic', () => {
    expect(addDays('2024-02-28', 1)).toBe('2024-02-29');
    expect(addDays('2026-01-01', -1)).toBe('2025-12-31');
    expect(daysBetween('2026-01-01', '2026-03-01')).toBe(59);
    expect(minutesFromTime('23:30')).toBe(1410);
    expect(timeFromMinutes(1410)).toBe('23:30');
    expect(timeFromMinutes(-30)).toBe('23:30');
    expect(() => minutesFromTime('25:00')).toThrow();
  });
});
