/**
 * Device readings as outcomes (issue 20): heart-rate variability and resting heart rate from a
 * watch are outcomes like mood — a lever that goes with them is found — but only for people whose
 * device gave them, and SDNN and RMSSD are never mixed into one number.
 */
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.ts';
import type { ShownAssociation } from './association-types.ts';
import { associationsOfTable } from './associations.ts';
import { experimentResult } from './experiments.ts';
import { normalDraw, seededRandom } from './random.ts';
import { dayTable, OUTCOMES, outcomeColumn } from './table.ts';

const START = '2026-01-01';

/** 120 days; meditation on alternate weeks; with a watch, SDNN is 12 ms higher on meditation days. */
function days(withWatch: boolean) {
  const rand = seededRandom(7);
  const m = new Map<string, Map<string, number>>();
  for (let i = 0; i < 120; i++) {
    const meditated = Math.floor(i / 7) % 2 === 0;
    const day = new Map<string, number>([
      ['mood', 6 + normalDraw(rand)],
      ['meditation', meditated ? 10 : 0],
    ]);
    if (withWatch) {
      day.set('hrv_sdnn', 45 + (meditated ? 12 : 0) + 4 * normalDraw(rand));
      day.set('resting_heart_rate', 60 + 2 * normalDraw(rand));
    }
    m.set(addDays(START, i), day);
  }
  return dayTable(m);
}

describe('device outcomes', () => {
  it('finds a lever that goes with higher SDNN, on the same day, as an association', () => {
    const report = associationsOfTable(days(true));
    const found = report.associations.find(
      (a): a is ShownAssociation =>
        a.status === 'shown' && a.factor === 'meditation' && a.outcome === 'hrv_sdnn' && a.lag === 0,
    );
    expect(found?.certainty).toBe('clear');
    // Higher on meditation days, whichever way the lever is compared (minutes or a yes-no day).
    const higher = found?.method === 'difference' ? found.difference > 5 : (found?.rho ?? 0) > 0.5;
    expect(higher).toBe(true);
    expect(found?.outcomeLabel).toBe('heart-rate variability (SDNN)');
    // A reading of the body is an outcome, never offered as something to do.
    expect(
      report.associations.some((a) => a.factor === 'hrv_sdnn' || a.factor === 'resting_heart_rate'),
    ).toBe(false);
  });

  it('says nothing about device outcomes to someone without a device', () => {
    const report = associationsOfTable(days(false));
    const device = new Set(OUTCOMES.filter((o) => o.device).map((o) => o.key));
    expect(report.associations.filter((a) => device.has(a.outcome))).toEqual([]);
    const result = experimentResult(
      days(false),
      {
        id: 'e',
        title: 'Meditate',
        measure: 'meditation',
        primaryOutcome: 'mood',
        startDate: addDays(START, 90),
        durationDays: 14,
        baselineDays: 28,
        endedOn: null,
      },
      addDays(START, 119),
    );
    expect(result.outcomes.map((o) => o.outcome).filter((k) => device.has(k))).toEqual([]);
  });

  it('keeps SDNN and RMSSD apart: each outcome reads only its own method', () => {
    const m = new Map([
      ['2026-01-01', new Map([['hrv_sdnn', 50]])],
      ['2026-01-02', new Map([['hrv_rmssd', 30]])],
    ]);
    const table = dayTable(m);
    const sdnn = OUTCOMES.find((o) => o.key === 'hrv_sdnn');
    const rmssd = OUTCOMES.find((o) => o.key === 'hrv_rmssd');
    expect([...outcomeColumn(table, sdnn as (typeof OUTCOMES)[number])]).toEqual([50, Number.NaN]);
    expect([...outcomeColumn(table, rmssd as (typeof OUTCOMES)[number])]).toEqual([Number.NaN, 30]);
    expect(OUTCOMES.find((o) => o.key === 'resting_heart_rate')?.higherIsBetter).toBe(false);
  });
});
