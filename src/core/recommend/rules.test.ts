/**
 * Hand-worked cases for every rule: a two-week diary built by hand, the expected trigger written
 * out from the arithmetic in the comment, and the case just the other side of each threshold.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.ts';
import { ruleById } from './rules.ts';
import { type PersonState, recentDays, type ScreenerScore } from './state.ts';

const TODAY = '2026-03-14';

/** 14 days (03-01 … 03-14); `perDay(i)` gives day i's values (i = 0 oldest, 13 today). */
function diary(perDay: (i: number) => Record<string, number> | null): Map<string, Map<string, number>> {
  const m = new Map<string, Map<string, number>>();
  for (let i = 0; i < 14; i++) {
    const v = perDay(i);
    if (v) m.set(addDays('2026-03-01', i), new Map(Object.entries(v)));
  }
  return m;
}

function state(
  matrix: Map<string, Map<string, number>>,
  extra: Partial<Pick<PersonState, 'screeners' | 'microbiome'>> = {},
): PersonState {
  return {
    today: TODAY,
    days: recentDays(matrix, TODAY),
    screeners: extra.screeners ?? [],
    microbiome: extra.microbiome ?? null,
  };
}

const check = (id: string, s: PersonState) => {
  const rule = ruleById(id);
  if (!rule) throw new Error(`no rule ${id}`);
  return rule.check(s);
};

describe('recentDays', () => {
  it('lays out the 14 calendar days ending today, oldest first, empty where nothing was logged', () => {
    const days = recentDays(
      diary((i) => (i === 13 ? { mood: 6 } : null)),
      TODAY,
    );
    expect(days.map((d) => d.date)).toEqual([
      '2026-03-01',
      '2026-03-02',
      '2026-03-03',
      '2026-03-04',
      '2026-03-05',
      '2026-03-06',
      '2026-03-07',
      '2026-03-08',
      '2026-03-09',
      '2026-03-10',
      '2026-03-11',
      '2026-03-12',
      '2026-03-13',
      '2026-03-14',
    ]);
    expect(days[13]?.values.get('mood')).toBe(6);
    expect(days[0]?.values.size).toBe(0);
  });
});

describe('sleep_hours', () => {
  it('fires when the last 7 nights average under 7 hours: (6+6+6+7+6.5) / 5 = 6.3', () => {
    const hours = [6, 6, 6, 7, 6.5];
    const s = state(diary((i) => (i >= 9 ? { sleep_hours: hours[i - 9] as number } : null)));
    expect(check('sleep_hours', s)).toBe(
      'Your sleep averaged 6.3 hours over the 5 nights you logged this week.',
    );
  });
  it('stays quiet at exactly 7 hours, and with only 3 nights logged', () => {
    expect(check('sleep_hours', state(diary((i) => (i >= 7 ? { sleep_hours: 7 } : null))))).toBeNull();
    expect(check('sleep_hours', state(diary((i) => (i >= 11 ? { sleep_hours: 5 } : null))))).toBeNull();
  });
  it('ignores nights older than the last 7 days', () => {
    // Days 0–6 are 4 h (outside the week), days 7–13 are 8 h: the week averages 8.
    expect(check('sleep_hours', state(diary((i) => ({ sleep_hours: i < 7 ? 4 : 8 }))))).toBeNull();
  });
});

describe('fermented_food', () => {
  it('fires with fermented food on 3 of 10 logged days', () => {
    // Logged days 4–13 (10 days); fermented on days 5, 8 and 12.
    const s = state(
      diary((i) => (i < 4 ? null : { mood: 6, fermented_servings: [5, 8, 12].includes(i) ? 1 : 0 })),
    );
    expect(check('fermented_food', s)).toBe('You logged fermented food on 3 of your last 10 logged days.');
  });
  it('stays quiet at 4 days, and with fewer than 7 logged days', () => {
    const four = state(diary((i) => ({ mood: 6, fermented_servings: i % 3 === 0 ? 1 : 0 }))); // 0,3,6,9,12 → 5 days
    expect(check('fermented_food', four)).toBeNull();
    expect(check('fermented_food', state(diary((i) => (i >= 8 ? { mood: 5 } : null))))).toBeNull(); // 6 logged days
  });
});

