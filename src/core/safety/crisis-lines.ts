/**
 * Every phone number Gutbrain shows, region by region — the ONLY file in the code base that may
 * hold one (src/core/safety/crisis-lines.test.ts scans the rest). Data reviewed like code: each
 * number carries the published page it was read from and the date it was checked; none is
 * guessed. A country whose crisis line could not be confirmed from a readable published source
 * is on the directory fallback (`fallback: true`): its emergency number plus the international
 * directories, never an invented line.
 *
 * To change a number: read it on a published page (the service's own site, a health ministry, a
 * national newspaper), put that address in `source` and today's date in `checked`.
 */

/** One way to reach help, as published. */
export interface ContactData {
  name: string;
  /** As people would write it ("116 123", "Call or text 988"). */
  number: string;
  /** Digits for a `tel:` link, when there is one number to dial. */
  dial?: string;
  /** Digits for an `sms:` link, when texting is offered. */
  text?: string;
  /** The texting number as people write it ("0477 13 11 14"), when it differs from `text`. */
  textLabel?: string;
  /** When it answers, in the source's words ("24 hours, every day"). */
  hours: string;
  /** Cost and anything else worth knowing before calling. */
  detail: string;
  /** The service's own site, for chat and more. */
  url?: string;
  /** The published page this number was read from. */
  source: string;
  /** When it was read there (YYYY-MM-DD). */
  checked: string;
}

export interface RegionData {
  id: string;
  name: string;
  emergency: ContactData;
  /** Crisis lines, most relevant first. Empty only for the fallback entries. */
  crisisLines: readonly ContactData[];
  /** True when no crisis line could be confirmed: the directories stand in for it. */
  fallback?: boolean;
}

const CHECKED = '2026-12-06';

// Sources shared by many entries.
// The Hungarian government's 112 site, on 112 across the EU and on GSM networks worldwide.
const EU_112 = 'https://www.112.hu/en/112_in_the_EU';
// A telecom operator's country-by-country dialling table, for emergency numbers without a better page.
const DIDWW = 'https://doc.didww.com/voice/emergency-calling/supported-emergency-numbers.html';
const US_988 =
  'https://health.wyo.gov/publichealth/prevention/wivpp/suicide-prevention/988-suicide-crisis-lifeline';

/** 112 in an EU member state: free from any fixed or mobile phone (EU rules since 1998). */
const eu112 = (detail = 'Police, fire, ambulance. Free from any phone.'): ContactData => ({
  name: 'European emergency number',
  number: '112',
  dial: '112',
  hours: '24 hours, every day',
  detail,
  source: EU_112,
  checked: CHECKED,
});

/** Where there is no confirmed national line: the directories of crisis lines worldwide. */
export const DIRECTORIES: readonly ContactData[] = [
  {
    name: 'Find A Helpline',
    number: 'findahelpline.com',
    hours: 'Directory, any time',
    detail: 'A directory of free, confidential crisis lines, searchable by country.',
    url: 'https://findahelpline.com',
    source: 'https://findahelpline.com',
    checked: CHECKED,
  },
  {
    name: 'IASP crisis centres',
    number: 'iasp.info',
    hours: 'Directory, any time',
    detail: 'The International Association for Suicide Prevention’s list of crisis centres.',
    url: 'https://www.iasp.info/crisis-centres-helplines/',
    source: 'https://www.iasp.info/crisis-centres-helplines/',
    checked: CHECKED,
  },
];

/** An EU or EEA country whose own crisis line could not be confirmed from a readable source. */
const euFallback = (id: string, name: string): RegionData => ({
  id,
  name,
  emergency: eu112(),
  crisisLines: [],
  fallback: true,
});

