import { describe, expect, it } from 'vitest';
import { parseAcceptLanguage, regionFromLocales } from './locale.ts';
import { REGIONS, regionById } from './regions.ts';
import { supportScreen } from './support.ts';

describe('regions', () => {
  it('cover the required places, each with an emergency number, a crisis line and a source', () => {
    expect(REGIONS.map((r) => r.id)).toEqual(
      expect.arrayContaining(['US', 'GB', 'IE', 'CA', 'AU', 'EU', 'INTL']),
    );
    for (const r of REGIONS) {
      expect(r.emergency.number).not.toBe('');
      expect(r.crisisLines.length).toBeGreaterThan(0);
      expect(r.sources.length).toBeGreaterThan(0);
      for (const s of r.sources) expect(s).toMatch(/^https:\/\//);
      expect(r.reviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    }
  });

  // The numbers themselves, as published by the services (see each region's sources).
  it.each([
    ['US', '911', '988'],
    ['GB', '999', '116123'],
    ['IE', '112', '116123'],
    ['CA', '911', '988'],
    ['AU', '000', '131114'],
    ['NZ', '111', '1737'],
    ['EU', '112', '116123'],
  ])('%s: emergency %s, crisis line %s', (id, emergency, crisis) => {
    const r = regionById(id);
    expect(r.emergency.dial).toBe(emergency);
    expect(r.crisisLines[0]?.dial).toBe(crisis);
  });

  it('falls back to the international entry for an unknown or missing region', () => {
    expect(regionById('XX').id).toBe('INTL');
    expect(regionById(null).id).toBe('INTL');
    expect(regionById('INTL').crisisLines[0]?.url).toBe('https://findahelpline.com');
  });
});

describe('default region from the browser locale', () => {
  it.each([
    [['en-US'], 'US'],
    [['en-GB'], 'GB'],
    [['ga-IE', 'en'], 'IE'],
    [['fr-CA'], 'CA'],
    [['en-AU'], 'AU'],
    [['de-DE'], 'EU'],
    [['pt-PT'], 'EU'],
    [['en'], 'INTL'],
    [['ja-JP'], 'INTL'],
    [['en', 'en-IE'], 'IE'],
    [['not a locale', 'en-NZ'], 'NZ'],
    [[], 'INTL'],
  ])('%j → %s', (locales, region) => {
    expect(regionFromLocales(locales)).toBe(region);
  });

  it('reads the Accept-Language header in quality order', () => {
    expect(parseAcceptLanguage('en;q=0.5,en-IE,fr-FR;q=0.8')).toEqual(['en-IE', 'fr-FR', 'en']);
    expect(regionFromLocales(parseAcceptLanguage('en;q=0.9,en-AU;q=0.8'))).toBe('AU');
    expect(parseAcceptLanguage(undefined)).toEqual([]);
    expect(parseAcceptLanguage('*, en-GB;q=0')).toEqual([]);
  });
});

describe('the support screen', () => {
  it('always carries the region’s numbers and the five kinds of professional help', () => {
    const s = supportScreen([{ code: 'phq9_item9', message: 'm' }], 'AU');
    expect(s.region.emergency.number).toBe('000');
    expect(s.professionals.map((p) => p.id)).toEqual([
      'general_practitioner',
      'psychiatrist',
      'psychologist',
      'nutrition_professional',
      'integrative_doctor',
    ]);
    expect(s.dismissible).toBe(false);
    expect(supportScreen([{ code: 'low_mood_pattern', message: 'm' }], null).dismissible).toBe(true);
    expect(() => supportScreen([], 'US')).toThrow();
  });
});
