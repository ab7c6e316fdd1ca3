/**
 * The source article's "personal neurotransmitter optimisation guide" (Ganda 2024) as a gentler,
 * open-ended program: weekly goals met on most days instead of every day, a new level every two
 * weeks, and the last level repeating for as long as the person stays.
 */
const SUNLIGHT = {
  type: 'within_after',
  measure: 'morning_sunlight_time',
  anchor: 'wake_time',
  windowMinutes: 120,
  gate: { measure: 'morning_sunlight', value: 10 },
} as const;

const most = (id: string, title: string, measures: string[], value: number, times: number, node: string) => ({
  id,
  title,
  period: 'week' as const,
  timesPerWeek: times,
  rule: { type: 'at_least' as const, measures, value },
  node,
});

export const THREE_LEVEL_GUIDE = {
  id: 'three_level_guide',
  title: 'Three-level optimisation guide',
  summary:
    'A gentle, open-ended path: foundations first (light, movement, sleep), then everyday food for your gut, then mindfulness, connection and creativity. Goals are weekly — most days, not every day — and a new level opens every two weeks.',
  source:
    'Ganda G. (2024, updated 2025). The close link between neurotransmitters and mental health. Potentialz Unlimited.',
  openEnded: true,
  weeks: [
    {
      title: 'Level 1: foundation builders',
      days: 7,
      adds: [
        {
          id: 'morning_sunlight_most_days',
          title: '10–15 minutes of sunlight within 2 hours of waking, 4 days a week',
          period: 'week',
          timesPerWeek: 4,
          rule: SUNLIGHT,
          node: 'morning_sunlight',
        },
        most(
          'movement_most_days',
          '20–30 minutes of movement, 4 days a week',
          ['movement'],
          20,
          4,
          'movement',
        ),
        {
          id: 'steady_bedtime_most_days',
          title: 'A steady bedtime, 4 nights a week',
          period: 'week',
          timesPerWeek: 4,
          rule: {
            type: 'near_median_time',
            measure: 'bedtime',
            lookbackDays: 14,
            toleranceMinutes: 30,
            minDays: 3,
          },
          node: 'sleep',
        },
      ],
    },
    { title: 'Level 1: foundation builders (week 2)', days: 7, adds: [] },
    {
      title: 'Level 2: everyday food for your gut',
      days: 7,
      adds: [
        {
          ...most(
            'tryptophan_food',
            'A tryptophan food (turkey, eggs, salmon…), 4 days a week',
            ['tryptophan_servings'],
            1,
            4,
            'tryptophan',
          ),
          description:
            'Tryptophan is a building block of serotonin — that chemistry is established. That eating it lifts mood is not shown: it competes with other amino acids to reach the brain.',
          evidence: { edge: 'tryptophan--precursor_of--serotonin', grade: 'established' },
        },
        {
          ...most(
            'tyrosine_food',
            'A tyrosine food (almonds, avocado, cheese…), 4 days a week',
            ['tyrosine_servings'],
            1,
            4,
            'tyrosine',
          ),
          description:
            'Tyrosine is a building block of dopamine — that chemistry is established. Extra tyrosine helped only under demanding conditions in small studies, not everyday mood.',
          evidence: { edge: 'tyrosine--precursor_of--dopamine', grade: 'established' },
        },
        most(
          'fermented_most_days',
          'A fermented food, 4 days a week',
          ['fermented_servings'],
          1,
          4,
          'fermented',
        ),
        {
          ...most(
            'gaba_food_most_days',
            'A whole grain, green tea or magnesium-rich food, 4 days a week',
            ['gaba_supporting_servings'],
            1,
            4,
            'high_fibre',
          ),
          description:
            'Good everyday foods for fibre and minerals. The article calls them “GABA-supporting”; no study shows that food changes GABA in the brain.',
          evidence: { edge: 'l_theanine--linked_to--gaba', grade: 'speculative' },
        },
        most(
          'prebiotic_most_days',
          'A prebiotic food (garlic, onion, asparagus, banana…), 4 days a week',
          ['prebiotic_servings'],
          1,
          4,
          'prebiotic',
        ),
      ],
    },
    { title: 'Level 2: everyday food (week 2)', days: 7, adds: [] },
    {
      title: 'Level 3: advanced techniques',
      days: 7,
      adds: [
        most(
          'meditation_most_days',
          '10 minutes of meditation or deep breathing, 4 days a week',
          ['meditation', 'breathing'],
          10,
          4,
          'meditation',
        ),
        most(
          'conversation_weekly',
          'A meaningful conversation, 3 days a week',
          ['social_connection'],
          1,
          3,
          'social_connection',
        ),
        most('helping_weekly', 'Help someone, twice a week', ['helping_others'], 1, 2, 'helping_others'),
        most(
          'laughter_weekly',
          'Something that makes you laugh, 4 days a week',
          ['laughter'],
          1,
          4,
          'laughter',
        ),
        most(
          'creative_weekly_guide',
          'A creative activity once a week',
          ['creative_expression'],
          1,
          1,
          'creative_expression',
        ),
      ],
    },
  ],
} as const;
