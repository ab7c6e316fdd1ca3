/**
 * Wall-clock times and IANA time zones for the wearable readers. Exports disagree on how they
 * write time: Oura writes an offset (`2024-03-02T06:40:00+01:00`), Fitbit's sleep logs write the
 * person's wall clock with no offset (`2024-03-02T06:40:00.000`), Fitbit's minute steps and
 * Gadgetbridge write UTC. `DeviceSample` wants one form — an instant with the offset of the
 * person's clock at that moment — so naive times are placed in the person's zone and UTC times
 * are shown in it.
 */

// One formatter per zone (building one costs far more than using one).
const offsetFormats = new Map<string, Intl.DateTimeFormat>();
function offsetFormat(timeZone: string): Intl.DateTimeFormat {
  let f = offsetFormats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' });
    offsetFormats.set(timeZone, f);
  }
  return f;
}

// Offsets change at most a few times a year, and always on a quarter hour: remembered per zone
// and UTC quarter hour, a minute sample costs a number-keyed look-up (and usually not even that:
// the last quarter hour asked is kept apart) instead of an Intl call. A zone's map is emptied when
// it grows past a few years of quarter hours.
interface ZoneOffsets {
  lastQuarter: number;
  lastOffset: number;
  byQuarter: Map<number, number>;
}
const offsetsByZone = new Map<string, ZoneOffsets>();
const QUARTER_HOUR = 15 * 60_000;

/** Minutes east of UTC in `timeZone` at `ms`: Europe/Berlin in July → 120. */
export function zoneOffsetMinutes(ms: number, timeZone: string): number {
  const quarter = Math.floor(ms / QUARTER_HOUR);
  let zone = offsetsByZone.get(timeZone);
  if (zone?.lastQuarter === quarter) return zone.lastOffset;
  if (!zone) {
    zone = { lastQuarter: Number.NaN, lastOffset: 0, byQuarter: new Map() };
    offsetsByZone.set(timeZone, zone);
  }
  let minutes = zone.byQuarter.get(quarter);
  if (minutes === undefined) {
    const name = offsetFormat(timeZone)
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName')?.value;
    // 'GMT' alone is UTC; otherwise 'GMT+05:30' / 'GMT-03:00'.
    const m = /^GMT(?:([+-])(\d{2}):(\d{2}))?$/.exec(name ?? '');
    if (!m) throw new RangeError(`cannot read the offset of ${timeZone}`);
    minutes = m[1] ? (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3])) : 0;
    if (zone.byQuarter.size > 200_000) zone.byQuarter.clear();
    zone.byQuarter.set(quarter, minutes);
  }
  zone.lastQuarter = quarter;
  zone.lastOffset = minutes;
  return minutes;
}

const pad = (n: number, width = 2) => String(n).padStart(width, '0');

/** `ms` written as the wall clock of `timeZone` with its offset: `2024-03-02T06:40:00+01:00`. */
export function instantInZone(ms: number, timeZone: string): string {
  return instantWithOffset(ms, zoneOffsetMinutes(ms, timeZone));
}

/** Wall-clock fields, as read from an export. */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
}

/**
 * The instant a wall-clock time names in `timeZone`. In the hour that does not exist when clocks
 * go forward the time is read with the offset from before the change (02:30 → 03:30 summer time);
 * in the hour that happens twice when they go back, the first (summer) one is taken — the same
 * choice as Temporal's default `disambiguation: 'compatible'`.
 */
export function wallClockToMs(clock: WallClock, timeZone: string): number {
  const asUtc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
  const before = zoneOffsetMinutes(asUtc - 86_400_000, timeZone);
  const after = zoneOffsetMinutes(asUtc + 86_400_000, timeZone);
  const fits = [...new Set([before, after])]
    .map((offset) => asUtc - offset * 60_000)
    .filter((ms) => zoneOffsetMinutes(ms, timeZone) * 60_000 === asUtc - ms);
  // Both fit in a repeated hour: the earlier instant. None fits in a skipped hour: the offset
  // from before the change.
  return fits.length > 0 ? Math.min(...fits) : asUtc - before * 60_000;
}

const ISO_OFFSET =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2})(?::(\d{2})(?:\.\d+)?)?(?:(Z)|([+-])(\d{2}):?(\d{2}))?$/;

/**
 * Reads an ISO-8601 date-time. With `Z` or an offset it is that instant (and the offset written
 * is kept); without one it is a wall-clock time in `timeZone`. Returns null for anything else.
 */
export function readIsoTime(text: string, timeZone: string): { ms: number; offsetMinutes: number } | null {
  const m = ISO_OFFSET.exec(text.trim());
  if (!m) return null;
  const clock: WallClock = {
    year: Number(m[1]),
    month: Number(m[2]),
    day: Number(m[3]),
    hour: Number(m[4]),
    minute: Number(m[5]),
    second: Number(m[6] ?? 0),
  };
  if (!validClock(clock)) return null;
  if (m[7] === 'Z' || m[8]) {
    const offsetMinutes = m[8] ? (m[8] === '-' ? -1 : 1) * (Number(m[9]) * 60 + Number(m[10])) : 0;
    if (Math.abs(offsetMinutes) > 14 * 60) return null;
    const utc = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
    return { ms: utc - offsetMinutes * 60_000, offsetMinutes };
  }
  const ms = wallClockToMs(clock, timeZone);
  return { ms, offsetMinutes: zoneOffsetMinutes(ms, timeZone) };
}

/** `ms` with a given offset written out (for exports that state their own offset). */
export function instantWithOffset(ms: number, offsetMinutes: number): string {
  const abs = Math.abs(offsetMinutes);
  const suffix = `${offsetMinutes < 0 ? '-' : '+'}${pad(Math.floor(abs / 60))}:${pad(abs % 60)}`;
  // toISOString is native and fast; its first 19 characters are the wall clock once shifted.
  return (
    new Date(Math.floor((ms + offsetMinutes * 60_000) / 1000) * 1000).toISOString().slice(0, 19) + suffix
  );
}

export function validClock(c: WallClock): boolean {
  if (c.month < 1 || c.month > 12 || c.day < 1 || c.hour > 23 || c.minute > 59 || c.second > 59) return false;
  return c.day <= new Date(Date.UTC(c.year, c.month, 0)).getUTCDate();
}

/** The person's local day `YYYY-MM-DD`, midnight to midnight (23 or 25 hours on a clock change). */
export function localDaySpan(date: string, timeZone: string): { startMs: number; endMs: number } | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  const clock = m
    ? { year: Number(m[1]), month: Number(m[2]), day: Number(m[3]), hour: 0, minute: 0, second: 0 }
    : null;
  if (!clock || !validClock(clock)) return null;
  const next = new Date(Date.UTC(clock.year, clock.month - 1, clock.day + 1));
  return {
    startMs: wallClockToMs(clock, timeZone),
    endMs: wallClockToMs(
      { ...clock, year: next.getUTCFullYear(), month: next.getUTCMonth() + 1, day: next.getUTCDate() },
      timeZone,
    ),
  };
}
