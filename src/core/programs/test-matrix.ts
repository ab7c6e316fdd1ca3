/** Test helper: a day × measure matrix from a plain object, `{ '2026-03-02': { movement: 20 } }`. */
import type { DayMatrix } from './rules.ts';

export function matrixOf(days: Record<string, Record<string, number>>): DayMatrix {
  return new Map(Object.entries(days).map(([d, ms]) => [d, new Map(Object.entries(ms))]));
}
