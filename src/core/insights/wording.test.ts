import { describe, expect, it } from 'vitest';
import { labelOf } from './factors.ts';
import { comparativeFor, correlationSentence, differenceSentence, notEnoughSentence } from './wording.ts';

describe('association wording', () => {
  it('matches the issue’s example, with a real minus sign for drops', () => {
    expect(differenceSentence('fermented food', 'mood', 0, 6.84, 5.9, 0.94, 0.31, 1.52, 42)).toBe(
      'Days with fermented food: mood 6.8 vs 5.9, +0.9 [0.3, 1.5], 42 days',
    );
    expect(differenceSentence('alcohol', 'sleep quality', 1, 5.1, 6.3, -1.2, -1.9, -0.5, 60)).toBe(
      'The day after alcohol: sleep quality 5.1 vs 6.3, −1.2 [−1.9, −0.5], 60 days',
    );
  });

  it('compares scales as higher, times as later, amounts as more; unclear ones say so', () => {
    expect(correlationSentence('focus', 'mood', 0, comparativeFor('scale'), 0.412, 0.2, 0.6, 90, true)).toBe(
      'Days with higher focus: mood tended to be higher, ρ = 0.41 [0.20, 0.60], 90 days',
    );
    expect(
      correlationSentence('bedtime', 'energy', 1, comparativeFor('time'), -0.3, -0.5, -0.1, 80, true),
    ).toBe('The day after a later bedtime: energy tended to be lower, ρ = −0.30 [−0.50, −0.10], 80 days');
    expect(
      correlationSentence('movement', 'mood', 0, comparativeFor('minutes'), 0.05, -0.1, 0.2, 70, false),
    ).toBe('Days with more movement: no clear link with mood, ρ = 0.05 [−0.10, 0.20], 70 days');
  });

  it('counts down the days still needed', () => {
    expect(notEnoughSentence('kefir', 'gut comfort', 1, 1)).toBe(
      'Kefir and next-day gut comfort: not enough data yet: 1 more day',
    );
  });

  it('names food servings as food when read as days with or without', () => {
    const m = {
      key: 'fermented_servings',
      label: 'Fermented servings',
      kind: 'number',
      group: 'food',
      unit: 'servings',
    } as const;
    expect(labelOf('fermented_servings', m)).toBe('fermented food');
    expect(labelOf('coffee_cups', undefined)).toBe('coffee cups');
  });
});
