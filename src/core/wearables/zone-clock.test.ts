// Reference instants from the IANA rules for Europe/Berlin (EU summer time: clocks go forward at
// 01:00 UTC on the last Sunday of March and back at 01:00 UTC on the last Sunday of October) and
// for Asia/Kolkata (UTC+05:30, no summer time).
import { describe, expect, it } from 'vitest';
import { instantInZone, readIsoTime, wallClockToMs, zoneOffsetMinutes } from './zone-clock.ts';

const clock = (y: number, mo: number, d: number, h: number, mi: number) => ({
  year: y,
  month: mo,
  day: d,
  hour: h,
  minute: mi,
  second: 0,
});

describe('zone clock', () => {
  it('gives the offset in force', () => {
    expect(zoneOffsetMinutes(Date.UTC(2024, 0, 15), 'Europe/Berlin')).toBe(60);
    expect(zoneOffsetMinutes(Date.UTC(2024, 6, 15), 'Europe/Berlin')).toBe(120);
    expect(zoneOffsetMinutes(Date.UTC(2024, 6, 15), 'Asia/Kolkata')).toBe(330);
    expect(zoneOffsetMinutes(Date.UTC(2024, 6, 15), 'America/New_York')).toBe(-240);
  });

  it('writes an instant on the local clock with its offset', () => {
    expect(instantInZone(Date.UTC(2024, 2, 1, 23, 0), 'Europe/Berlin')).toBe('2024-03-02T00:00:00+01:00');
    expect(instantInZone(Date.UTC(2024, 2, 1, 23, 0), 'Asia/Kolkata')).toBe('2024-03-02T04:30:00+05:30');
    expect(instantInZone(Date.UTC(2024, 2, 1, 3, 0), 'America/New_York')).toBe('2024-02-29T22:00:00-05:00');
  });

  it('places a wall-clock time in the zone, across both clock changes', () => {
    expect(wallClockToMs(clock(2024, 3, 2, 6, 40), 'Europe/Berlin')).toBe(Date.UTC(2024, 2, 2, 5, 40));
    // 02:30 on 31 March 2024 does not exist in Berlin: read with the winter offset → 03:30 summer time.
    expect(wallClockToMs(clock(2024, 3, 31, 2, 30), 'Europe/Berlin')).toBe(Date.UTC(2024, 2, 31, 1, 30));
    // 02:30 on 27 October 2024 happens twice: the first, still summer time (+02:00).
    expect(wallClockToMs(clock(2024, 10, 27, 2, 30), 'Europe/Berlin')).toBe(Date.UTC(2024, 9, 27, 0, 30));
  });

  it('keeps an offset the export wrote and reads a naive time on the person’s clock', () => {
    expect(readIsoTime('2024-03-02T06:40:00+01:00', 'Asia/Kolkata')).toEqual({
      ms: Date.UTC(2024, 2, 2, 5, 40),
      offsetMinutes: 60,
    });
    expect(readIsoTime('2024-03-02T06:40:00.000', 'Europe/Berlin')).toEqual({
      ms: Date.UTC(2024, 2, 2, 5, 40),
      offsetMinutes: 60,
    });
    expect(readIsoTime('2024-03-02T06:40:00Z', 'Europe/Berlin')?.offsetMinutes).toBe(0);
    expect(readIsoTime('2024-02-30T06:40:00', 'Europe/Berlin')).toBeNull();
    expect(readIsoTime('yesterday', 'Europe/Berlin')).toBeNull();
  });
});
