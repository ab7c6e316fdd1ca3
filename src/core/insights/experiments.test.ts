import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.ts';
import {
  type ExperimentPlan,
  experimentEnd,
  experimentInputSchema,
  experimentResult,
  experimentStatus,
} from './experiments.ts';
import { normalDraw, seededRandom } from './random.ts';
import { dayTable } from './table.ts';

const plan: ExperimentPlan = {
  id: 'exp-1',
  title: 'Kefir every day',
  measure: 'fermented',
  startDate: '2026-03-01',
  durationDays: 14,
  baselineDays: 28,
  endedOn: null,
};

/** 28 baseline days and 14 experiment days; mood shifted by `shift` during the experiment. */
function history(seed: number, shift: number) {
  const rand = seededRandom(seed);
  const m = new Map<string, Map<string, number>>();
  let e = 0;
  for (let i = -28; i < 14; i++) {
    e = 0.4 * e + Math.sqrt(1 - 0.16) * normalDraw(rand);
    const date = addDays(plan.startDate, i);
    const day = new Map<string, number>([
      ['mood', 5 + (i >= 0 ? shift : 0) + e],
      ['bloating', 3 + normalDraw(rand)],
    ]);
    // Kefir on 12 of the 14 experiment days, never before.
    if (i >= 0 && i % 7 !== 3) day.set('fermented', 1);
    m.set(date, day);
  }
  return dayTable(m);
}

describe('experiment status and dates', () => {
  it('runs from the start for the planned days, or until ended early', () => {
    expect(experimentEnd(plan)).toBe('2026-03-14');
    expect(experimentStatus(plan, '2026-02-28')).toBe('planned');
    expect(experimentStatus(plan, '2026-03-01')).toBe('running');
    expect(experimentStatus(plan, '2026-03-14')).toBe('running');
    expect(experimentStatus(plan, '2026-03-15')).toBe('finished');
    const ended = { ...plan, endedOn: '2026-03-09' };
    expect(experimentEnd(ended)).toBe('2026-03-09');
    expect(experimentStatus(ended, '2026-03-10')).toBe('finished');
  });

  it('validates input, with defaults for the periods', () => {
    expect(experimentInputSchema.parse({ title: 'Walk', startDate: '2026-03-01' })).toMatchObject({
      durationDays: 14,
      baselineDays: 28,
    });
    expect(experimentInputSchema.safeParse({ title: 'Walk', startDate: '2026-02-30' }).success).toBe(false);
    expect(
      experimentInputSchema.safeParse({ title: 'Walk', startDate: '2026-03-01', durationDays: 3 }).success,
    ).toBe(false);
    expect(experimentInputSchema.safeParse({ title: ' ', startDate: '2026-03-01' }).success).toBe(false);
  });
});

describe('experimentResult', () => {
  it('finds a planted rise in mood, states the days it rests on and the adherence', () => {
    const r = experimentResult(history(5, 2), plan, '2026-03-20');
    expect(r.status).toBe('finished');
    expect(r.final).toBe(true);
    expect(r.baseline).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(r.experiment).toEqual({ from: '2026-03-01', to: '2026-03-14' });
    expect(r.adherence).toEqual({ measure: 'fermented', daysDone: 12, daysTracked: 14 });
    const mood = r.outcomes.find((o) => o.outcome === 'mood');
    expect(mood).toMatchObject({ verdict: 'higher', baselineDays: 28, experimentDays: 14 });
    expect(mood?.low).toBeGreaterThan(0);
    expect(mood?.sentence).toMatch(/^Mood was higher during the experiment than before: .* 14 vs 28 days$/);
    expect(r.summary).toContain('Mood higher');
  });

  it('gives an honest "no clear change" when nothing moved', () => {
    const r = experimentResult(history(6, 0), plan, '2026-03-20');
    const gut = r.outcomes.find((o) => o.outcome === 'gut_comfort');
    expect(gut?.verdict).toBe('no_clear_change');
    expect(gut?.sentence).toMatch(/^Gut comfort: no clear change: /);
  });

  it('is reproducible: the same experiment gives the same interval', () => {
    const t = history(7, 1);
    expect(experimentResult(t, plan, '2026-03-20')).toEqual(experimentResult(t, plan, '2026-03-20'));
  });

  it('says how much more data is needed instead of a verdict on thin data', () => {
    const r = experimentResult(history(8, 1), plan, '2026-03-04');
    expect(r.status).toBe('running');
    expect(r.final).toBe(false);
    const mood = r.outcomes.find((o) => o.outcome === 'mood');
    expect(mood).toMatchObject({ verdict: 'not_enough_data', experimentDays: 4, difference: null });
    expect(mood?.sentence).toContain('3 more');
    // Outcomes never recorded are never judged either.
    expect(r.outcomes.find((o) => o.outcome === 'focus')?.verdict).toBe('not_enough_data');
    expect(r.summary).toMatch(/^Not enough check-ins yet/);
  });

  it('before the start there is nothing to judge', () => {
    const r = experimentResult(history(9, 0), { ...plan, startDate: '2026-04-01' }, '2026-03-20');
    expect(r.status).toBe('planned');
    expect(r.adherence).toBeNull();
  });
});
