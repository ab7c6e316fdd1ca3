import { describe, expect, it } from 'vitest';
import { type Grant, isLive, mayRead } from './access.ts';

const grant = (over: Partial<Grant> = {}): Grant => ({
  id: 'g1',
  personId: 'alice',
  clinicianId: 'dr-bell',
  kinds: null,
  untilDate: null,
  revokedAt: null,
  ...over,
});

describe('access decisions', () => {
  it('a live grant for every kind lets that clinician read that person, and nobody else', () => {
    const grants = [grant()];
    expect(
      mayRead(grants, { clinicianId: 'dr-bell', personId: 'alice', kind: 'diary', today: '2026-03-10' })?.id,
    ).toBe('g1');
    expect(mayRead(grants, { clinicianId: 'dr-bell', personId: 'bob', today: '2026-03-10' })).toBeUndefined();
    expect(
      mayRead(grants, { clinicianId: 'dr-cole', personId: 'alice', today: '2026-03-10' }),
    ).toBeUndefined();
  });

  it('only the kinds granted', () => {
    const grants = [grant({ kinds: ['questionnaires'] })];
    expect(
      mayRead(grants, {
        clinicianId: 'dr-bell',
        personId: 'alice',
        kind: 'questionnaires',
        today: '2026-03-10',
      }),
    ).toBeDefined();
    expect(
      mayRead(grants, { clinicianId: 'dr-bell', personId: 'alice', kind: 'diary', today: '2026-03-10' }),
    ).toBeUndefined();
  });

  it('until a date, inclusive; revoked is gone at once', () => {
    const until = grant({ untilDate: '2026-03-10' });
    expect(isLive(until, '2026-03-10')).toBe(true);
    expect(isLive(until, '2026-03-11')).toBe(false);
    expect(isLive(grant({ revokedAt: '2026-03-01T10:00:00.000Z' }), '2026-02-01')).toBe(false);
  });
});
