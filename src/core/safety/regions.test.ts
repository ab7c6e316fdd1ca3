import { describe, expect, it } from 'vitest';
import { REGION_DATA } from './crisis-lines.ts';
import { parseAcceptLanguage, regionFromLocales } from './locale.ts';
import { DIRECTORY_FALLBACK, FALLBACK_REGION, REGIONS, regionById } from './regions.ts';
import { supportScreen } from './support.ts';

// Every country issue 14 names: the EU, the EEA, the UK, Switzerland, and the others.
const EU = ['AT', 'BE', 'BG', 'HR', 'CY', 'CZ', 'DK', 'EE', 'FI', 'FR', 'DE', 'GR', 'HU', 'IE'];
const EU2 = ['IT', 'LV', 'LT', 'LU', 'MT', 'NL', 'PL', 'PT', 'RO', 'SK', 'SI', 'ES', 'SE'];
const EEA = ['IS', 'LI', 'NO'];
const OTHERS = ['GB', 'CH', 'US', 'CA', 'MX', 'BR', 'AR', 'IN', 'JP', 'KR', 'SG', 'PH', 'AU', 'NZ', 'ZA'];
const REQUIRED = [...EU, ...EU2, ...EEA, ...OTHERS, 'NG', 'KE'];

describe('regions', () => {
  it('cover every country the issue names, once each, plus the international entry', () => {
    expect(EU.length + EU2.length).toBe(27);
    const ids = REGIONS.map((r) => r.id);
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual([...REQUIRED, FALLBACK_REGION].sort());
  });

  it('give every region an emergency number to dial and at least one crisis line, or mark it as on the fallback', () => {
    for (const r of REGIONS) {
      expect(r.emergency.dial, r.id).toMatch(/^\d{3,}$/);
      expect(r.crisisLines.length, r.id).toBeGreaterThan(0);
      const own = REGION_DATA.find((d) => d.id === r.id)?.crisisLines ?? [];
      if (own.length === 0) expect(r.fallback, `${r.id} has no line of its own`).toBe(true);
      else expect(r.fallback, r.id).toBe(false);
    }
  });

  it('carry a published source and a checked-on date on every number', () => {
    for (const r of REGION_DATA) {
      for (const c of [r.emergency, ...r.crisisLines]) {
        expect(c.source, `${r.id} ${c.name}`).toMatch(/^https?:\/\/\S+\.\S+/);
        expect(c.checked, `${r.id} ${c.name}`).toMatch(/^20\d\d-\d\d-\d\d$/);
        expect(c.hours.trim(), `${r.id} ${c.name}`).not.toBe('');
        if (c.dial) expect(c.dial).toMatch(/^\d+$/);
        if (c.text) expect(c.text).toMatch(/^\d+$/);
      }
    }
  });

  it('keep the directory fallback list explicit, so the report names them', () => {
    expect([...DIRECTORY_FALLBACK].sort()).toEqual(['BG', 'HR', 'CY', 'RO', 'LI', 'KE'].sort());
    for (const id of DIRECTORY_FALLBACK) {
      expect(regionById(id).crisisLines.map((c) => c.url)).toContain('https://findahelpline.com');
    }
  });

  // The numbers themselves, as read on the pages in each entry's `source`.
  it.each([
    ['US', '911', '988'],
    ['GB', '999', '116123'],
    ['IE', '112', '116123'],
    ['CA', '911', '988'],
    ['AU', '000', '131114'],
    ['NZ', '111', '1737'],
    ['DE', '112', '08001110111'],
    ['FR', '112', '3114'],
    ['NL', '112', '113'],
    ['ES', '112', '024'],
    ['IT', '112', '0223272327'],
    ['IN', '112', '14416'],
    ['BR', '192', '188'],
    ['ZA', '112', '0800567567'],
    ['KR', '119', '109'],
    ['CH', '144', '143'],
    ['AT', '112', '142'],
    ['EE', '112', '116123'],
    ['LV', '112', '116123'],
    ['LT', '112', '116123'],
    ['SI', '112', '116123'],
    ['IS', '112', '1717'],
    ['LU', '112', '454545'],
    ['MT', '112', '1579'],
  ])('%s: emergency %s, crisis line %s', (id, emergency, crisis) => {
    const r = regionById(id);
    expect(r.emergency.dial).toBe(emergency);
    expect(r.crisisLines[0]?.dial).toBe(crisis);
  });

  it('shows a texting number as people write it, with the same digits as the sms: link', () => {
    const lifeline = regionById('AU').crisisLines[0];
    expect(lifeline?.text).toBe('0477131114');
    expect(lifeline?.textLabel).toBe('0477 13 11 14');
    for (const r of REGION_DATA) {
      for (const c of r.crisisLines) {
        if (c.textLabel) expect(c.textLabel.replace(/\D/g, ''), `${r.id} ${c.name}`).toBe(c.text);
      }
    }
  });

  it('falls back to the international entry — 112 and the directories — for an unknown or missing region', () => {
    for (const id of ['XX', null, undefined, 'EU']) {
      const r = regionById(id);
      expect(r.id).toBe('INTL');
      expect(r.emergency.dial).toBe('112');
      expect(r.crisisLines[0]?.url).toBe('https://findahelpline.com');
    }
  });
});

