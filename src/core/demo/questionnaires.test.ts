import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.ts';
import { spearman } from '../insights/spearman.ts';
import { escalate, screenTriggers } from '../safety/escalation.ts';
import { scoreInstrument } from '../screeners/scoring.ts';
import { generateDemoData } from './generate.ts';
import { demoQuestionnaires } from './questionnaires.ts';

const data = generateDemoData({ seed: 1, endDate: '2026-03-31' });
const responses = demoQuestionnaires(data, 1);

describe('demoQuestionnaires', () => {
  it('fills WHO-5, PHQ-9 and GAD-7 every 14 days, each valid by the instrument’s own scoring', () => {
    const dates = [...new Set(responses.map((r) => r.date))];
    expect(dates).toHaveLength(12);
    expect(dates[0]).toBe(addDays(data.from, 13));
    expect(dates[1]).toBe(addDays(data.from, 27));
    for (const r of responses) expect(() => scoreInstrument(r.instrument, r.answers)).not.toThrow();
    expect(responses.filter((r) => r.instrument === 'phq9')).toHaveLength(12);
  });

  it('never raises a support screen (urgent or professional)', () => {
    let previous: number | null = null;
    for (const r of responses) {
      const s = scoreInstrument(r.instrument, r.answers);
      expect(screenTriggers(escalate(s, r.instrument === 'phq9' ? previous : null).triggers)).toEqual([]);
      if (r.instrument === 'phq9') previous = s.score;
    }
  });

  it('moves with the fortnight’s mood: WHO-5 up, PHQ-9 down', () => {
    const mood = new Map(
      data.observations.filter((o) => o.measure === 'mood').map((o) => [o.date, o.value as number]),
    );
    const fortnight = (date: string) => {
      const vs = Array.from({ length: 14 }, (_, i) => mood.get(addDays(date, -i))).filter(
        (v) => v !== undefined,
      );
      return vs.reduce((s, v) => s + v, 0) / vs.length;
    };
    const pick = (id: string) => responses.filter((r) => r.instrument === id);
    const who5 = pick('who5');
    const phq9 = pick('phq9');
    expect(
      spearman(
        who5.map((r) => fortnight(r.date)),
        who5.map((r) => scoreInstrument('who5', r.answers).score),
      ).rho,
    ).toBeGreaterThan(0.5);
    expect(
      spearman(
        phq9.map((r) => fortnight(r.date)),
        phq9.map((r) => scoreInstrument('phq9', r.answers).score),
      ).rho,
    ).toBeLessThan(-0.3);
  });
});
