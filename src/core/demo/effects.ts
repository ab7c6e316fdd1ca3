/**
 * What the sample data plants: the true links between habits, foods and how the demo person feels,
 * so that charts and insights have something real to find and tests can check they find it.
 * Everything not listed here is generated independently of the outcomes (pure noise).
 */

export interface PlantedEffect {
  factor: string;
  outcome: 'mood' | 'energy' | 'focus' | 'sleep_quality' | 'life_satisfaction' | 'gut_comfort';
  /** 0: same day; 1: the day after the factor. */
  lag: 0 | 1;
  /** Change in the outcome on days with the factor (or per unit for continuous factors). */
  effect: number;
  description: string;
}

export const PLANTED_EFFECTS: readonly PlantedEffect[] = [
  {
    factor: 'morning_sunlight',
    outcome: 'mood',
    lag: 0,
    effect: 1.2,
    description: 'mood +1.2 on days with 10+ minutes of morning sunlight',
  },
  {
    factor: 'morning_sunlight',
    outcome: 'energy',
    lag: 0,
    effect: 0.9,
    description: 'energy +0.9 on days with 10+ minutes of morning sunlight',
  },
  {
    factor: 'movement',
    outcome: 'energy',
    lag: 0,
    effect: 0.9,
    description: 'energy +0.9 on days with 20+ minutes of movement',
  },
  {
    factor: 'movement',
    outcome: 'sleep_quality',
    lag: 1,
    effect: 1.3,
    description: 'sleep quality +1.3 the day after 20+ minutes of movement',
  },
  {
    factor: 'fermented_servings',
    outcome: 'gut_comfort',
    lag: 1,
    effect: 0.8,
    description: 'bloating −1.6 (gut comfort +0.8) the day after a fermented food',
  },
  {
    factor: 'fermented_servings',
    outcome: 'mood',
    lag: 0,
    effect: 0.8,
    description: 'mood +0.8 on days with a fermented food',
  },
  {
    factor: 'ultra_processed_servings',
    outcome: 'gut_comfort',
    lag: 0,
    effect: -0.9,
    description: 'bloating +1.8 (gut comfort −0.9) on days with 2+ ultra-processed servings',
  },
  {
    factor: 'social_connection',
    outcome: 'mood',
    lag: 0,
    effect: 0.8,
    description: 'mood +0.8 on days with a meaningful conversation',
  },
  {
    factor: 'social_connection',
    outcome: 'life_satisfaction',
    lag: 0,
    effect: 0.7,
    description: 'life satisfaction +0.7 on days with a meaningful conversation',
  },
  {
    factor: 'meditation',
    outcome: 'focus',
    lag: 0,
    effect: 1.1,
    description: 'focus +1.1 on days with meditation',
  },
];

/** Measures generated with no link to any outcome: a sound engine rarely calls them clear. */
export const NOISE_FACTORS = ['cold_exposure', 'creative_expression', 'helping_others', 'breathing'] as const;