describe('fibre_for_butyrate', () => {
  const sample = (taxa: [string, boolean][], date = '2026-02-01') => ({
    microbiome: { date, label: 'February', taxa: new Map(taxa) },
  });
  it('fires when the latest sample has neither Faecalibacterium nor Coprococcus', () => {
    const s = state(
      new Map(),
      sample([
        ['faecalibacterium', false],
        ['coprococcus', false],
        ['roseburia', true],
      ]),
    );
    expect(check('fibre_for_butyrate', s)).toBe(
      'Your microbiome sample “February” (2026-02-01) shows neither Faecalibacterium nor Coprococcus.',
    );
  });
  it('stays quiet when either is present, with no sample, and for a sample over a year old', () => {
    expect(
      check(
        'fibre_for_butyrate',
        state(
          new Map(),
          sample([
            ['faecalibacterium', true],
            ['coprococcus', false],
          ]),
        ),
      ),
    ).toBeNull();
    expect(check('fibre_for_butyrate', state(new Map()))).toBeNull();
    const old = sample(
      [
        ['faecalibacterium', false],
        ['coprococcus', false],
      ],
      '2025-03-14',
    ); // exactly 365 days
    expect(check('fibre_for_butyrate', state(new Map(), old))).toBeNull();
  });
});

describe('movement', () => {
  it('adds the last 7 days: 20 + 30 + 0 + 45 + 25 = 120 minutes < 150', () => {
    const mins = [20, 30, 0, 45, 25, 0, 0];
    const s = state(
      diary((i) => (i >= 7 ? { mood: 6, movement: mins[i - 7] as number } : { mood: 6, movement: 90 })),
    );
    expect(check('movement', s)).toBe('You logged 120 minutes of movement in the last 7 days.');
  });
  it('stays quiet at 150 minutes', () => {
    const s = state(diary((i) => ({ mood: 6, movement: i >= 7 && i < 12 ? 30 : 0 })));
    expect(check('movement', s)).toBeNull();
  });
});

describe('morning_light', () => {
  it('fires on low morning energy with daylight on fewer than 4 days: (4+5+4+6+5) / 5 = 4.8', () => {
    const energy = [4, 5, 4, 6, 5];
    const s = state(
      diary((i) =>
        i >= 9
          ? { energy_morning: energy[i - 9] as number, morning_sunlight: i === 10 || i === 12 ? 15 : 0 }
          : null,
      ),
    );
    expect(check('morning_light', s)).toBe(
      'Your morning energy averaged 4.8 out of 10 this week, with morning daylight logged on 2 of 7 days.',
    );
  });
  it('stays quiet when morning energy averages above 5, or daylight is logged on 4 days', () => {
    expect(check('morning_light', state(diary((i) => (i >= 7 ? { energy_morning: 5.5 } : null))))).toBeNull();
    const daylight = state(
      diary((i) => (i >= 7 ? { energy_morning: 3, morning_sunlight: i >= 10 ? 20 : 0 } : null)),
    );
    expect(check('morning_light', daylight)).toBeNull();
  });
});

describe('breathing_for_stress', () => {
  it('fires on stress averaging 6 or more with breathing on fewer than 3 days: (6+7+6+5+8+7) / 6 = 6.5', () => {
    const stress = [6, 7, 6, 5, 8, 7];
    const s = state(
      diary((i) => (i >= 8 ? { stress: stress[i - 8] as number, breathing: i === 9 ? 5 : 0 } : null)),
    );
    expect(check('breathing_for_stress', s)).toBe(
      'Your stress averaged 6.5 out of 10 this week, with breathing exercises on 1 of 7 days.',
    );
  });
  it('stays quiet at an average of 5.9, or with breathing on 3 days', () => {
    const low = [6, 6, 6, 6, 6, 6, 5.3]; // 41.3 / 7 = 5.9
    expect(
      check('breathing_for_stress', state(diary((i) => (i >= 7 ? { stress: low[i - 7] as number } : null)))),
    ).toBeNull();
    const breathing = state(diary((i) => (i >= 7 ? { stress: 8, breathing: i >= 11 ? 5 : 0 } : null)));
    expect(check('breathing_for_stress', breathing)).toBeNull();
  });
});

