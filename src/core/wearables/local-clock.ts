/**
 * The person's wall clock for any instant: the offset of their IANA time zone at that moment,
 * worked out once per UTC hour (zone changes fall on whole hours) and then remembered, since an
 * export holds millions of instants and Intl is slow per call.
 */

export const MINUTE_MS = 60_000;
export const DAY_MS = 86_400_000;

/** Returns `instant → local milliseconds` (the instant plus the zone's offset then). */
export function localClock(timeZone: string): (instantMs: number) => number {
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
  });
  const offsets = new Map<number, number>();
  const offsetAt = (hour: number) => {
    const at = hour * 3_600_000;
    const parts: Record<string, number> = {};
    for (const p of format.formatToParts(new Date(at))) parts[p.type] = Number(p.value);
    const wall = Date.UTC(
      parts.year ?? 1970,
      (parts.month ?? 1) - 1,
      parts.day ?? 1,
      parts.hour ?? 0,
      parts.minute ?? 0,
    );
    return wall - at;
  };
  return (instantMs) => {
    const hour = Math.floor(instantMs / 3_600_000);
    let offset = offsets.get(hour);
    if (offset === undefined) {
      offset = offsetAt(hour);
      offsets.set(hour, offset);
    }
    return instantMs + offset;
  };
}

/** Day number (days since 1970-01-01) → "YYYY-MM-DD". */
export function dateOfDay(day: number): string {
  return new Date(day * DAY_MS).toISOString().slice(0, 10);
}

/** "YYYY-MM-DD" → day number. */
export function dayOfDate(date: string): number {
  return Math.floor(Date.parse(`${date}T00:00:00Z`) / DAY_MS);
}
