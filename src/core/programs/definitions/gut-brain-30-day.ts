/**
 * The 30-day neurotransmitter challenge from the source article (Ganda 2024, "The close link
 * between neurotransmitters and mental health"), as data: weeks 1–3 of 7 days and a 9-day week 4,
 * each adding goals to the weeks before.
 */
export const GUT_BRAIN_30_DAY = {
  id: 'gut_brain_30_day',
  title: '30-day gut–brain challenge',
  summary:
    'Four weeks that build on each other: foundations (light, movement, a fermented food, a steady bedtime), then nutrition, then mindfulness and connection, then advanced steps and a look back at how mood, energy, focus and sleep changed.',
  source:
    'Ganda G. (2024, updated 2025). The close link between neurotransmitters and mental health. Potentialz Unlimited.',
  openEnded: false,
  weeks: [
    {
      title: 'Foundation setting',
      days: 7,
      adds: [
        {
          id: 'morning_sunlight',
          title: 'Morning sunlight within 2 hours of waking',
          description:
            'At least 10 minutes outside, starting within 2 hours of your wake time from the check-in.',
          period: 'day',
          rule: {
            type: 'within_after',
            measure: 'morning_sunlight_time',
            anchor: 'wake_time',
            windowMinutes: 120,
            gate: { measure: 'morning_sunlight', value: 10 },
          },
          node: 'morning_sunlight',
        },
        {
          id: 'movement_20',
          title: '20 minutes of movement',
          description: 'Any kind counts: walking, dancing, sport, even cleaning.',
          period: 'day',
          rule: { type: 'at_least', measures: ['movement'], value: 20 },
          node: 'movement',
        },
        {
          id: 'fermented_food',
          title: 'One fermented food',
          description: 'Yogurt with live cultures, kefir, kombucha, kimchi, sauerkraut, miso…',
          period: 'day',
          rule: { type: 'at_least', measures: ['fermented_servings'], value: 1 },
          node: 'fermented',
        },
        {
          id: 'consistent_bedtime',
          title: 'A consistent bedtime',
          description: 'Bed within 30 minutes of your usual time (the median of the 14 days before).',
          period: 'day',
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
    {
      title: 'Nutrition focus',
      days: 7,
      adds: [
        {
          id: 'protein_every_meal',
          title: 'Protein at every meal',
          description: 'Each breakfast, lunch and dinner you log includes a protein food.',
          period: 'day',
          rule: { type: 'at_least', measures: ['protein_every_meal'], value: 1 },
          node: 'protein',
        },
        {
          id: 'gaba_food',
          title: 'One whole grain, green tea or magnesium-rich food',
          description:
            'Whole grains, green tea, leafy greens, nuts or seeds: good everyday foods for fibre and minerals. The article calls them “GABA-supporting”; no study shows that food changes GABA in the brain.',
          period: 'day',
          rule: { type: 'at_least', measures: ['gaba_supporting_servings'], value: 1 },
          node: 'high_fibre',
          evidence: { edge: 'l_theanine--linked_to--gaba', grade: 'speculative' },
        },
        {
          id: 'new_probiotic_food',
          title: 'Try a new probiotic-rich food',
          description: 'A fermented food you have not eaten in the previous 14 days, once this week.',
          period: 'week',
          timesPerWeek: 1,
          rule: { type: 'at_least', measures: ['new_fermented_foods'], value: 1 },
          node: 'fermented',
        },
        {
          id: 'less_ultra_processed',
          title: 'Ultra-processed foods 25 % below week 1',
          description:
            'Your average ultra-processed servings per day (days with food logged) this week, against week 1.',
          period: 'week',
          rule: {
            type: 'below_baseline',
            measure: 'ultra_processed_servings',
            loggedMeasure: 'food_entries',
            baselineWeek: 1,
            reductionPercent: 25,
          },
          node: 'ultra_processed',
        },
      ],
    },
    {
      title: 'Mindfulness integration',
      days: 7,
      adds: [
        {
          id: 'meditation_breathing',
          title: '5–10 minutes of meditation or deep breathing',
          period: 'day',
          rule: { type: 'at_least', measures: ['meditation', 'breathing'], value: 5 },
          node: 'meditation',
        },
        {
          id: 'three_gratitudes',
          title: 'Write down three things you are grateful for',
          period: 'day',
          rule: { type: 'at_least', measures: ['gratitude'], value: 3 },
          node: 'gratitude',
        },
        {
          id: 'meaningful_conversation',
          title: 'A meaningful conversation with someone',
          period: 'day',
          rule: { type: 'at_least', measures: ['social_connection'], value: 1 },
          node: 'social_connection',
        },
        {
          id: 'creative_weekly',
          title: 'One creative activity this week',
          description: 'Art, music, writing, cooking something new — anything that expresses you.',
          period: 'week',
          timesPerWeek: 1,
          rule: { type: 'at_least', measures: ['creative_expression'], value: 1 },
          node: 'creative_expression',
        },
      ],
    },
    {
      title: 'Advanced steps',
      days: 9,
      adds: [
        {
          id: 'cold_exposure',
          title: 'Cold exposure (optional)',
          description: 'For example, end your shower with 30 seconds of cold water.',
          period: 'day',
          optional: true,
          // The same caution as the knowledge node: cold water is a shock to the heart.
          caution: {
            text: 'Cold water is a real shock to the heart. If you have heart or blood-pressure problems, or are pregnant, talk to your doctor before trying it — and never swim in cold open water alone. Skipping this goal is fine.',
            professional: 'general_practitioner',
          },
          rule: { type: 'at_least', measures: ['cold_exposure'], value: 1 },
          node: 'cold_exposure',
        },
        {
          id: 'nature_time',
          title: 'Time in nature',
          description: 'At least 10 minutes in a park, wood, garden or by water.',
          period: 'day',
          rule: { type: 'at_least', measures: ['nature'], value: 10 },
          node: 'nature',
        },
        {
          id: 'fasting_window',
          title: 'A 12-hour overnight fasting window (optional)',
          description: '12 hours between your last food in the evening and your first the next day.',
          period: 'day',
          optional: true,
          caution: {
            text: 'Intermittent fasting is not right for everyone. If you are pregnant or breastfeeding, have diabetes or take medicines that affect blood sugar, are underweight, or have ever had an eating disorder, do not try it without advice. Talk to your doctor or a nutrition professional first — and skipping this goal is fine.',
            professional: 'general_practitioner',
          },
          rule: { type: 'at_least', measures: ['intermittent_fasting'], value: 12 },
          node: 'intermittent_fasting',
        },
        {
          id: 'reflection',
          title: 'Reflect on changes in mood, energy and focus',
          description: 'Look at your report comparing week 1 with this week, then tick this.',
          period: 'week',
          rule: { type: 'manual' },
        },
      ],
    },
  ],
} as const;
