/**
 * Ranks with ties averaged (the "average" method of scipy.stats.rankdata), and the sort-once trick
 * the association engine relies on: each measure is sorted once, and the ranks of any subset of its
 * days are then read off in one linear walk of that order instead of a fresh sort per pair.
 *
 * @example averageRanks([10, 20, 20, 5]) // → [2, 3.5, 3.5, 1]
 */

/**
 * Indices of the non-missing (non-NaN) entries of `column`, sorted by value (ties in index order).
 * Diary measures are mostly whole numbers in a narrow range (1–10 scales, minutes, servings) or take
 * few distinct values (hours in quarters), so those are counting-sorted instead of sorted with a
 * comparator.
 */
export function sortedOrder(column: ArrayLike<number>): Int32Array {
  return integerOrder(column) ?? levelOrder(column);
}

/** Widest range of whole numbers sorted by direct counting (minutes in a day, 1–10 scales…). */
const MAX_INTEGER_RANGE = 4096;

/** Counting sort for whole-number columns with a narrow range; undefined for any other column. */
function integerOrder(column: ArrayLike<number>): Int32Array | undefined {
  const n = column.length;
  let min = Number.POSITIVE_INFINITY;
  let max = Number.NEGATIVE_INFINITY;
  let present = 0;
  for (let i = 0; i < n; i++) {
    const v = column[i] as number;
    if (Number.isNaN(v)) continue;
    if (!Number.isInteger(v)) return undefined;
    if (v < min) min = v;
    if (v > max) max = v;
    present++;
  }
  if (present === 0) return new Int32Array(0);
  if (max - min > MAX_INTEGER_RANGE) return undefined;
  const start = new Int32Array(max - min + 2);
  for (let i = 0; i < n; i++) {
    const v = column[i] as number;
    if (!Number.isNaN(v)) start[v - min + 1] = (start[v - min + 1] as number) + 1;
  }
  for (let l = 1; l < start.length; l++) start[l] = (start[l] as number) + (start[l - 1] as number);
  const out = new Int32Array(present);
  for (let i = 0; i < n; i++) {
    const v = column[i] as number;
    if (Number.isNaN(v)) continue;
    const l = v - min;
    out[start[l] as number] = i;
    start[l] = (start[l] as number) + 1;
  }
  return out;
}

/** Counting sort over the distinct values when there are few of them, else a comparator sort. */
function levelOrder(column: ArrayLike<number>): Int32Array {
  const n = column.length;
  let present = 0;
  for (let i = 0; i < n; i++) if (!Number.isNaN(column[i] as number)) present++;
  const values = new Float64Array(present);
  for (let i = 0, k = 0; i < n; i++)
    if (!Number.isNaN(column[i] as number)) values[k++] = column[i] as number;
  values.sort();
  let distinct = 0;
  for (let k = 0; k < present; k++)
    if (k === 0 || values[k] !== values[k - 1]) values[distinct++] = values[k] as number;
  if (distinct > 64) return comparatorOrder(column, present);
  const levels = values.subarray(0, distinct);
  const start = new Int32Array(distinct + 1);
  const level = new Int32Array(n);
  for (let i = 0; i < n; i++) {
    const v = column[i] as number;
    if (Number.isNaN(v)) continue;
    const l = levelOf(levels, v);
    level[i] = l;
    start[l + 1] = (start[l + 1] as number) + 1;
  }
  for (let l = 0; l < distinct; l++) start[l + 1] = (start[l + 1] as number) + (start[l] as number);
  const out = new Int32Array(present);
  for (let i = 0; i < n; i++) {
    if (Number.isNaN(column[i] as number)) continue;
    const l = level[i] as number;
    out[start[l] as number] = i;
    start[l] = (start[l] as number) + 1;
  }
  return out;
}

/** Position of `v` among the sorted distinct `levels` (binary search; `v` is one of them). */
function levelOf(levels: Float64Array, v: number): number {
  let lo = 0;
  let hi = levels.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((levels[mid] as number) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

function comparatorOrder(column: ArrayLike<number>, present: number): Int32Array {
  const idx = new Int32Array(present);
  for (let i = 0, k = 0; i < column.length; i++) if (!Number.isNaN(column[i] as number)) idx[k++] = i;
  return idx.sort((a, b) => (column[a] as number) - (column[b] as number) || a - b);
}

/**
 * Writes into `out[i]` the average rank (1-based) of `column[i]` among the entries `i` for which
 * `included[i + shift]` is 1, walking `order` (from `sortedOrder(column)`). Entries not included are
 * left untouched. Returns how many entries were ranked.
 */
export function ranksAlongOrder(
  column: ArrayLike<number>,
  order: Int32Array,
  included: Uint8Array,
  shift: number,
  out: Float64Array | Float32Array,
): number {
  let rank = 0;
  let k = 0;
  const n = order.length;
  while (k < n) {
    const i = order[k] as number;
    if (included[i + shift] !== 1) {
      k++;
      continue;
    }
    // Gather the run of included entries tied with this value, then give each the run's mean rank.
    const v = column[i] as number;
    let end = k;
    let count = 0;
    while (end < n && (column[order[end] as number] as number) === v) {
      if (included[(order[end] as number) + shift] === 1) count++;
      end++;
    }
    const mid = rank + (count + 1) / 2;
    for (let j = k; j < end; j++) {
      const t = order[j] as number;
      if (included[t + shift] === 1) out[t] = mid;
    }
    rank += count;
    k = end;
  }
  return rank;
}

/** Average ranks of all values (none may be NaN). */
export function averageRanks(values: ArrayLike<number>): Float64Array {
  const out = new Float64Array(values.length);
  const all = new Uint8Array(values.length).fill(1);
  ranksAlongOrder(values, sortedOrder(values), all, 0, out);
  return out;
}
