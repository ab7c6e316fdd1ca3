import { describe, expect, it } from 'vitest';
import { phq9Remission, phq9Response, scaleSummary } from './outcomes.ts';

describe('response, remission and the scale summary', () => {
  it('response is a drop of at least 50 % from a baseline PHQ-9 of 10 or more', () => {
    expect(phq9Response(16, 8)).toBe(true); // exactly half
    expect(phq9Response(16, 9)).toBe(false);
    expect(phq9Response(10, 5)).toBe(true);
    expect(phq9Response(9, 0)).toBeNull(); // below 10 the definition does not apply
  });

  it('remission is a latest PHQ-9 below 5 after a baseline of 10 or more', () => {
    expect(phq9Remission(12, 4)).toBe(true);
    expect(phq9Remission(12, 5)).toBe(false);
    expect(phq9Remission(8, 2)).toBeNull();
  });

  it('the baseline is the first score from four weeks before joining; older scores are not a baseline', () => {
    const s = scaleSummary(
      'phq9',
      [
        { date: '2026-03-01', score: 4 },
        { date: '2025-06-01', score: 3 }, // a year before: not a baseline
        { date: '2026-01-05', score: 16 }, // 26 days before joining on 2026-01-31
        { date: '2026-02-10', score: 11 },
      ],
      '2026-01-31',
    );
    expect(s.baseline).toEqual({ date: '2026-01-05', score: 16 });
    expect(s.latest).toEqual({ date: '2026-03-01', score: 4, band: { key: 'minimal', label: 'Minimal' } });
    expect(s.changeSinceBaseline).toBe(-12);
    expect(s.response).toBe(true);
    expect(s.remission).toBe(true);
    expect(s.reliableChange?.verdict).toBe('improved');
    expect(s.series.map((p) => p.score)).toEqual([16, 11, 4]);
  });

  it('one score is a baseline and a latest, but no change; WHO-5 and GAD-7 have no response or remission', () => {
    const one = scaleSummary('gad7', [{ date: '2026-02-01', score: 12 }], '2026-02-01');
    expect(one).toMatchObject({
      changeSinceBaseline: null,
      reliableChange: null,
      response: null,
      remission: null,
    });
    expect(one.latest?.band.label).toBe('Moderate');
    const who5 = scaleSummary(
      'who5',
      [
        { date: '2026-02-01', score: 64 },
        { date: '2026-03-01', score: 40 },
      ],
      '2026-02-01',
    );
    expect(who5).toMatchObject({ changeSinceBaseline: -24, reliableChange: null, response: null });
    expect(scaleSummary('phq9', [], '2026-02-01')).toMatchObject({
      latest: null,
      baseline: null,
      series: [],
    });
  });
});
