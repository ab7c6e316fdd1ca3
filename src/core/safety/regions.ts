/**
 * Regions as the support screen uses them: the country's emergency number and crisis lines (from
 * crisis-lines.ts, the only place numbers live), or — for a country on the directory fallback and
 * for "another country" — the emergency number plus the international directories. No region is
 * ever without a number to call.
 *
 * @example regionById('IE').emergency.number // '112 or 999'
 */
import { type ContactData, DIRECTORIES, REGION_DATA } from './crisis-lines.ts';

export type Contact = ContactData;
export type RegionId = string;

export interface Region {
  id: RegionId;
  name: string;
  emergency: Contact;
  /** Never empty: a fallback region lists the international directories. */
  crisisLines: readonly Contact[];
  /** No national crisis line could be confirmed from a published source. */
  fallback: boolean;
  /** Every page the numbers were read from. */
  sources: readonly string[];
  /** The latest date a number here was checked (YYYY-MM-DD). */
  reviewed: string;
}

export const FALLBACK_REGION: RegionId = 'INTL';

export const REGIONS: readonly Region[] = REGION_DATA.map((r) => {
  const crisisLines = r.crisisLines.length > 0 ? r.crisisLines : DIRECTORIES;
  const contacts = [r.emergency, ...crisisLines];
  return {
    id: r.id,
    name: r.name,
    emergency: r.emergency,
    crisisLines,
    fallback: r.fallback === true,
    sources: [...new Set(contacts.map((c) => c.source))],
    reviewed:
      contacts
        .map((c) => c.checked)
        .sort()
        .at(-1) ?? '',
  };
});

export const REGION_IDS: readonly RegionId[] = REGIONS.map((r) => r.id);

/** Countries on the directory fallback (their emergency number and the directories, no own line). */
export const DIRECTORY_FALLBACK: readonly RegionId[] = REGIONS.filter(
  (r) => r.fallback && r.id !== FALLBACK_REGION,
).map((r) => r.id);

export function isRegionId(value: unknown): value is RegionId {
  return typeof value === 'string' && REGION_IDS.includes(value);
}

/** The region's data; an unknown or missing id gets the international fallback, never nothing. */
export function regionById(id: string | null | undefined): Region {
  return REGIONS.find((r) => r.id === id) ?? (REGIONS.find((r) => r.id === FALLBACK_REGION) as Region);
}
