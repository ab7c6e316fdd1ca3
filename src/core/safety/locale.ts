/**
 * The default region from the browser's languages (`navigator.languages`, or the
 * Accept-Language header): the first locale that names a country we have numbers for. Only an
 * explicit country counts — "en" or "de" alone could be anywhere, so they fall back to the
 * international entry (the picker first, then 112 and the directories) rather than a guess.
 *
 * @example regionFromLocales(['ga-IE', 'en']) // 'IE'
 */
import { FALLBACK_REGION, isRegionId, type RegionId } from './regions.ts';

function countryOf(locale: string): string | undefined {
  try {
    return new Intl.Locale(locale.trim()).region?.toUpperCase();
  } catch {
    return undefined;
  }
}

/** The region for a country code, or undefined when we have no entry for it. */
export function regionForCountry(country: string): RegionId | undefined {
  const c = country.toUpperCase();
  return c !== FALLBACK_REGION && isRegionId(c) ? c : undefined;
}

/** First locale with a known country decides; none → the international fallback. */
export function regionFromLocales(locales: readonly string[]): RegionId {
  for (const locale of locales) {
    const country = countryOf(locale);
    const region = country ? regionForCountry(country) : undefined;
    if (region) return region;
  }
  return FALLBACK_REGION;
}

/** `en-IE,en;q=0.9,ga;q=0.8` → ['en-IE', 'en', 'ga'], ordered by quality. */
export function parseAcceptLanguage(header: string | undefined): string[] {
  if (!header) return [];
  return header
    .split(',')
    .slice(0, 20)
    .map((part, index) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { tag: tag.trim(), quality: Number.isFinite(quality) ? quality : 0, index };
    })
    .filter((l) => l.tag && l.tag !== '*' && l.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
    .map((l) => l.tag);
}
