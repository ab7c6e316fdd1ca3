import { describe, expect, it } from 'vitest';
import { labelOf } from './factors.ts';
import {
  CERTAINTY_LEGEND,
  comparativeFor,
  correlationSentence,
  differenceSentence,
  notEnoughSentence,
  togetherSentence,
} from './wording.ts';

describe('association wording', () => {
  it('matches the issue’s example: the effect in points, the likely range in words, the days', () => {
    expect(differenceSentence('morning sunlight', 'mood', 0, 0.8, 0.3, 1.3, 64, 103)).toBe(
      'On days with morning sunlight your mood was about 0.8 points higher (likely between 0.3 and 1.3), over 64 days with and 103 without.',
    );
    expect(differenceSentence('alcohol', 'sleep quality', 1, -1.04, -1.9, -0.5, 20, 60)).toBe(
      'The day after alcohol your sleep quality was about 1.0 point lower (likely between −1.9 and −0.5), over 20 days after it and 60 after days without.',
    );
    expect(differenceSentence('kefir', 'mood', 0, 0.02, -0.4, 0.4, 1, 9)).toBe(
      'On days with kefir your mood was about the same (likely between −0.4 and 0.4), over 1 day with and 9 without.',
    );
  });

  it('continuous levers: the outcome on days above and below usual, as more / a later / higher', () => {
    expect(correlationSentence('sleep', 'mood', 0, comparativeFor('number'), 6.94, 6.21, 90)).toBe(
      'On days with more sleep than usual your mood averaged 6.9, against 6.2 on days with less, over 90 days.',
    );
    expect(correlationSentence('bedtime', 'energy', 1, comparativeFor('time'), 5.1, 5.6, 80)).toBe(
      'The day after a later bedtime than usual your energy averaged 5.1, against 5.6 after days with an earlier one, over 80 days.',
    );
  });

  it('outcomes moving together, in either direction', () => {
    expect(togetherSentence('mood', 'energy', 0.6, 170)).toBe(
      'Your mood and energy tended to rise and fall together, over 170 days.',
    );
    expect(togetherSentence('stress', 'mood', -0.4, 170)).toBe(
      'When your stress was higher your mood tended to be lower, over 170 days.',
    );
    expect(togetherSentence('stress', 'gut comfort', -0.01, 170, 'unclear')).toBe(
      'No clear link yet between your stress and gut comfort, over 170 days.',
    );
  });

  it('one legend of certainty words, never "real" or "caused"', () => {
    expect(Object.values(CERTAINTY_LEGEND).map((c) => c.label)).toEqual([
      'Clear',
      'Possible',
      "Can't tell yet",
    ]);
    for (const c of Object.values(CERTAINTY_LEGEND)) expect(c.meaning).not.toMatch(/\breal\b|caus/);
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
