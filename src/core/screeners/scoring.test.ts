import { describe, expect, it } from 'vitest';
import { ValidationError } from '../errors.ts';
import { GAD7, PHQ9, WHO5 } from './instruments.ts';
import { scoreGad7, scoreInstrument, scorePhq9, scoreWho5, who5Change } from './scoring.ts';

/** Answers `prefix_1 … prefix_n` from a list of codes. */
const answers = (prefix: string, codes: number[]) =>
  Object.fromEntries(codes.map((c, i) => [`${prefix}_${i + 1}`, c]));

/** n items whose codes sum to `total`, filling with the top code first (max code `top`). */
function codesSumming(total: number, n: number, top: number): number[] {
  const out: number[] = [];
  let left = total;
  for (let i = 0; i < n; i += 1) {
    const c = Math.min(top, left);
    out.push(c);
    left -= c;
  }
  if (left !== 0) throw new Error('total out of reach');
  return out;
}

function caught(f: () => unknown): ValidationError {
  try {
    f();
  } catch (e) {
    if (e instanceof ValidationError) return e;
    throw e;
  }
  throw new Error('expected a ValidationError');
}

describe('PHQ-9', () => {
  it('scores the way the PHQ-9 scoring guide does: count ticks per column × column value', () => {
    // Hand-worked with the guide's method ("Count the number of boxes checked in a column. Multiply
    // that number by the value indicated, then add the subtotals"): ticks for items 1–9 are
    // several days, more than half, several days, nearly every day, not at all, more than half,
    // several days, not at all, not at all → 3 × 0 + 3 × 1 + 2 × 2 + 1 × 3 = 10 → Moderate (10–14).
    const s = scorePhq9(answers('phq9', [1, 2, 1, 3, 0, 2, 1, 0, 0]));
    expect(s.raw).toBe(10);
    expect(s.score).toBe(10);
    expect(s.band.label).toBe('Moderate');
  });

  it('second worked example: 0 × 0 + 2 × 1 + 3 × 2 + 4 × 3 = 20 → Severe', () => {
    const s = scorePhq9(answers('phq9', [3, 3, 2, 3, 2, 1, 3, 2, 1]));
    expect(s.score).toBe(20);
    expect(s.band.key).toBe('severe');
  });

  // Scoring card cut-points 5, 10, 15, 20 (Kroenke et al. 2001): both sides of every boundary.
  it.each([
    [0, 'Minimal'],
    [4, 'Minimal'],
    [5, 'Mild'],
    [9, 'Mild'],
    [10, 'Moderate'],
    [14, 'Moderate'],
    [15, 'Moderately severe'],
    [19, 'Moderately severe'],
    [20, 'Severe'],
    [27, 'Severe'],
  ])('total %i is %s', (total, label) => {
    const s = scorePhq9(answers('phq9', codesSumming(total, 9, 3)));
    expect(s.score).toBe(total);
    expect(s.band.label).toBe(label);
  });

  it('keeps the functional-difficulty answer without adding it to the score', () => {
    const s = scorePhq9({ ...answers('phq9', [1, 1, 1, 1, 1, 0, 0, 0, 0]), phq9_difficulty: 2 });
    expect(s.score).toBe(5);
    expect(s.difficulty).toBe(2);
    expect(PHQ9.difficulty?.options[2]?.label).toBe('Very difficult');
    expect(scorePhq9(answers('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0])).difficulty).toBeNull();
  });

  it('refuses an incomplete questionnaire naming the missing item', () => {
    const a: Record<string, number> = answers('phq9', [1, 1, 1, 1, 1, 1, 1, 1, 1]);
    delete a.phq9_3;
    const e = caught(() => scorePhq9(a));
    expect(e.field).toBe('answers.phq9_3');
    expect(e.code).toBe('required');
  });

  it.each([
    [4, 'answers.phq9_3'],
    [-1, 'answers.phq9_3'],
    [1.5, 'answers.phq9_3'],
    ['2', 'answers.phq9_3'],
  ])('refuses %j as an answer', (bad, field) => {
    const e = caught(() => scorePhq9({ ...answers('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0]), phq9_3: bad }));
    expect(e.field).toBe(field);
    expect(e.code).toBe('invalid');
  });

  it('refuses a difficulty answer outside 0–3 and a question it does not have', () => {
    const base = answers('phq9', [0, 0, 0, 0, 0, 0, 0, 0, 0]);
    expect(caught(() => scorePhq9({ ...base, phq9_difficulty: 4 })).field).toBe('answers.phq9_difficulty');
    expect(caught(() => scorePhq9({ ...base, phq9_10: 1 })).field).toBe('answers.phq9_10');
    expect(caught(() => scorePhq9({ ...base, gad7_1: 1 })).code).toBe('unknown_field');
  });
});

describe('GAD-7', () => {
  it('worked example: 1 × 1 + 3 × 2 + 1 × 3 = 10 → Moderate', () => {
    const s = scoreGad7(answers('gad7', [2, 2, 3, 1, 0, 2, 0]));
    expect(s.score).toBe(10);
    expect(s.band.label).toBe('Moderate');
  });

  // Spitzer et al. 2006: "Scores of 5, 10, and 15 … mild, moderate, and severe anxiety".
  it.each([
    [0, 'Minimal'],
    [4, 'Minimal'],
    [5, 'Mild'],
    [9, 'Mild'],
    [10, 'Moderate'],
    [14, 'Moderate'],
    [15, 'Severe'],
    [21, 'Severe'],
  ])('total %i is %s', (total, label) => {
    const s = scoreGad7(answers('gad7', codesSumming(total, 7, 3)));
    expect(s.score).toBe(total);
    expect(s.band.label).toBe(label);
  });

  it('refuses a missing or out-of-range item naming it', () => {
    const a: Record<string, number> = answers('gad7', [0, 0, 0, 0, 0, 0, 0]);
    delete a.gad7_7;
    expect(caught(() => scoreGad7(a)).field).toBe('answers.gad7_7');
    expect(caught(() => scoreGad7({ ...answers('gad7', [0, 0, 0, 0, 0, 0, 0]), gad7_2: 3.5 })).field).toBe(
      'answers.gad7_2',
    );
  });
});

describe('WHO-5', () => {
  it('multiplies the raw score by 4 (manual: "the raw score is multiplied by 4")', () => {
    // All of the time (5), most (4), more than half (3), less than half (2), some (1):
    // raw 5 + 4 + 3 + 2 + 1 = 15 → 60 %.
    const s = scoreWho5(answers('who5', [5, 4, 3, 2, 1]));
    expect(s.raw).toBe(15);
    expect(s.score).toBe(60);
    expect(s.band.key).toBe('above_cutoff');
  });

  it('codes the printed answers 5 (All of the time) down to 0 (At no time)', () => {
    expect(WHO5.options.map((o) => [o.label, o.value])).toEqual([
      ['All of the time', 5],
      ['Most of the time', 4],
      ['More than half of the time', 3],
      ['Less than half of the time', 2],
      ['Some of the time', 1],
      ['At no time', 0],
    ]);
  });

  // ≤ 50 poor well-being, ≤ 28 likely depression (Topp et al. 2015); the manual's "raw score below
  // 13" is the same line (12 × 4 = 48 ≤ 50 < 52 = 13 × 4).
  it.each([
    [0, 0, 'Likely depression'],
    [7, 28, 'Likely depression'],
    [8, 32, 'Poor well-being'],
    [12, 48, 'Poor well-being'],
    [13, 52, 'Above the poor well-being cut-off'],
    [25, 100, 'Above the poor well-being cut-off'],
  ])('raw %i → %i %%: %s', (raw, pct, label) => {
    const s = scoreWho5(answers('who5', codesSumming(raw, 5, 5)));
    expect(s.raw).toBe(raw);
    expect(s.score).toBe(pct);
    expect(s.band.label).toBe(label);
  });

  it('refuses 6 and -1, naming the item', () => {
    expect(caught(() => scoreWho5(answers('who5', [5, 5, 6, 5, 5]))).field).toBe('answers.who5_3');
    expect(caught(() => scoreWho5(answers('who5', [5, -1, 5, 5, 5]))).field).toBe('answers.who5_2');
    expect(caught(() => scoreWho5(answers('who5', [5, 5, 5, 5]))).field).toBe('answers.who5_5');
  });

  it('a change of 10 points is meaningful, 8 is not', () => {
    expect(who5Change(40, 52)).toEqual({ change: 12, meaningful: true, direction: 'better' });
    expect(who5Change(60, 52)).toEqual({ change: -8, meaningful: false, direction: 'worse' });
    expect(who5Change(40, 40).direction).toBe('same');
  });
});

describe('every instrument', () => {
  it('refuses answers that are not an object', () => {
    expect(caught(() => scoreInstrument('phq9', [] as unknown as Record<string, number>)).field).toBe(
      'answers',
    );
  });

  it('has bands that tile the whole score range without gaps or overlaps', () => {
    for (const inst of [PHQ9, GAD7, WHO5]) {
      expect(inst.bands[0]?.min).toBe(inst.scoreRange.min);
      expect(inst.bands.at(-1)?.max).toBe(inst.scoreRange.max);
      for (let i = 1; i < inst.bands.length; i += 1) {
        expect(inst.bands[i]?.min).toBe((inst.bands[i - 1]?.max ?? Number.NaN) + 1);
      }
    }
  });
});
