/**
 * The geometry of a sparkline: dated values placed on a small box, x by calendar day (so a gap of
 * three weeks looks like one), y on the measure's own fixed scale (so a PHQ-9 of 5 sits low
 * however few results there are), top = worst or best as the measure reads.
 *
 * @example sparklineGeometry([{ date: '2026-03-01', value: 10 }, { date: '2026-03-15', value: 5 }],
 *   { from: '2026-03-01', to: '2026-03-15', min: 0, max: 27, width: 100, height: 20 })
 * // → { path: 'M0,12.59L100,16.3', last: { x: 100, y: 16.3 }, … }
 */
import { daysBetween } from '../../core/dates.ts';

export interface DatedValue {
  date: string;
  value: number;
}

export interface SparklineBox {
  /** First and last day of the x axis (inclusive). */
  from: string;
  to: string;
  /** The measure's scale: PHQ-9 0–27, GAD-7 0–21, WHO-5 0–100, mood 1–10. */
  min: number;
  max: number;
  width: number;
  height: number;
  /** Room kept on every side so a dot at the edge is not cut. */
  inset?: number;
}

export interface SparklineGeometry {
  /** An SVG path through the points in date order; empty when there are none. */
  path: string;
  points: { x: number; y: number }[];
  last: { x: number; y: number } | null;
  /** The y of a value on this box (for band lines). */
  yOf: (value: number) => number;
}

const round = (n: number) => Math.round(n * 100) / 100;

export function sparklineGeometry(values: readonly DatedValue[], box: SparklineBox): SparklineGeometry {
  const inset = box.inset ?? 0;
  const span = Math.max(1, daysBetween(box.from, box.to));
  const innerW = box.width - 2 * inset;
  const innerH = box.height - 2 * inset;
  const clamp = (v: number) => Math.min(box.max, Math.max(box.min, v));
  const yOf = (value: number) =>
    round(inset + innerH - ((clamp(value) - box.min) / (box.max - box.min)) * innerH);
  const points = [...values]
    .filter((v) => v.date >= box.from && v.date <= box.to)
    .sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0))
    .map((v) => ({ x: round(inset + (daysBetween(box.from, v.date) / span) * innerW), y: yOf(v.value) }));
  const path = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join('');
  return { path, points, last: points.at(-1) ?? null, yOf };
}
