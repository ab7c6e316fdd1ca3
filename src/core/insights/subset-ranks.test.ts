import { describe, expect, it } from 'vitest';
import { sortedOrder } from './ranks.ts';
import { MissingPatterns, SubsetRanks } from './subset-ranks.ts';

describe('MissingPatterns', () => {
  it('gives columns with the same missing days the same id, whatever their values', () => {
    const ids = new MissingPatterns();
    const a = ids.of(Float64Array.from([1, Number.NaN, 3, 4]));
    const b = ids.of(Float64Array.from([9, Number.NaN, 0, 2]));
    const c = ids.of(Float64Array.from([1, 2, Number.NaN, 4]));
    expect(a).toBe(b);
    expect(c).not.toBe(a);
  });
});

describe('SubsetRanks', () => {
  it('ranks the included days and reuses the ranking for the same key', () => {
    const col = Float64Array.from([30, 10, 20, 10, 50]);
    const ranks = new SubsetRanks(col, sortedOrder(col));
    const r = ranks.over('0|1', Uint8Array.from([1, 1, 0, 1, 1]), 0);
    // Included values 30, 10, 10, 50 → ranks 3, 1.5, –, 1.5, 4.
    expect([r[0], r[1], r[3], r[4]]).toEqual([3, 1.5, 1.5, 4]);
    expect(ranks.over('0|1', Uint8Array.from([1, 1, 1, 1, 1]), 0)).toBe(r);
    const other = ranks.over('0|2', Uint8Array.from([1, 1, 1, 1, 1]), 0);
    expect([...other]).toEqual([4, 1.5, 3, 1.5, 5]);
  });
});