const score = (
  instrument: ScreenerScore['instrument'],
  s: number,
  band: string,
  date = '2026-03-10',
): ScreenerScore => ({
  instrument,
  date,
  score: s,
  bandLabel: band,
});

describe('questionnaire rules', () => {
  it('meditation_for_anxiety: GAD-7 of 5 (Mild) and no meditation fires; 4 does not', () => {
    const s = state(new Map(), { screeners: [score('gad7', 5, 'Mild')] });
    expect(check('meditation_for_anxiety', s)).toBe(
      'Your GAD-7 on 2026-03-10 scored 5 (Mild), with meditation on 0 of the last 7 days.',
    );
    expect(
      check('meditation_for_anxiety', state(new Map(), { screeners: [score('gad7', 4, 'Minimal')] })),
    ).toBeNull();
  });
  it('meditation_for_anxiety: a GAD-7 30 days old is no longer recent', () => {
    const old = state(new Map(), { screeners: [score('gad7', 12, 'Moderate', '2026-02-12')] });
    expect(check('meditation_for_anxiety', old)).toBeNull();
    const fresh = state(new Map(), { screeners: [score('gad7', 12, 'Moderate', '2026-02-13')] });
    expect(check('meditation_for_anxiety', fresh)).not.toBeNull();
  });
  it('connection_for_mood: PHQ-9 of 7 (Mild) with talks on 2 days fires; 3 days does not', () => {
    const talks = (n: number) => diary((i) => (i >= 7 ? { social_connection: i - 7 < n ? 1 : 0 } : null));
    const s = state(talks(2), { screeners: [score('phq9', 7, 'Mild')] });
    expect(check('connection_for_mood', s)).toBe(
      'Your PHQ-9 on 2026-03-10 scored 7 (Mild), with a meaningful conversation logged on 2 of the last 7 days.',
    );
    expect(
      check('connection_for_mood', state(talks(3), { screeners: [score('phq9', 7, 'Mild')] })),
    ).toBeNull();
  });
  it('gratitude_for_wellbeing: WHO-5 of 48 (Poor well-being) fires; 52 does not', () => {
    const s = state(new Map(), { screeners: [score('who5', 48, 'Poor well-being')] });
    expect(check('gratitude_for_wellbeing', s)).toBe(
      'Your WHO-5 on 2026-03-10 was 48 out of 100 (Poor well-being), with gratitudes logged on 0 of the last 7 days.',
    );
    expect(
      check('gratitude_for_wellbeing', state(new Map(), { screeners: [score('who5', 52, 'Above')] })),
    ).toBeNull();
  });
});

describe('fewer_ultra_processed', () => {
  it('divides servings by days food was logged: (3+2+1+4) / 4 = 2.5', () => {
    const ups = [3, 2, 1, 4];
    const s = state(
      diary((i) => (i >= 10 ? { food_entries: 3, ultra_processed_servings: ups[i - 10] as number } : null)),
    );
    expect(check('fewer_ultra_processed', s)).toBe(
      'You logged 2.5 ultra-processed servings a day on the 4 days you logged food this week.',
    );
  });
  it('stays quiet under 2 a day, and with food logged on fewer than 3 days', () => {
    const under = state(
      diary((i) => (i >= 10 ? { food_entries: 3, ultra_processed_servings: i === 13 ? 7 : 0 } : null)),
    ); // 7 / 4 = 1.75
    expect(check('fewer_ultra_processed', under)).toBeNull();
    const few = state(diary((i) => (i >= 12 ? { food_entries: 2, ultra_processed_servings: 5 } : null)));
    expect(check('fewer_ultra_processed', few)).toBeNull();
  });
});
