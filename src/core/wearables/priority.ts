/**
 * Which origin counts when two recorded the same minutes or the same night. The person may set an
 * order (Data & sharing → Devices); origins they have not placed follow the default: a watch or
 * ring first (worn all day and night, it sees the most), then other apps, then the phone (left on
 * a desk, it misses steps, and its "in bed" comes from a bedtime schedule, not from sleep).
 */

/** The person's order of origins (names as the export writes them), highest priority first. */
export type OriginPriority = readonly string[];

export interface OriginSeen {
  name: string;
  devices: readonly string[];
}

const WORN = /watch|ring|oura|fitbit|band|garmin|whoop|gadgetbridge|amazfit|mi ?band/i;
const PHONE = /iphone|phone|android/i;

/** 0 for a watch or ring, 1 for another app, 2 for a phone. */
export function defaultRank(origin: OriginSeen): number {
  const text = `${origin.name} ${origin.devices.join(' ')}`;
  if (PHONE.test(origin.devices.join(' ')) && !WORN.test(origin.devices.join(' '))) return 2;
  if (WORN.test(text)) return 0;
  if (PHONE.test(text)) return 2;
  return 1;
}

/** The origins' names, highest priority first: the person's order, then the default, then by name. */
export function rankOrigins(origins: readonly OriginSeen[], priority: OriginPriority = []): string[] {
  const placed = new Map(priority.map((name, i) => [name, i]));
  const key = (o: OriginSeen) => placed.get(o.name) ?? priority.length + defaultRank(o);
  return [...origins]
    .sort((a, b) => key(a) - key(b) || (a.name < b.name ? -1 : a.name > b.name ? 1 : 0))
    .map((o) => o.name);
}