describe('default region from the browser locale', () => {
  it.each([
    [['en-US'], 'US'],
    [['en-GB'], 'GB'],
    [['ga-IE', 'en'], 'IE'],
    [['fr-CA'], 'CA'],
    [['en-AU'], 'AU'],
    [['de-DE'], 'DE'],
    [['de-AT'], 'AT'],
    [['pt-PT'], 'PT'],
    [['pt-BR'], 'BR'],
    [['ja-JP'], 'JP'],
    [['en-IN'], 'IN'],
    [['en'], 'INTL'],
    [['de'], 'INTL'],
    [['en', 'en-IE'], 'IE'],
    [['not a locale', 'en-NZ'], 'NZ'],
    [['zh-CN', 'en-ZA'], 'ZA'],
    [[], 'INTL'],
  ])('%j → %s', (locales, region) => {
    expect(regionFromLocales(locales)).toBe(region);
  });

  it('never leaves a country-less locale without a number: "en" and "de" get 112', () => {
    expect(regionById(regionFromLocales(['en'])).emergency.dial).toBe('112');
    expect(regionById(regionFromLocales(['de'])).emergency.dial).toBe('112');
  });

  it('reads the Accept-Language header in quality order', () => {
    expect(parseAcceptLanguage('en;q=0.5,en-IE,fr-FR;q=0.8')).toEqual(['en-IE', 'fr-FR', 'en']);
    expect(regionFromLocales(parseAcceptLanguage('en;q=0.9,en-AU;q=0.8'))).toBe('AU');
    expect(parseAcceptLanguage(undefined)).toEqual([]);
    expect(parseAcceptLanguage('*, en-GB;q=0')).toEqual([]);
  });
});

describe('the support screen', () => {
  const item9 = { code: 'phq9_item9', level: 'urgent', message: 'm' } as const;
  const severe = { code: 'gad7_severe', level: 'professional', message: 'm' } as const;
  const diary = { code: 'low_mood_pattern', level: 'professional', message: 'm' } as const;
  const mention = { code: 'gad7_moderate', level: 'mention', message: 'm' } as const;

  it('always carries the region’s numbers and the five kinds of professional help', () => {
    const s = supportScreen([item9], 'AU');
    expect(s.region.emergency.number).toBe('000');
    expect(s.professionals.map((p) => p.id)).toEqual([
      'general_practitioner',
      'psychiatrist',
      'psychologist',
      'nutrition_professional',
      'integrative_doctor',
    ]);
  });

  it('is the crisis screen for anything urgent, the professional screen otherwise, the diary prompt alone', () => {
    expect(supportScreen([severe, item9], 'GB').kind).toBe('urgent');
    expect(supportScreen([severe, diary], 'GB').kind).toBe('professional');
    const pro = supportScreen([severe, mention], 'GB');
    expect(pro.kind).toBe('professional');
    expect(pro.firstStep).toMatch(/GP/);
    expect(pro.triggers.map((t) => t.code)).toEqual(['gad7_severe']);
    expect(supportScreen([diary], null).kind).toBe('diary');
  });

  it('only the diary prompt is dismissible, and not once its snooze is used', () => {
    expect(supportScreen([item9], 'US').dismissible).toBe(false);
    expect(supportScreen([severe], 'US').dismissible).toBe(false);
    expect(supportScreen([diary], null).dismissible).toBe(true);
    expect(supportScreen([diary], null, { snoozeAvailable: false }).dismissible).toBe(false);
  });

  it('refuses to build a screen from nothing, or from a mention alone', () => {
    expect(() => supportScreen([], 'US')).toThrow();
    expect(() => supportScreen([mention], 'US')).toThrow();
  });
});
