import { describe, expect, it } from 'vitest';
import { allPrograms, PROGRAMS, programById, registerPrograms } from './index.ts';
import { goalsForWeek, parseProgram } from './schema.ts';

const clinic = () => ({
  id: 'clinic_sleep_reset',
  title: 'Sleep reset',
  summary: 'Two weeks of morning light and a steady bedtime.',
  source: 'Example clinic protocol',
  openEnded: false,
  weeks: [
    {
      title: 'Light',
      days: 7,
      adds: [
        {
          id: 'walk',
          title: 'Walk 20 minutes',
          period: 'day',
          rule: { type: 'at_least', measures: ['movement'], value: 20 },
        },
      ],
    },
    {
      title: 'Less sugar',
      days: 7,
      adds: [
        {
          id: 'less_sugar',
          title: 'Added sugar 50 % below week 1',
          period: 'week',
          rule: {
            type: 'below_baseline',
            measure: 'added_sugar_servings',
            loggedMeasure: 'food_entries',
            baselineWeek: 1,
            reductionPercent: 50,
          },
        },
      ],
    },
  ],
});

describe('program definitions', () => {
  it('ships the challenge with the goals of the article, week by week', () => {
    const c = PROGRAMS.find((p) => p.id === 'gut_brain_30_day')!;
    expect(c.weeks.map((w) => w.adds.map((g) => g.id))).toEqual([
      ['morning_sunlight', 'movement_20', 'fermented_food', 'consistent_bedtime'],
      ['protein_every_meal', 'gaba_food', 'new_probiotic_food', 'less_ultra_processed'],
      ['meditation_breathing', 'three_gratitudes', 'meaningful_conversation', 'creative_weekly'],
      ['cold_exposure', 'nature_time', 'fasting_window', 'reflection'],
    ]);
    expect(goalsForWeek(c, 3)).toHaveLength(16);
    expect(goalsForWeek(c, 0)).toHaveLength(4);
  });

  it('accepts a clinic’s own program written as plain data', () => {
    const p = parseProgram(JSON.parse(JSON.stringify(clinic())));
    expect(p.weeks).toHaveLength(2);
  });

  /** Sets `value` at a dotted path of a plain object (arrays by index). */
  const setAt = (obj: unknown, path: string, value: unknown) => {
    const keys = path.split('.');
    let at = obj as Record<string, unknown>;
    for (const k of keys.slice(0, -1)) at = at[k] as Record<string, unknown>;
    at[keys.at(-1) as string] = value;
  };

  it.each([
    ['an unknown measure', [['weeks.0.adds.0.rule.measures', ['steps']]], 'weeks.0.adds.0.rule.measures.0'],
    ['a duplicate goal id', [['weeks.1.adds.0.id', 'walk']], 'weeks.1.adds.0.id'],
    ['a daily baseline goal', [['weeks.1.adds.0.period', 'day']], 'weeks.1.adds.0.period'],
    [
      'a baseline from the same week',
      [['weeks.1.adds.0.rule.baselineWeek', 2]],
      'weeks.1.adds.0.rule.baselineWeek',
    ],
    ['an unknown rule type', [['weeks.0.adds.0.rule.type', 'at_most']], 'weeks.0.adds.0.rule.type'],
    [
      'a caution on a required goal',
      [['weeks.0.adds.0.caution', { text: 'x', professional: 'general_practitioner' }]],
      'weeks.0.adds.0.caution',
    ],
    ['an unknown field', [['weeks.0.colour', 'red']], 'weeks.0'],
    [
      'an open-ended program ending in a 9-day week',
      [
        ['openEnded', true],
        ['weeks.1.days', 9],
      ],
      'weeks',
    ],
  ] as [string, [string, unknown][], string][])('refuses %s, naming where', (_label, changes, path) => {
    const c = clinic();
    for (const [at, value] of changes) setAt(c, at, value);
    expect(() => parseProgram(c)).toThrow(expect.objectContaining({ path }));
  });

  it('registers a clinic program so lookups by id find it; a different one under a used id is refused', () => {
    const p = parseProgram(clinic());
    registerPrograms([p]);
    registerPrograms([parseProgram(clinic())]); // the same definition again is fine
    expect(programById('clinic_sleep_reset')?.title).toBe('Sleep reset');
    expect(allPrograms().map((x) => x.id)).toEqual([
      'gut_brain_30_day',
      'three_level_guide',
      'clinic_sleep_reset',
    ]);
    expect(() => registerPrograms([{ ...p, title: 'Another' }])).toThrow(/used twice/);
    expect(() => registerPrograms([{ ...PROGRAMS[0]!, summary: 'changed' }])).toThrow(
      /gut_brain_30_day is used twice/,
    );
  });
});
