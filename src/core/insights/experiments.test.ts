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
  primaryOutcome: 'mood',
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
  it('finds a planted rise in the primary outcome, states the days it rests on and the adherence', () => {
    const r = experimentResult(history(5, 2), plan, '2026-03-20');
    expect(r.status).toBe('finished');
    expect(r.final).toBe(true);
    expect(r.primaryOutcome).toBe('mood');
    expect(r.baseline).toEqual({ from: '2026-02-01', to: '2026-02-28' });
    expect(r.experiment).toEqual({ from: '2026-03-01', to: '2026-03-14' });
    expect(r.adherence).toEqual({ measure: 'fermented', daysDone: 12, daysTracked: 14 });
    const mood = r.outcomes[0];
    expect(mood).toMatchObject({
      outcome: 'mood',
      role: 'primary',
      verdict: 'higher',
      baselineDays: 28,
      experimentDays: 14,
    });
    expect(mood?.low).toBeGreaterThan(0);
    expect(mood?.sentence).toMatch(
      /^Mood was higher during the experiment than before: about \d\.\d points higher \(likely between \d\.\d and \d\.\d\), 14 experiment days against 28 before\.$/,
    );
    expect(r.summary).toMatch(/^Your mood was higher during the experiment than in the weeks before/);
    expect(r.summary).toContain('does not prove');
  });

  it('only the primary gets a verdict: the others are exploratory, Holm-adjusted', () => {
    const r = experimentResult(history(5, 2), plan, '2026-03-20');
    const gut = r.outcomes.find((o) => o.outcome === 'gut_comfort');
    expect(gut).toMatchObject({ role: 'exploratory', verdict: 'exploratory' });
    expect(gut?.sentence).toMatch(
      /^Gut comfort was .* \((could well be ordinary ups and downs|stands out .*)\)\.$/,
    );
    expect(r.outcomes.filter((o) => o.role === 'primary')).toHaveLength(1);
  });

  it('another primary outcome chosen at the start gets the verdict instead', () => {
    const r = experimentResult(history(5, 2), { ...plan, primaryOutcome: 'gut_comfort' }, '2026-03-20');
    expect(r.outcomes[0]).toMatchObject({ outcome: 'gut_comfort', role: 'primary' });
    expect(r.outcomes.find((o) => o.outcome === 'mood')?.verdict).toBe('exploratory');
  });

  it('says "no clear change" with the size of change the days could have shown, never "real"', () => {
    const r = experimentResult(history(6, 0), plan, '2026-03-20');
    const mood = r.outcomes[0];
    expect(mood?.verdict).toBe('no_clear_change');
    expect(mood?.sentence).toMatch(
      /^Mood: no clear change\. .* only a change of about \d\.\d points or more would likely have shown up/,
    );
    expect(mood?.detectable).toBeGreaterThan(0);
    expect(r.summary).toMatch(/^No clear change in your mood: .* about \d\.\d points or more/);
    for (const text of [r.summary, ...r.outcomes.map((o) => o.sentence)])
      expect(text).not.toMatch(/\breal\b|caused/);
  });

  it('an interim look is "so far", without a verdict', () => {
    const r = experimentResult(history(5, 2), plan, '2026-03-10');
    expect(r.final).toBe(false);
    expect(r.outcomes[0]?.verdict).toBe('so_far');
    expect(r.outcomes[0]?.sentence).toMatch(
      /^So far mood is about .* No verdict until the experiment ends on 2026-03-14\.$/,
    );
    expect(r.summary).toMatch(/^Your mood is .* no verdict until 2026-03-14/);
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

describe('simulation: null experiments through experimentResult (28 + 14 days, φ = 0.5)', () => {
  // 1500 seeded null runs with six outcomes each; simulation error √(0.05·0.95/1500) ≈ 0.56 %.
  it('the primary is called higher or lower in at most 5 % (± 2 simulation errors); others never get a verdict', () => {
    const RUNS = 1500;
    const rand = seededRandom(42);
    let primaryCalls = 0;
    let othersStandingOut = 0;
    for (let r = 0; r < RUNS; r++) {
      const m = new Map<string, Map<string, number>>();
      const e = [0, 0, 0, 0, 0, 0].map(() => normalDraw(rand));
      const keys = ['mood', 'energy_morning', 'focus', 'stress', 'sleep_quality', 'life_satisfaction'];
      for (let i = -28; i < 14; i++) {
        const day = new Map<string, number>();
        keys.forEach((k, j) => {
          e[j] = 0.5 * (e[j] as number) + Math.sqrt(0.75) * normalDraw(rand);
          day.set(k, Math.max(1, Math.min(10, Math.round(5.5 + 1.5 * (e[j] as number)))));
        });
        m.set(addDays(plan.startDate, i), day);
      }
      const result = experimentResult(dayTable(m), plan, '2026-03-20');
      const [primary, ...others] = result.outcomes;
      if (primary?.verdict === 'higher' || primary?.verdict === 'lower') primaryCalls++;
      if (others.some((o) => o.standsOut)) othersStandingOut++;
      expect(others.every((o) => o.verdict === 'exploratory' || o.verdict === 'not_enough_data')).toBe(true);
    }
    const error = Math.sqrt((0.05 * 0.95) / RUNS);
    expect(primaryCalls / RUNS).toBeLessThanOrEqual(0.05 + 2 * error);
    // Holm keeps "stands out" among the five others to at most 5 % of runs as well.
    expect(othersStandingOut / RUNS).toBeLessThanOrEqual(0.05 + 2 * error);
  });
});
