import { describe, expect, it } from 'vitest';
import { THRESHOLDS } from '../safety/escalation.ts';
import {
  criticalChange,
  RELIABLE_CHANGE_BASIS,
  reliableChange,
  reliableChangeIndex,
  standardErrorOfDifference,
} from './reliable-change.ts';

// Reference values worked by hand and checked with Python (math.sqrt):
// PHQ-9: S_diff = 3.5 · √2 · √(1 − 0.84) = 3.5 · 1.414214 · 0.4 = 1.979899; 1.96 · S_diff = 3.8806.
// GAD-7: S_diff = 3.41 · √2 · √(1 − 0.83) = 1.988355; 1.96 · S_diff = 3.8972.
describe('Jacobson–Truax reliable change', () => {
  it('S_diff and the RCI follow the published formula', () => {
    expect(standardErrorOfDifference(3.5, 0.84)).toBeCloseTo(1.979899, 6);
    expect(standardErrorOfDifference(3.41, 0.83)).toBeCloseTo(1.988355, 6);
    expect(reliableChangeIndex(18, 9, 3.5, 0.84)).toBeCloseTo(-4.5457, 4);
    expect(reliableChangeIndex(8, 12, 3.5, 0.84)).toBeCloseTo(2.0203, 4);
    expect(reliableChangeIndex(5, 9, 3.41, 0.83)).toBeCloseTo(2.0117, 4);
    expect(() => standardErrorOfDifference(3.5, 1)).toThrow(RangeError);
    expect(() => standardErrorOfDifference(0, 0.8)).toThrow(RangeError);
  });

  it('a PHQ-9 or GAD-7 change of 4 points is reliable, 3 is not', () => {
    expect(criticalChange(3.5, 0.84)).toBe(4);
    expect(RELIABLE_CHANGE_BASIS.phq9?.criticalChange).toBe(4);
    expect(RELIABLE_CHANGE_BASIS.gad7?.criticalChange).toBe(4);
    expect(reliableChange('phq9', 8, 12)?.verdict).toBe('deteriorated');
    expect(reliableChange('phq9', 8, 11)).toMatchObject({ index: 1.52, verdict: 'no reliable change' });
    expect(reliableChange('phq9', 18, 9)).toMatchObject({ index: -4.55, verdict: 'improved' });
    expect(reliableChange('gad7', 5, 9)?.verdict).toBe('deteriorated');
    expect(reliableChange('gad7', 5, 8)?.verdict).toBe('no reliable change');
    expect(reliableChange('gad7', 12, 4)?.verdict).toBe('improved');
  });

  it('names its r and SD with sources, and gives WHO-5 none (judged by its 10-point rule instead)', () => {
    const phq9 = RELIABLE_CHANGE_BASIS.phq9;
    expect(phq9?.reliability).toMatchObject({ r: 0.84, kind: 'test-retest' });
    expect(phq9?.reliability.source.doi).toBe('10.1046/j.1525-1497.2001.016009606.x');
    expect(phq9?.sd).toMatchObject({ value: 3.5 });
    expect(phq9?.sd.source.doi).toBe('10.1016/j.genhosppsych.2013.04.006');
    expect(phq9?.method.doi).toBe('10.1037/0022-006X.59.1.12');
    expect(RELIABLE_CHANGE_BASIS.gad7?.reliability.source.doi).toBe('10.1001/archinte.166.10.1092');
    expect(reliableChange('who5', 60, 20)).toBeNull();
  });

  it('every PHQ-9 rise the person-facing safety rule raises is also a reliable deterioration here', () => {
    const critical = RELIABLE_CHANGE_BASIS.phq9?.criticalChange ?? Number.POSITIVE_INFINITY;
    expect(critical).toBeLessThanOrEqual(THRESHOLDS.phq9ReliableRise);
    expect(reliableChange('phq9', 3, 3 + THRESHOLDS.phq9ReliableRise)?.verdict).toBe('deteriorated');
  });
});