export const REGION_DATA: readonly RegionData[] = [
  // — European Union —
  {
    id: 'AT',
    name: 'Austria',
    emergency: { ...eu112('Police, fire, ambulance. Ambulance also on 144.'), source: DIDWW },
    crisisLines: [
      {
        name: 'Telefonseelsorge',
        number: '142',
        dial: '142',
        hours: '24 hours, every day',
        detail: 'Free and anonymous, from any phone in Austria. Also online chat.',
        url: 'https://www.telefonseelsorge.at',
        source: 'https://www.katholisch.at/telefonseelsorge',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'BE',
    name: 'Belgium',
    emergency: eu112(),
    crisisLines: [
      {
        name: 'Zelfmoordlijn 1813',
        number: '1813',
        dial: '1813',
        hours: '24 hours, every day',
        detail: 'Free and anonymous, in Dutch; chat every evening 17:00 to midnight at zelfmoord1813.be.',
        url: 'https://www.zelfmoord1813.be',
        source: 'https://www.hbvl.be/cnt/dmf20211130_93272468',
        checked: CHECKED,
      },
      {
        name: 'Tele-Onthaal',
        number: '106',
        dial: '106',
        hours: 'Day and night',
        detail: 'Free and anonymous listening line, in Dutch; chat at tele-onthaal.be.',
        url: 'https://www.tele-onthaal.be',
        source:
          'https://weekend.knack.be/lifestyle/maatschappij/tele-onthaal-kreeg-recordaantal-oproepen-in-2020/article-news-1678571.html',
        checked: CHECKED,
      },
    ],
  },
  euFallback('BG', 'Bulgaria'),
  euFallback('HR', 'Croatia'),
  euFallback('CY', 'Cyprus'),
  {
    id: 'CZ',
    name: 'Czechia',
    emergency: eu112(),
    crisisLines: [
      {
        name: 'Linka první psychické pomoci',
        number: '116 123',
        dial: '116123',
        hours: 'Non-stop (it has had to pause at some weekends for lack of funds)',
        detail: 'Free crisis line for adults in distress and the people close to them.',
        source:
          'https://www.irozhlas.cz/zpravy-domov/bezplatna-linka-psychicke-pomoci-omezuje-provoz-prosinec-je-pritom_2412080600_job',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'DK',
    name: 'Denmark',
    emergency: eu112(),
    crisisLines: [
      {
        name: 'Livslinien',
        number: '70 201 201',
        dial: '70201201',
        hours: 'Not round the clock: see livslinien.dk for today’s hours',
        detail: 'Anonymous support for people with thoughts of suicide; also online at livslinien.dk.',
        url: 'https://www.livslinien.dk',
        source:
          'https://cphpost.dk/2015-10-26/news/suicide-prevention-lifeline-gets-funding-to-stay-open-at-night/',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'EE',
    name: 'Estonia',
    emergency: eu112(),
    crisisLines: [
      {
        name: 'Emotsionaalse toe ja hingehoiu telefon',
        number: '116 123',
        dial: '116123',
        hours: 'Counsellors every day 10:00 to midnight; pastoral listeners 16:00 to midnight',
        detail: 'Free, in Estonian, Russian and English. Run by the Social Insurance Board.',
        source:
          'https://www.sotsiaalkindlustusamet.ee/uudised/vaimse-tervise-tugiliini-teenust-pakub-nuud-emotsionaalse-toe-ja-hingehoiu-telefon-116-123',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'FI',
    name: 'Finland',
    emergency: eu112(),
    crisisLines: [
      {
        name: 'MIELI Crisis Helpline (in Finnish)',
        number: '09 2525 0111',
        dial: '0925250111',
        hours: '24 hours, every day',
        detail: 'Normal call charges. Lines in Swedish, English and other languages at set times.',
        url: 'https://mieli.fi',
        source: 'https://mentalhealth.fi/where-to-go-in-an-emergency',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'FR',
    name: 'France',
    emergency: {
      ...eu112('Police, fire, ambulance. Medical emergencies also on 15 (SAMU). All free.'),
      source: 'https://sdis45.com/index.php/en-pratique/une-urgence-quel-numero',
    },
    crisisLines: [
      {
        name: '3114 — numéro national de prévention du suicide',
        number: '3114',
        dial: '3114',
        hours: '24 hours, every day',
        detail: 'Free, answered by health professionals, in mainland France and overseas.',
        url: 'https://3114.fr',
        source: 'https://www.service-public.fr/particuliers/actualites/A15206',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'DE',
    name: 'Germany',
    emergency: {
      ...eu112('Fire and ambulance; police on 110. Both free from any phone, mobiles too.'),
      source: 'http://www.baden-baden.de/buergerservice/notlagen/unfaelle/feuerwehr-und-polizei/',
    },
    crisisLines: [
      {
        name: 'TelefonSeelsorge',
        number: '0800 111 0 111',
        dial: '08001110111',
        hours: '24 hours, every day',
        detail: 'Free and anonymous; also 0800 111 0 222. Chat and mail at telefonseelsorge.de.',
        url: 'https://www.telefonseelsorge.de',
        source: 'https://www.domradio.de/artikel/telefonseelsorge-jetzt-unter-oekumenischem-dachverband',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'GR',
    name: 'Greece',
    emergency: eu112(),
    crisisLines: [
      {
        name: 'Klimaka suicide prevention line',
        number: '1018',
        dial: '1018',
        hours: 'Around the clock',
        detail: 'Run by the NGO Klimaka, for people in crisis.',
        url: 'https://www.klimaka.org.gr',
        source:
          'https://www.reader.gr/ygeia/pagkosmia-imera-psyhikis-ygeias-oles-oi-tilefonikes-grammes-kai-oi-foreis-poy-prosferoyn-dorean/618464',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'HU',
    name: 'Hungary',
    emergency: eu112(),
    crisisLines: [
      {
        name: 'Lelki Elsősegély Telefonszolgálat',
        number: '116 123',
        dial: '116123',
        hours: '24 hours, every day',
        detail: 'Free emotional first-aid line.',
        source:
          'https://gondola.hu/hirek/248389-Iden_is_korulbelul_170_ezer_hivast_fogadott_a_lelkielsosegely-szolgalat.html',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'IE',
    name: 'Ireland',
    emergency: {
      name: 'Emergency services',
      number: '112 or 999',
      dial: '112',
      hours: '24 hours, every day',
      detail: 'Gardaí, ambulance, fire, coast guard. Both numbers are free to call.',
      source: 'https://www2.hse.ie/emergencies/when-to-call-112-or-999/',
      checked: CHECKED,
    },
    crisisLines: [
      {
        name: 'Samaritans',
        number: '116 123',
        dial: '116123',
        hours: '24 hours, every day',
        detail: 'Freephone, staffed all year round.',
        url: 'https://www.samaritans.org/ireland/',
        source:
          'https://www.irishtimes.com/news/samaritans-freephone-helpline-will-save-lives-says-lynch-1.526624',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'IT',
    name: 'Italy',
    emergency: eu112(),
    crisisLines: [
      {
        name: 'Telefono Amico Italia',
        number: '02 2327 2327',
        dial: '0223272327',
        hours: 'Usually 10:00 to midnight',
        detail: 'Listening line run by volunteers; the cost of a normal call. WhatsApp at telefonoamico.it.',
        url: 'https://www.telefonoamico.it',
        source: 'https://www.tpi.it/news/solo-a-natale-telefono-amico-20211215850521/',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'LV',
    name: 'Latvia',
    emergency: eu112(),
    crisisLines: [
      {
        name: 'Crisis line 116 123',
        number: '116 123',
        dial: '116123',
        hours: '24 hours a day',
        detail: 'Free, in Latvian, Russian and English; can also book free sessions with a psychologist.',
        source: 'https://www.vmnvd.gov.lv/en/toll-free-unified-crisis-line-116123',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'LT',
    name: 'Lithuania',
    emergency: eu112(),
    crisisLines: [
      {
        name: 'Vilties linija (for adults)',
        number: '116 123',
        dial: '116123',
        hours: 'Around the clock',
        detail: 'Free emotional support for adults.',
        source: 'https://sc.bns.lt/view/item/pasikeite-dvieju-pagalbos-telefonu-numeriai-108766',
        checked: CHECKED,
      },
      {
        name: 'Jaunimo linija (ages 16–35)',
        number: '0 800 28888',
        dial: '080028888',
        hours: 'Around the clock',
        detail: 'Free, run by trained volunteers; chat every day 13:00 to 01:00 at jaunimolinija.lt.',
        url: 'https://www.jaunimolinija.lt',
        source:
          'https://www.lrytas.lt/gyvenimo-budas/psichologija/2025/09/03/news/-jaunimo-linija-plecia-pagalbos-internetu-laika-galima-kreiptis-ir-po-vidurnakcio-39363780/',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'LU',
    name: 'Luxembourg',
    emergency: eu112(),
    crisisLines: [
      {
        name: 'SOS Détresse – Hëllef iwwer Telefon',
        number: '45 45 45',
        dial: '454545',
        hours: 'Hours not stated by the source',
        detail:
          'Anonymous listening for adults, in Luxembourgish, German, French and English; also mail and chat.',
        url: 'https://www.sos-detresse.lu',
        source:
          'https://www.wort.lu/fr/luxembourg/sos-detresse-45-ans-d-ecoute-et-d-aide-au-bout-du-fil-638b1a9bde135b923628406c',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'MT',
    name: 'Malta',
    emergency: eu112(),
    crisisLines: [
      {
        name: 'Mental Health Helpline (Mental Health Services)',
        number: '1579',
        dial: '1579',
        hours: '24 hours a day, 7 days a week',
        detail: 'The national helpline, answered by psychologists.',
        source: 'https://timesofmalta.com/articles/view/national-247-mental-health-helpline-goes-live.993347',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'NL',
    name: 'Netherlands',
    emergency: eu112(),
    crisisLines: [
      {
        name: '113 Zelfmoordpreventie',
        number: '113',
        dial: '113',
        hours: '24 hours, every day',
        detail: 'Free and anonymous (also 0800 0113); chat at 113.nl.',
        url: 'https://www.113.nl',
        source: 'https://www.113.nl/schoolopdracht',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'PL',
    name: 'Poland',
    emergency: eu112(),
    crisisLines: [
      {
        name: 'Centrum Wsparcia dla Osób w Stanie Kryzysu Psychicznego',
        number: '800 70 2222',
        dial: '800702222',
        hours: '24 hours, every day',
        detail: 'Free; psychologists on duty round the clock, also chat and e-mail.',
        source: 'https://zdrowie.pap.pl/psyche/na-kryzys-telefon-800-70-2222',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'PT',
    name: 'Portugal',
    emergency: eu112(),
    crisisLines: [
      {
        name: 'Linha Nacional de Prevenção do Suicídio',
        number: '1411',
        dial: '1411',
        hours: '24 hours, every day',
        detail: 'Free, answered by psychologists and mental-health nurses. Open since 10 September 2025.',
        source:
          'https://24noticias.sapo.pt/atualidade/artigos/nova-linha-nacional-para-prevencao-do-suicidio-entra-em-funcionamento-como-funciona',
        checked: CHECKED,
      },
      {
        name: 'SOS Voz Amiga',
        number: '213 544 545',
        dial: '213544545',
        hours: '15:30 to 00:30 every day',
        detail: 'Volunteers listening to anyone in distress.',
        url: 'https://www.sosvozamiga.org',
        source:
          'https://24noticias.sapo.pt/atualidade/artigos/nova-linha-nacional-para-prevencao-do-suicidio-entra-em-funcionamento-como-funciona',
        checked: CHECKED,
      },
    ],
  },
  euFallback('RO', 'Romania'),
  {
    id: 'SK',
    name: 'Slovakia',
    emergency: eu112(),
    crisisLines: [
      {
        name: 'Linka dôvery Nezábudka',
        number: '0800 800 566',
        dial: '0800800566',
        hours: '24 hours',
        detail: 'Free and anonymous, run by the League for Mental Health.',
        source:
          'https://www.24hod.sk/ludia-s-problemami-sa-mozu-obratit-aj-na-linku-dovery-nezabudka-cl712745.html',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'SI',
    name: 'Slovenia',
    emergency: eu112(),
    crisisLines: [
      {
        name: 'Zaupni telefon Samarijan in Sopotnik',
        number: '116 123',
        dial: '116123',
        hours: '24 hours a day, every day',
        detail: 'Free and anonymous, answered by trained volunteers.',
        source: 'https://zpms.si/?p=1002955',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'ES',
    name: 'Spain',
    emergency: eu112(),
    crisisLines: [
      {
        name: 'Línea 024 — atención a la conducta suicida',
        number: '024',
        dial: '024',
        hours: '24 hours, every day of the year',
        detail: 'Free and confidential; does not show on the phone bill.',
        source:
          'https://www.rtve.es/noticias/20220509/sanidad-presenta-telefono-prevencion-suicidio/2347183.shtml',
        checked: CHECKED,
      },
      {
        name: 'Teléfono de la Esperanza',
        number: '717 003 717',
        dial: '717003717',
        hours: 'See telefonodelaesperanza.org',
        detail: 'Emotional-support line run by volunteers.',
        url: 'https://telefonodelaesperanza.org',
        source:
          'https://maldita.es/index.php/malditaciencia/20220510/024-numero-telefono-atencion-suicidio-espana-gratuito',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'SE',
    name: 'Sweden',
    emergency: eu112(),
    crisisLines: [
      {
        name: 'Mind Självmordslinjen',
        number: '90101',
        dial: '90101',
        hours: 'Around the clock, every day',
        detail: 'Anonymous; call, chat or e-mail at mind.se.',
        url: 'https://mind.se',
        source: 'http://www.kronprinsessparetsstiftelse.se/projekt/sjalvmordsupplysningen.html',
        checked: CHECKED,
      },
    ],
  },

  // — EEA outside the EU —
  {
    id: 'IS',
    name: 'Iceland',
    emergency: eu112('Police, fire, ambulance.'),
    crisisLines: [
      {
        name: 'Hjálparsími Rauða krossins (Red Cross helpline)',
        number: '1717',
        dial: '1717',
        hours: 'Open around the clock',
        detail: 'Free; trained volunteers; also chat at 1717.is.',
        url: 'https://www.1717.is',
        source:
          'https://www.raudikrossinn.is/um-okkur/frettir-og-utgefid-efni/frettayfirlit/almennar-frettir/felagsmalaraduneytid-stydur-vid-1717',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'LI',
    name: 'Liechtenstein',
    emergency: {
      name: 'Ambulance (Sanität)',
      number: '144',
      dial: '144',
      hours: '24 hours, every day',
      detail: 'Police 117, fire 118.',
      source: 'https://www.eliechtensteinensia.li/viewer/fulltext/000476564_2019/5082/',
      checked: CHECKED,
    },
    // No readable source confirmed that 143 (Die Dargebotene Hand) answers from Liechtenstein.
    crisisLines: [],
    fallback: true,
  },
  {
    id: 'NO',
    name: 'Norway',
    emergency: {
      name: 'Medical emergency',
      number: '113',
      dial: '113',
      hours: '24 hours, every day',
      detail: 'When it is acute and a life is at stake.',
      source:
        'https://www.nrk.no/osloogviken/over-100-barn-under-ni-ar-har-tatt-kontakt-_-hjelpetelefoner-slar-alarm-1.15736352',
      checked: CHECKED,
    },
    crisisLines: [
      {
        name: 'Mental Helse Hjelpetelefonen',
        number: '116 123',
        dial: '116123',
        hours: 'Open day and night',
        detail: 'Free; chat at sidetmedord.no.',
        source:
          'https://www.nrk.no/osloogviken/over-100-barn-under-ni-ar-har-tatt-kontakt-_-hjelpetelefoner-slar-alarm-1.15736352',
        checked: CHECKED,
      },
      {
        name: 'Kirkens SOS',
        number: '22 40 00 40',
        dial: '22400040',
        hours: 'Open day and night',
        detail: 'Crisis line; chat at soschat.no.',
        source:
          'https://www.nrk.no/osloogviken/over-100-barn-under-ni-ar-har-tatt-kontakt-_-hjelpetelefoner-slar-alarm-1.15736352',
        checked: CHECKED,
      },
    ],
  },

  // — Rest of Europe —
  {
    id: 'GB',
    name: 'United Kingdom',
    emergency: {
      name: 'Emergency services',
      number: '999',
      dial: '999',
      hours: '24 hours, every day',
      detail:
        'When a life is at risk. In a mental health crisis that is not an emergency (England): NHS 111, mental health option.',
      source: 'https://www.lpft.nhs.uk/contact-us/need-help-now',
      checked: CHECKED,
    },
    crisisLines: [
      {
        name: 'Samaritans',
        number: '116 123',
        dial: '116123',
        hours: '24 hours, every day',
        detail: 'Free from landlines and mobiles, with no credit needed; does not show on the bill.',
        url: 'https://www.samaritans.org',
        source: 'https://www.samaritans.org/how-we-can-help/contact-samaritan/',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'CH',
    name: 'Switzerland',
    emergency: {
      name: 'Medical emergency',
      number: '144',
      dial: '144',
      hours: '24 hours, every day',
      detail: 'Ambulance, for every medical emergency. 112 also works.',
      source:
        'https://srf.ch/sendungen/kassensturz-espresso/services/espresso-aha/schlauer-i-d-wuche-wohin-fuehrt-die-nummer-112',
      checked: CHECKED,
    },
    crisisLines: [
      {
        name: 'Die Dargebotene Hand / La Main Tendue / Telefono Amico',
        number: '143',
        dial: '143',
        hours: 'Around the clock',
        detail: '20 centimes a call however long; chat and mail at 143.ch.',
        url: 'https://www.143.ch',
        source: 'https://zuerich.143.ch/Service/FAQ',
        checked: CHECKED,
      },
    ],
  },

  // — Americas —
  {
    id: 'US',
    name: 'United States',
    emergency: {
      name: 'Emergency services',
      number: '911',
      dial: '911',
      hours: '24 hours, every day',
      detail: 'When someone is in immediate danger.',
      source: US_988,
      checked: CHECKED,
    },
    crisisLines: [
      {
        name: '988 Suicide & Crisis Lifeline',
        number: 'Call or text 988',
        dial: '988',
        text: '988',
        hours: '24 hours, every day',
        detail: 'Free and confidential; chat at 988lifeline.org.',
        url: 'https://988lifeline.org',
        source: US_988,
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'CA',
    name: 'Canada',
    emergency: {
      name: 'Emergency services',
      number: '911',
      dial: '911',
      hours: '24 hours, every day',
      detail: 'Police, fire, ambulance.',
      source: DIDWW,
      checked: CHECKED,
    },
    crisisLines: [
      {
        name: '9-8-8 Suicide Crisis Helpline',
        number: 'Call or text 9-8-8',
        dial: '988',
        text: '988',
        hours: '24 hours, every day',
        detail: 'Free, in English and French.',
        url: 'https://988.ca',
        source:
          'https://www.newswire.ca/news-releases/government-of-canada-launches-three-digit-suicide-crisis-helpline-896472116.html',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'MX',
    name: 'Mexico',
    emergency: {
      name: 'Emergencias',
      number: '911',
      dial: '911',
      hours: '24 hours, every day',
      detail: 'Police, ambulance, fire, Red Cross.',
      source: 'https://www.gob.mx/policiafederal/articulos/088-911-responder-ante-cualquier-llamado?idiom=es',
      checked: CHECKED,
    },
    crisisLines: [
      {
        name: 'Línea de la Vida',
        number: '800 911 2000',
        dial: '8009112000',
        hours: '24 hours, 365 days a year',
        detail: 'Free; mental health, suicidal thoughts and addictions.',
        source:
          'https://www.eluniversal.com.mx/nacion/promueven-la-linea-de-la-vida-tras-presentar-encuesta-sobre-consumo-de-drogas-asi-puedes-pedir-ayuda/',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'BR',
    name: 'Brazil',
    emergency: {
      name: 'SAMU (ambulance)',
      number: '192',
      dial: '192',
      hours: '24 hours, every day',
      detail: 'Free emergency ambulance service.',
      source: DIDWW,
      checked: CHECKED,
    },
    crisisLines: [
      {
        name: 'CVV — Centro de Valorização da Vida',
        number: '188',
        dial: '188',
        hours: '24 hours',
        detail: 'Free from any phone in Brazil; chat at cvv.org.br.',
        url: 'https://www.cvv.org.br',
        source: 'https://claudia.abril.com.br/noticias/suicidio-cvv-ligacao-gratuita/',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'AR',
    name: 'Argentina',
    emergency: {
      name: 'Emergencias médicas',
      number: '107',
      dial: '107',
      hours: '24 hours, every day',
      detail: 'Medical emergencies (ambulance). General emergency number 911.',
      source: DIDWW,
      checked: CHECKED,
    },
    crisisLines: [
      {
        name: 'Línea de Salud Mental (Ministerio de Salud)',
        number: '0800 999 0091',
        dial: '08009990091',
        hours: '24 hours',
        detail: 'Free, nationwide.',
        source: 'https://www.ospia.org.ar/?p=1635',
        checked: CHECKED,
      },
    ],
  },

  // — Asia and the Pacific —
  {
    id: 'IN',
    name: 'India',
    emergency: {
      name: 'Emergency Response Support System',
      number: '112',
      dial: '112',
      hours: '24 hours, every day',
      detail:
        'Police, fire, ambulance. Declared the national emergency number; some states still also run older numbers (police 100, ambulance 108).',
      source:
        'https://www.dnaindia.com/india/report-delhi-to-launch-single-emergency-helpline-112-for-faster-response-cm-rekha-gupta-3197661',
      checked: CHECKED,
    },
    crisisLines: [
      {
        name: 'Tele-MANAS',
        number: '14416',
        dial: '14416',
        hours: '24 hours, every day',
        detail: 'Free national mental-health line in 20 languages; also 1-800-891-4416.',
        source:
          'https://www.livemint.com/news/india/govts-mental-health-helpline-tele-manas-receives-over-2-lakh-calls-since-launch-11690014660473.html',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'JP',
    name: 'Japan',
    emergency: {
      name: 'Fire and ambulance',
      number: '119',
      dial: '119',
      hours: '24 hours, every day',
      detail: 'Police on 110.',
      source: 'https://www.city.odate.lg.jp/city/foreign-language/english/emergency-call',
      checked: CHECKED,
    },
    crisisLines: [
      {
        name: 'Inochi no Denwa free dial (自殺予防いのちの電話)',
        number: '0120-783-556',
        dial: '0120783556',
        hours:
          '24 hours on the 10th of every month (8:00 to 8:00 the next day); other days see the local centres',
        detail: 'Free; connects to whichever Inochi no Denwa centre has a line open.',
        source: 'http://www.tamainochi.com/index.asp?patten_cd=12&page_no=9',
        checked: CHECKED,
      },
      ...DIRECTORIES.slice(0, 1),
    ],
  },
  {
    id: 'KR',
    name: 'South Korea',
    emergency: {
      name: 'Emergency services',
      number: '119',
      dial: '119',
      hours: '24 hours, every day',
      detail: 'Fire and ambulance; police on 112.',
      source: 'https://m.hankookilbo.com/News/Read/Amp/A2024010316570003218',
      checked: CHECKED,
    },
    crisisLines: [
      {
        name: 'Suicide prevention line (자살예방상담전화)',
        number: '109',
        dial: '109',
        hours: '24 hours',
        detail: 'The national line of the Ministry of Health and Welfare.',
        source: 'https://newspim.com/news/view/20240102000281',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'SG',
    name: 'Singapore',
    emergency: {
      name: 'SCDF emergency ambulance',
      number: '995',
      dial: '995',
      hours: '24 hours, every day',
      detail: 'Fire engine or ambulance.',
      source: 'https://www.scdf.gov.sg/home/about-us/information-on-ems/scdf-emergency-medical-services',
      checked: CHECKED,
    },
    crisisLines: [
      {
        name: 'Samaritans of Singapore',
        number: '1767',
        dial: '1767',
        hours: '24 hours, every day',
        detail: 'Confidential; or WhatsApp CareText on 9151 1767, also round the clock.',
        url: 'https://www.sos.org.sg',
        source:
          'https://www.channelnewsasia.com/singapore/suicide-whatsapp-service-caretext-samaritans-singapore-help-2929241',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'PH',
    name: 'Philippines',
    emergency: {
      name: 'Emergency 911',
      number: '911',
      dial: '911',
      hours: '24 hours, every day',
      detail: 'Police, fire, medical and disaster response; free from landlines and mobiles.',
      source: 'https://pageone.ph/?p=295372',
      checked: CHECKED,
    },
    crisisLines: [
      {
        name: 'NCMH Crisis Hotline',
        number: '1553',
        dial: '1553',
        hours: '24/7',
        detail: 'National Center for Mental Health; also 0919 057 1553 and 0917 899 8727.',
        source: 'https://www.sunstar.com.ph/cebu/nearly-700-call-ncmh-during-the-holidays',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'AU',
    name: 'Australia',
    emergency: {
      name: 'Triple Zero',
      number: '000',
      dial: '000',
      hours: '24 hours, every day',
      detail: 'Police, fire, ambulance.',
      source: 'https://lifelineh2h.org.au/get-help/telephone-crisis-support/faqs/',
      checked: CHECKED,
    },
    crisisLines: [
      {
        name: 'Lifeline',
        number: '13 11 14',
        dial: '131114',
        text: '0477131114',
        textLabel: '0477 13 11 14',
        hours: '24 hours, every day',
        detail: 'Crisis support by phone, text and chat.',
        url: 'https://www.lifeline.org.au',
        source: 'https://lifeinmind.org.au/news/lifelines-crisis-text-service-now-available-24-7',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'NZ',
    name: 'New Zealand',
    emergency: {
      name: 'Emergency services',
      number: '111',
      dial: '111',
      hours: '24 hours, every day',
      detail: 'Police, fire, ambulance.',
      source:
        'https://www.odt.co.nz/news/national/launch-two-new-mental-health-services-make-getting-help-easier',
      checked: CHECKED,
    },
    crisisLines: [
      {
        name: '1737, Need to talk?',
        number: 'Call or text 1737',
        dial: '1737',
        text: '1737',
        hours: '24 hours a day, 7 days a week',
        detail: 'Free from any landline or mobile, answered by trained counsellors.',
        url: 'https://1737.org.nz',
        source:
          'https://m.scoop.co.nz/stories/PA1706/S00527/single-phone-number-to-access-support-services.htm',
        checked: CHECKED,
      },
    ],
  },

  // — Africa —
  {
    id: 'ZA',
    name: 'South Africa',
    emergency: {
      name: 'Emergency (from a mobile)',
      number: '112',
      dial: '112',
      hours: '24 hours, every day',
      detail: 'Police 10111, ambulance 10177.',
      source:
        'https://mybroadband.co.za/news/telecoms/568418-south-africa-could-say-goodbye-to-10111-and-other-emergency-numbers.html',
      checked: CHECKED,
    },
    crisisLines: [
      {
        name: 'SADAG Suicide Crisis Helpline',
        number: '0800 567 567',
        dial: '0800567567',
        hours: 'Hours not stated by the source',
        detail: 'Toll-free national suicide crisis line of the South African Depression and Anxiety Group.',
        url: 'https://www.sadag.org',
        source: 'http://www.pressreader.com/south-africa/the-star-early-edition/20190212/281668256233737',
        checked: CHECKED,
      },
      {
        name: 'SADAG helpline',
        number: '0800 456 789',
        dial: '0800456789',
        text: '31393',
        hours: 'Hours not stated by the source',
        detail: 'Free; or SMS 31393 and a counsellor calls you back.',
        url: 'https://www.sadag.org',
        source:
          'https://www.sabcnews.com/sabcnews/sadag-encourages-the-mentally-fatigued-to-reach-out-amid-world-suicide-prevention-day/',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'NG',
    name: 'Nigeria',
    emergency: {
      name: 'National emergency number',
      number: '112',
      dial: '112',
      hours: '24 hours, every day',
      detail: 'Toll-free from any network.',
      source: 'https://technologytimes.ng/dial-122-how-nigerias-three-digit-emergency-number-works/',
      checked: CHECKED,
    },
    crisisLines: [
      {
        name: 'SURPIN (Suicide Research and Prevention Initiative)',
        number: '0800 078 7746',
        dial: '08000787746',
        hours: 'Hours not stated by the source',
        detail: 'Toll-free counselling line started at the Lagos University Teaching Hospital.',
        source:
          'https://healthwise.punchng.com/ngo-launches-toll-free-hotline-for-assistance-on-mental-health',
        checked: CHECKED,
      },
    ],
  },
  {
    id: 'KE',
    name: 'Kenya',
    emergency: {
      name: 'Police emergency line',
      number: '999',
      dial: '999',
      hours: 'Hours not stated by the source',
      detail: 'Free; reopened in Nairobi in 2013 after 15 years out of service.',
      source:
        'http://www.standardmedia.co.ke/?articleID=2000089937&story_title=police-emergency-line-999-restored',
      checked: CHECKED,
    },
    crisisLines: [],
    fallback: true,
  },

  // — Anywhere else, or not chosen yet —
  {
    id: 'INTL',
    name: 'Another country',
    emergency: {
      name: 'Emergency number from a mobile phone',
      number: '112',
      dial: '112',
      hours: '24 hours, every day',
      detail:
        '112 works on GSM mobile networks worldwide and reaches emergency services in most of Europe and beyond. If it does not connect, use your local emergency number.',
      source: EU_112,
      checked: CHECKED,
    },
    crisisLines: [],
    fallback: true,
  },
];
