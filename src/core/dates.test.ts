import { describe, expect, it } from 'vitest';
import {
  addDays,
  daysBetween,
  isInstant,
  isLocalDate,
  isTimeZone,
  localDateAt,
  minutesFromTime,
  timeFromMinutes,
  utcMidnight,
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

  it('accepts dates from 1900-01-01 to 2100-12-31 only', () => {
    expect(isLocalDate('1900-01-01')).toBe(true);
    expect(isLocalDate('2100-12-31')).toBe(true);
    expect(isLocalDate('1899-12-31')).toBe(false);
    expect(isLocalDate('0000-01-01')).toBe(false);
    expect(isLocalDate('2101-01-01')).toBe(false);
    expect(isLocalDate('9999-12-31')).toBe(false);
  });

  it.each([
    ['2026-03-11T03:30:00Z', true],
    ['2026-03-11T03:30:00.123-05:00', true],
    ['2026-03-11T03:30+14:00', true],
    ['1900-01-02T00:00:00Z', true],
    ['2100-12-30T23:59:59Z', true],
    ['0000-01-01T00:00:00Z', false],
    ['1900-01-01T06:00:00Z', false], // 1899-12-31 in Honolulu
    ['2100-12-31T12:00:00Z', false], // 2101-01-01 in Kiritimati (UTC+14)
    ['+275760-09-13T00:00:00Z', false],
    ['2026-02-30T10:00:00Z', false],
    ['2026-03-11T24:00:00Z', false],
    ['2026-03-11T03:30:00', false], // no offset: whose clock?
    ['2026-03-11T03:30:00+15:00', false],
    ['yesterday', false],
  ])('isInstant(%j) is %s', (value, ok) => {
    expect(isInstant(value)).toBe(ok);
  });

  it('puts every accepted instant on an accepted date in the furthest zones', () => {
    for (const at of ['1900-01-02T00:00:00Z', '2100-12-30T23:59:59.999Z']) {
      for (const zone of ['Pacific/Kiritimati', 'Pacific/Pago_Pago', 'Etc/GMT+12', 'Etc/GMT-14']) {
        expect(isLocalDate(localDateAt(new Date(at), zone)), `${at} in ${zone}`).toBe(true);
      }
    }
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

describe('addDays', () => {
  it('agrees with Date on every day from 1900 to 2100, forwards and backwards, and refuses what is not a date', () => {
    for (let ms = Date.UTC(1900, 0, 1); ms <= Date.UTC(2100, 11, 31); ms += 86_400_000) {
      const date = new Date(ms).toISOString().slice(0, 10);
      for (const n of [1, -1, 13, -83, 366]) {
        const want = new Date(ms + n * 86_400_000).toISOString().slice(0, 10);
        if (addDays(date, n) !== want) expect(addDays(date, n)).toBe(want);
      }
    }
    expect(addDays('2000-02-28', 1)).toBe('2000-02-29'); // divisible by 400: a leap year
    expect(addDays('2100-02-28', 1)).toBe('2100-03-01'); // by 100 only: not
    expect(addDays('0001-01-01', 0)).toBe('0001-01-01');
    expect(() => addDays('2026-13-45x', 1)).toThrow(RangeError);
    expect(() => addDays('', 1)).toThrow(RangeError);
  });
});

describe('utcMidnight', () => {
  it('agrees with Date.UTC on every day from 1900 to 2100, and refuses what is not a date', () => {
    for (let ms = Date.UTC(1900, 0, 1); ms <= Date.UTC(2100, 11, 31); ms += 86_400_000) {
      const date = new Date(ms).toISOString().slice(0, 10);
      if (utcMidnight(date) !== ms) expect(utcMidnight(date)).toBe(ms);
    }
    for (const bad of ['2026-3-01', '2026/03/01', '2026-03-0x', '', '20260301', '2026-03-011'])
      expect(utcMidnight(bad)).toBeNaN();
  });
});
