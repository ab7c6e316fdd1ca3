import { describe, expect, it } from 'vitest';
import { customMeasureInputSchema, customValueSchema } from './custom-measures.ts';
import { habitsSchema, habitsToObservations, observationsToHabits, sunlightWithinWindow } from './habits.ts';

describe('habits', () => {
  it('writes each habit as an observation and reads it back', () => {
    const h = habitsSchema.parse({
      morningSunlight: { minutes: 15, startTime: '07:45' },
      movement: { minutes: 25, kind: 'walk' },
      breathing: 5,
      conversation: true,
      helping: false,
      gratitude: ['the sea', 'tea with Ann'],
      fastingHours: 12.5,
    });
    const obs = habitsToObservations(h);
    expect(obs).toEqual([
      { measure: 'morning_sunlight', value: 15, text: null },
      { measure: 'morning_sunlight_time', value: 465, text: null },
      { measure: 'movement', value: 25, text: 'walk' },
      { measure: 'breathing', value: 5, text: null },
      { measure: 'social_connection', value: 1, text: null },
      { measure: 'helping_others', value: 0, text: null },
      { measure: 'gratitude', value: 2, text: 'the sea\ntea with Ann' },
      { measure: 'intermittent_fasting', value: 12.5, text: null },
    ]);
    expect(observationsToHabits(obs)).toEqual(h);
  });

  it.each([
    ['25 hours of movement', { movement: { minutes: 1500 } }, 'movement.minutes'],
    ['negative meditation', { meditation: -5 }, 'meditation'],
    ['fractional minutes', { nature: 10.5 }, 'nature'],
    ['four gratitudes', { gratitude: ['a', 'b', 'c', 'd'] }, 'gratitude'],
    ['a two-line gratitude', { gratitude: ['a\nb'] }, 'gratitude.0'],
    [
      'a bad sunlight time',
      { morningSunlight: { minutes: 10, startTime: '7am' } },
      'morningSunlight.startTime',
    ],
    ['a 30-hour fast', { fastingHours: 30 }, 'fastingHours'],
    ['nothing', {}, 'habits'],
  ])('refuses %s, naming %s', (_label, input, path) => {
    const r = habitsSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path.join('.')).toBe(path);
  });

  it('sunlight counts within 2 h of waking, inclusive, and not before waking', () => {
    const wake = 7 * 60; // 07:00
    expect(sunlightWithinWindow(wake, 9 * 60)).toBe(true); // 09:00, exactly 120 min
    expect(sunlightWithinWindow(wake, 9 * 60 + 1)).toBe(false); // 09:01
    expect(sunlightWithinWindow(wake, 7 * 60)).toBe(true); // straight out of bed
    expect(sunlightWithinWindow(wake, 6 * 60 + 30)).toBe(false); // before the logged wake time
    expect(sunlightWithinWindow(undefined, 8 * 60)).toBeUndefined(); // no wake time logged
    expect(sunlightWithinWindow(wake, undefined)).toBeUndefined();
  });
});

describe('custom measures', () => {
  it('accepts the four kinds and checks values by kind', () => {
    expect(customValueSchema('scale').parse(7)).toBe(7);
    expect(customValueSchema('scale').safeParse(11).success).toBe(false);
    expect(customValueSchema('scale').safeParse(6.5).success).toBe(false);
    expect(customValueSchema('minutes').safeParse(1500).success).toBe(false);
    expect(customValueSchema('minutes').parse(90)).toBe(90);
    expect(customValueSchema('yesno').parse(true)).toBe(1);
    expect(customValueSchema('yesno').parse(false)).toBe(0);
    expect(customValueSchema('yesno').safeParse(1).success).toBe(false);
    expect(customValueSchema('number').parse(2.5)).toBe(2.5);
  });

  it('needs a unit for a number and only for a number', () => {
    expect(
      customMeasureInputSchema.safeParse({ name: 'Water', kind: 'number', unit: 'glasses' }).success,
    ).toBe(true);
    expect(
      customMeasureInputSchema.safeParse({ name: 'Water', kind: 'number' }).error?.issues[0]?.path,
    ).toEqual(['unit']);
    expect(
      customMeasureInputSchema.safeParse({ name: 'Calm', kind: 'scale', unit: 'x' }).error?.issues[0]?.path,
    ).toEqual(['unit']);
    expect(customMeasureInputSchema.safeParse({ name: ' ', kind: 'yesno' }).error?.issues[0]?.path).toEqual([
      'name',
    ]);
  });
});
