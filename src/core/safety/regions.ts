/**
 * Regions and the numbers the support screen shows: a crisis line and the emergency number, each
 * with the page it was checked against. This is data reviewed like code: change a number only
 * with its source, and bump `reviewed`. A region without a free national crisis line says so and
 * points to a directory rather than inventing one.
 *
 * @example regionById('IE').emergency.number // '112 or 999'
 */

export type RegionId = 'US' | 'GB' | 'IE' | 'CA' | 'AU' | 'NZ' | 'EU' | 'INTL';

export interface Contact {
  name: string;
  /** How to reach it, as people would write it ("116 123", "Call or text 988"). */
  number: string;
  /** Digits for a `tel:` link, when there is a single number to dial. */
  dial?: string;
  /** Text-message alternative, when there is one. */
  text?: string;
  detail: string;
  url?: string;
}

export interface Region {
  id: RegionId;
  name: string;
  emergency: Contact;
  crisisLines: readonly Contact[];
  sources: readonly string[];
  /** When a person last checked these numbers against the sources (YYYY-MM-DD). */
  reviewed: string;
}

const REVIEWED = '2026-11-23';

export const REGIONS: readonly Region[] = [
  {
    id: 'US',
    name: 'United States',
    emergency: { name: 'Emergency services', number: '911', dial: '911', detail: 'Police, fire, ambulance.' },
    crisisLines: [
      {
        name: '988 Suicide & Crisis Lifeline',
        number: 'Call or text 988',
        dial: '988',
        text: '988',
        detail: 'Free and confidential, 24/7. Chat at 988lifeline.org.',
        url: 'https://988lifeline.org',
      },
    ],
    sources: ['https://988lifeline.org', 'https://www.911.gov'],
    reviewed: REVIEWED,
  },
  {
    id: 'GB',
    name: 'United Kingdom',
    emergency: {
      name: 'Emergency services',
      number: '999',
      dial: '999',
      detail: '112 also works. For urgent mental health help that is not an emergency, call NHS 111.',
    },
    crisisLines: [
      {
        name: 'Samaritans',
        number: '116 123',
        dial: '116123',
        detail: 'Free to call, 24 hours a day, 365 days a year.',
        url: 'https://www.samaritans.org',
      },
      {
        name: 'Shout',
        number: 'Text SHOUT to 85258',
        text: '85258',
        detail: 'Free, confidential text support, 24/7.',
        url: 'https://giveusashout.org',
      },
    ],
    sources: [
      'https://www.samaritans.org/how-we-can-help/contact-samaritan/',
      'https://www.nhs.uk/nhs-services/mental-health-services/where-to-get-urgent-help-for-mental-health/',
    ],
    reviewed: REVIEWED,
  },
  {
    id: 'IE',
    name: 'Ireland',
    emergency: {
      name: 'Emergency services',
      number: '112 or 999',
      dial: '112',
      detail: 'Gardaí, ambulance, fire.',
    },
    crisisLines: [
      {
        name: 'Samaritans',
        number: '116 123',
        dial: '116123',
        detail: 'Free to call, 24 hours a day, 365 days a year.',
        url: 'https://www.samaritans.org/ireland/',
      },
      {
        name: 'Pieta',
        number: '1800 247 247',
        dial: '1800247247',
        text: '51444',
        detail: 'Free suicide and self-harm helpline, 24/7; or text HELP to 51444.',
        url: 'https://www.pieta.ie',
      },
    ],
    sources: [
      'https://www2.hse.ie/mental-health/',
      'https://www.samaritans.org/ireland/',
      'https://www.pieta.ie',
    ],
    reviewed: REVIEWED,
  },
  {
    id: 'CA',
    name: 'Canada',
    emergency: { name: 'Emergency services', number: '911', dial: '911', detail: 'Police, fire, ambulance.' },
    crisisLines: [
      {
        name: '9-8-8 Suicide Crisis Helpline',
        number: 'Call or text 9-8-8',
        dial: '988',
        text: '988',
        detail: 'Free, 24/7, in English and French.',
        url: 'https://988.ca',
      },
    ],
    sources: ['https://988.ca'],
    reviewed: REVIEWED,
  },
  {
    id: 'AU',
    name: 'Australia',
    emergency: {
      name: 'Emergency services',
      number: '000',
      dial: '000',
      detail: 'Triple Zero: police, fire, ambulance.',
    },
    crisisLines: [
      {
        name: 'Lifeline',
        number: '13 11 14',
        dial: '131114',
        text: '0477131114',
        detail: '24/7 crisis support; text 0477 13 11 14.',
        url: 'https://www.lifeline.org.au',
      },
    ],
    sources: ['https://www.lifeline.org.au', 'https://www.triplezero.gov.au'],
    reviewed: REVIEWED,
  },
  {
    id: 'NZ',
    name: 'New Zealand',
    emergency: { name: 'Emergency services', number: '111', dial: '111', detail: 'Police, fire, ambulance.' },
    crisisLines: [
      {
        name: '1737, Need to talk?',
        number: 'Call or text 1737',
        dial: '1737',
        text: '1737',
        detail: 'Free, 24/7, answered by trained counsellors.',
        url: 'https://1737.org.nz',
      },
    ],
    sources: ['https://1737.org.nz'],
    reviewed: REVIEWED,
  },
  {
    id: 'EU',
    name: 'European Union (other countries)',
    emergency: {
      name: 'European emergency number',
      number: '112',
      dial: '112',
      detail: 'Free from any phone in every EU country.',
    },
    crisisLines: [
      {
        name: 'Emotional support helpline',
        number: '116 123',
        dial: '116123',
        detail:
          '116 123 is the EU-wide number reserved for emotional support lines; it is answered in many, not all, EU countries. If it does not connect, find your country’s line at findahelpline.com.',
        url: 'https://digital-strategy.ec.europa.eu/en/policies/116-helplines',
      },
    ],
    sources: [
      'https://digital-strategy.ec.europa.eu/en/policies/112',
      'https://digital-strategy.ec.europa.eu/en/policies/116-helplines',
    ],
    reviewed: REVIEWED,
  },
  {
    id: 'INTL',
    name: 'Another country',
    emergency: {
      name: 'Local emergency number',
      number: 'Your local emergency number',
      detail: 'On a mobile phone, 112 connects to emergency services in many countries.',
    },
    crisisLines: [
      {
        name: 'Find A Helpline',
        number: 'findahelpline.com',
        detail: 'A directory of free, confidential crisis lines in over 130 countries.',
        url: 'https://findahelpline.com',
      },
      {
        name: 'IASP crisis centres',
        number: 'iasp.info',
        detail: 'The International Association for Suicide Prevention’s list of crisis centres.',
        url: 'https://www.iasp.info/crisis-centres-helplines/',
      },
    ],
    sources: ['https://findahelpline.com', 'https://www.iasp.info/crisis-centres-helplines/'],
    reviewed: REVIEWED,
  },
];

export const REGION_IDS = REGIONS.map((r) => r.id) as readonly RegionId[];
export const FALLBACK_REGION: RegionId = 'INTL';

export function isRegionId(value: unknown): value is RegionId {
  return typeof value === 'string' && (REGION_IDS as readonly string[]).includes(value);
}

/** The region's data; an unknown or missing id gets the international fallback, never nothing. */
export function regionById(id: string | null | undefined): Region {
  return REGIONS.find((r) => r.id === id) ?? (REGIONS.find((r) => r.id === FALLBACK_REGION) as Region);
}
