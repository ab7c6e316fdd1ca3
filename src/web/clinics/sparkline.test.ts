import { describe, expect, it } from 'vitest';
import { sparklineGeometry } from './sparkline.ts';

describe('sparklineGeometry', () => {
  const box = { from: '2026-03-01', to: '2026-03-15', min: 0, max: 27, width: 100, height: 20 };

  it('places days by calendar distance and values on the fixed scale (worked by hand)', () => {
    // 2026-03-08 is 7 of 14 days in: x = 50. PHQ-9 27 is the top (y 0), 0 the bottom (y 20),
    // 13.5 the middle (y 10); 5 → 20 − 5/27·20 = 16.296… → 16.3.
    const g = sparklineGeometry(
      [
        { date: '2026-03-15', value: 5 },
        { date: '2026-03-01', value: 27 },
        { date: '2026-03-08', value: 13.5 },
      ],
      box,
    );
    expect(g.points).toEqual([
      { x: 0, y: 0 },
      { x: 50, y: 10 },
      { x: 100, y: 16.3 },
    ]);
    expect(g.path).toBe('M0,0L50,10L100,16.3');
    expect(g.last).toEqual({ x: 100, y: 16.3 });
  });

  it('keeps an inset on every side and clamps values outside the scale', () => {
    const g = sparklineGeometry(
      [
        { date: '2026-03-01', value: -4 },
        { date: '2026-03-15', value: 40 },
      ],
      { ...box, inset: 2 },
    );
    expect(g.points).toEqual([
      { x: 2, y: 18 },
      { x: 98, y: 2 },
    ]);
  });

  it('leaves out values outside the dates and draws nothing for none', () => {
    const g = sparklineGeometry([{ date: '2026-02-28', value: 3 }], box);
    expect(g.path).toBe('');
    expect(g.last).toBeNull();
    expect(g.yOf(27)).toBe(0);
  });

  it('puts a single day at the start of a zero-length axis without dividing by zero', () => {
    const g = sparklineGeometry([{ date: '2026-03-01', value: 0 }], { ...box, to: '2026-03-01' });
    expect(g.points).toEqual([{ x: 0, y: 20 }]);
  });
});
