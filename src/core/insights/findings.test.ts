import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.ts';
import { associationsOfTable } from './associations.ts';
import { findingsView } from './findings.ts';
import { dayTable } from './table.ts';
import { experimentIdea } from './wording.ts';

/** 60 days: mood 2 points higher on walk days (every third day); stress lower after more sleep. */
function diary() {
  const m = new Map<string, Map<string, number>>();
  for (let i = 0; i < 60; i++) {
    const walk = i % 3 === 0 ? 1 : 0;
    const sleep = 6 + (i % 5) * 0.5;
    m.set(
      addDays('2026-01-01', i),
      new Map([
        ['walk', walk],
        ['sleep_hours', sleep],
        ['mood', 5 + 2 * walk + (i % 2)],
        ['stress', 8 - Math.round(sleep - 6) * 2 + (i % 2)],
        ['focus', 4 + (i % 4)],
      ]),
    );
    // A lever logged only on the last 10 days: still waiting for days.
    if (i >= 50) m.get(addDays('2026-01-01', i))?.set('cold_shower', i % 2);
  }
  return dayTable(m);
}

describe('findingsView', () => {
  const table = diary();
  const view = findingsView(table, associationsOfTable(table));

  it('features clear findings with the days behind them and the experiment they suggest', () => {
    const walk = view.findings.find((f) => f.factor === 'walk' && f.outcome === 'mood' && f.lag === 0);
    expect(walk?.certainty).toBe('clear');
    expect(walk?.points).toMatchObject({ kind: 'groups' });
    expect(walk?.testTitle).toBe('Walk on most days');
    const sleep = view.findings.find(
      (f) => f.factor === 'sleep_hours' && f.outcome === 'stress' && f.lag === 0,
    );
    expect(sleep?.points.kind).toBe('scatter');
    // Lower stress went with more sleep: stress is better low, so the idea is more sleep.
    expect(sleep?.testTitle).toBe('More sleep');
    expect(view.findings.every((f) => f.certainty !== 'unclear')).toBe(true);
    expect(view.counts.clear + view.counts.possible + view.counts.unclear).toBe(view.compared);
  });

  it('lists a lever still short of days once, with the fewest days it needs', () => {
    expect(view.waiting).toEqual([
      expect.objectContaining({ factor: 'cold_shower', moreDaysNeeded: expect.any(Number) }),
    ]);
  });

  it('keeps outcomes against each other apart, each pair once', () => {
    expect(view.together.map((a) => `${a.factor}|${a.outcome}`).sort()).toEqual([
      'focus|stress',
      'mood|focus',
      'mood|stress',
    ]);
  });
});

describe('experimentIdea', () => {
  it('points the experiment the way that went with the better outcome', () => {
    expect(experimentIdea('ultra-processed food', 'presence', -0.7)).toBe(
      'Fewer days with ultra-processed food',
    );
    expect(experimentIdea('bedtime', 'a later', 0.3, false)).toBe('An earlier bedtime');
    expect(experimentIdea('movement', 'more', -0.2, false)).toBe('More movement');
  });
});
