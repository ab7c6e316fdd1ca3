/**
 * Ranks of a column over the days it is paired with another column, cached. The paired days depend
 * only on the two columns' patterns of missing days (and the lag), and diary measures share a few
 * patterns (every check-in measure is there on check-in days, every habit on habit days), so one
 * ranking serves many pairs: across 60 measures this removes most re-ranking.
 *
 * @example
 * const ids = new MissingPatterns();
 * const ranks = new SubsetRanks(column, sortedOrder(column));
 * ranks.over(`${lag}|${ids.of(other)}`, included, 0) // average ranks on the included days
 */
import { ranksAlongOrder } from './ranks.ts';

/** Gives columns with the same days missing the same small id. */
export class MissingPatterns {
  private readonly ids = new Map<string, number>();

  of(column: Float64Array): number {
    const key = patternKey(column);
    let id = this.ids.get(key);
    if (id === undefined) {
      id = this.ids.size;
      this.ids.set(key, id);
    }
    return id;
  }
}

function patternKey(column: Float64Array): string {
  const codes = new Uint16Array(column.length);
  for (let i = 0; i < column.length; i++) codes[i] = Number.isNaN(column[i] as number) ? 48 : 49;
  let key = '';
  // In slices, to stay under the engines' argument-count limits.
  for (let i = 0; i < codes.length; i += 8192) {
    key += String.fromCharCode.apply(null, codes.subarray(i, i + 8192) as unknown as number[]);
  }
  return key;
}

export class SubsetRanks {
  // Float32 holds every rank (whole or half numbers below 2^23) exactly, in half the memory.
  private readonly cache = new Map<string, Float32Array>();

  constructor(
    private readonly column: Float64Array,
    private readonly order: Int32Array,
  ) {}

  /**
   * Average ranks of the entries `i` with `included[i + shift] === 1`; `key` must identify that
   * included set (the lag and the other column's missing pattern).
   */
  over(key: string, included: Uint8Array, shift: number): Float32Array {
    let ranks = this.cache.get(key);
    if (!ranks) {
      ranks = new Float32Array(this.column.length);
      ranksAlongOrder(this.column, this.order, included, shift, ranks);
      this.cache.set(key, ranks);
    }
    return ranks;
  }
}
