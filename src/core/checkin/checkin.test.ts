import { describe, expect, it } from 'vitest';
import {
  checkinSchema,
  checkinToObservations,
  deriveCheckin,
  observationsToCheckin,
  sleepHoursBetween,
} from './checkin.ts';

describe('checkinSchema', () => {
  it('accepts a single field and a full check-in', () => {
    expect(checkinSchema.parse({ mood: 7 })).toEqual({ mood: 7 });
    const full = {
      mood: 1,
      energyMorning: 10,
      energyMidday: 5,
      energyEvening: 3,
      sleepHours: 7.5,
      sleepQuality: 6,
      bedtime: '23:30',
      wakeTime: '07:00',
      focus: 4,
      lifeSatisfaction: 8,
      stress: 2,
      bloating: 0,
      abdominalPain: 10,
      bristol: 4,
      note: 'fine',
    };
    expect(checkinSchema.parse(full)).toEqual(full);
  });

  it.each([
    [{}, 'checkin'],
    [{ note: '' }, 'checkin'],
    [{ mood: 0 }, 'mood'],
    [{ mood: 11 }, 'mood'],
    [{ mood: 6.5 }, 'mood'],
    [{ mood: '7' }, 'mood'],
    [{ bloating: -1 }, 'bloating'],
    [{ bristol: 8 }, 'bristol'],
    [{ sleepHours: 24.5 }, 'sleepHours'],
    [{ bedtime: '24:00' }, 'bedtime'],
    [{ wakeTime: '7:00' }, 'wakeTime'],
    [{ note: 'x'.repeat(2001) }, 'note'],
  ])('rejects %j naming %s', (input, field) => {
    const r = checkinSchema.safeParse(input);
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.path.join('.')).toBe(field);
  });

  it('rejects unknown fields', () => {
    const r = checkinSchema.safeParse({ mood: 5, userId: 'x' });
    expect(r.success).toBe(false);
    expect(r.error?.issues[0]?.code).toBe('unrecognized_keys');
  });

  it('accepts the boundaries: 0 for gut scales, 1 and 7 for Bristol, a 2,000-character note', () => {
    expect(checkinSchema.safeParse({ bloating: 0, abdominalPain: 0 }).success).toBe(true);
    expect(checkinSchema.safeParse({ bristol: 1 }).success).toBe(true);
    expect(checkinSchema.safeParse({ bristol: 7 }).success).toBe(true);
    expect(checkinSchema.safeParse({ note: 'x'.repeat(2000) }).success).toBe(true);
  });
});

describe('observations round trip', () => {
  it('stores times as minutes after midnight and reads them back', () => {
    const obs = checkinToObservations({ mood: 6, bedtime: '23:30', wakeTime: '06:05', note: ' tired ' });
    expect(obs).toEqual([
      { measure: 'mood', value: 6, text: null },
      { measure: 'bedtime', value: 1410, text: null },
      { measure: 'wake_time', value: 365, text: null },
      { measure: 'note', value: null, text: 'tired' },
    ]);
    expect(observationsToCheckin(obs)).toEqual({
      mood: 6,
      bedtime: '23:30',
      wakeTime: '06:05',
      note: 'tired',
    });
  });
});

describe('derived values', () => {
  it('sleep across midnight and within a day (hand-worked)', () => {
    expect(sleepHoursBetween('23:30', '07:00')).toBe(7.5);
    expect(sleepHoursBetween('01:00', '09:00')).toBe(8);
    expect(sleepHoursBetween('22:45', '06:15')).toBe(7.5);
    expect(sleepHoursBetween('07:00', '07:00')).toBe(0);
  });

  it('prefers reported sleep hours over the times', () => {
    expect(deriveCheckin({ sleepHours: 6, bedtime: '23:00', wakeTime: '07:00' }).sleepHours).toBe(6);
    expect(deriveCheckin({ bedtime: '23:00', wakeTime: '07:00' }).sleepHours).toBe(8);
    expect(deriveCheckin({ bedtime: '23:00' }).sleepHours).toBeUndefined();
  });

  it('averages the energy readings given and turns gut symptoms into comfort', () => {
    expect(deriveCheckin({ energyMorning: 8, energyEvening: 3 }).energyAverage).toBe(5.5);
    expect(deriveCheckin({ mood: 5 }).energyAverage).toBeUndefined();
    expect(deriveCheckin({ bloating: 4, abdominalPain: 2 }).gutComfort).toBe(7);
    expect(deriveCheckin({ bloating: 10 }).gutComfort).toBe(0);
  });
});
