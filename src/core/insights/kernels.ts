/**
 * The inner loops of the association engine, written without branches on the data: columns are
 * prepared once (missing → 0 plus a 0/1 "present" column) so that each factor × outcome × lag is a
 * few multiply-adds per day. Random gaps in a diary make data-dependent branches mispredict, and
 * with ~700 pairs over years of days these loops are most of the work.
 */

/** An outcome prepared for the loops: values shifted by their mean (for exact variances), 0 where missing. */
export interface PreparedOutcome {
  shift: number;
  value: Float64Array;
  square: Float64Array;
  /** 1 where recorded. */
  mask: Uint8Array;
}

export function prepareOutcome(y: Float64Array): PreparedOutcome {
  let sum = 0;
  let n = 0;
  for (const v of y) {
    if (!Number.isNaN(v)) {
      sum += v;
      n++;
    }
  }
  const shift = n ? sum / n : 0;
  const value = new Float64Array(y.length);
  const square = new Float64Array(y.length);
  const mask = new Uint8Array(y.length);
  for (let i = 0; i < y.length; i++) {
    const v = y[i] as number;
    if (Number.isNaN(v)) continue;
    const s = v - shift;
    value[i] = s;
    square[i] = s * s;
    mask[i] = 1;
  }
  return { shift, value, square, mask };
}

/** A yes/no factor as two 0/1 columns: a day with it, a day without it (both 0 when unknown). */
export interface PreparedPresence {
  withDay: Uint8Array;
  withoutDay: Uint8Array;
}

export function preparePresence(x: Float64Array): PreparedPresence {
  const withDay = new Uint8Array(x.length);
  const withoutDay = new Uint8Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const v = x[i] as number;
    if (v > 0) withDay[i] = 1;
    else if (v === 0) withoutDay[i] = 1;
  }
  return { withDay, withoutDay };
}

export interface GroupSums {
  nWith: number;
  sumWith: number;
  squaresWith: number;
  nWithout: number;
  sumWithout: number;
  squaresWithout: number;
}

/** Counts, shifted sums and sums of squares of the outcome `lag` days after days with / without. */
export function groupSums(x: PreparedPresence, y: PreparedOutcome, lag: number, days: number): GroupSums {
  const { withDay, withoutDay } = x;
  const { value, square, mask: present } = y;
  let nW = 0;
  let sW = 0;
  let qW = 0;
  let nO = 0;
  let sO = 0;
  let qO = 0;
  for (let d = 0, e = lag; e < days; d++, e++) {
    const w = withDay[d] as number;
    const o = withoutDay[d] as number;
    const p = present[e] as number;
    const v = value[e] as number;
    const q = square[e] as number;
    nW += w * p;
    sW += w * v;
    qW += w * q;
    nO += o * p;
    sO += o * v;
    qO += o * q;
  }
  return { nWith: nW, sumWith: sW, squaresWith: qW, nWithout: nO, sumWithout: sO, squaresWithout: qO };
}

/** Marks in `included` the days d with both x[d] and y[d + lag] recorded; returns how many. */
export function markPairedDays(
  xMask: Uint8Array,
  yMask: Uint8Array,
  lag: number,
  days: number,
  included: Uint8Array,
): number {
  let paired = 0;
  for (let d = 0, e = lag; e < days; d++, e++) {
    const inc = (xMask[d] as number) & (yMask[e] as number);
    included[d] = inc;
    paired += inc;
  }
  for (let d = Math.max(0, days - lag); d < included.length; d++) included[d] = 0;
  return paired;
}

/**
 * Pearson's r of ranks over the included days (ranks of the outcome read `lag` days later), and in
 * the same pass the sums of the (shifted) outcome on days whose factor rank is above / below the
 * middle rank, written into `split`: a continuous lever's effect in the outcome's own points. Days at
 * the middle rank go to neither half.
 */
export function rankCorrelation(
  xRanks: Float32Array,
  yRanks: Float32Array,
  yValues: Float64Array,
  included: Uint8Array,
  lag: number,
  days: number,
  paired: number,
  split: SplitMeans,
): number {
  const mid = (paired + 1) / 2;
  let sxy = 0;
  let sxx = 0;
  let syy = 0;
  let nH = 0;
  let sH = 0;
  let nL = 0;
  let sL = 0;
  for (let d = 0, e = lag; e < days; d++, e++) {
    const inc = included[d] as number;
    const a = ((xRanks[d] as number) - mid) * inc;
    const b = ((yRanks[e] as number) - mid) * inc;
    sxy += a * b;
    sxx += a * a;
    syy += b * b;
    const h = a > 0 ? 1 : 0;
    const l = a < 0 ? 1 : 0;
    const v = yValues[e] as number;
    nH += h;
    sH += h * v;
    nL += l;
    sL += l * v;
  }
  split.highDays = nH;
  split.highSum = sH;
  split.lowDays = nL;
  split.lowSum = sL;
  return sxx > 0 && syy > 0 ? sxy / Math.sqrt(sxx * syy) : Number.NaN;
}

/** 1 where the column has a value, 0 where it is missing. */
export function presentMask(column: Float64Array): Uint8Array {
  const mask = new Uint8Array(column.length);
  for (let i = 0; i < column.length; i++) mask[i] = Number.isNaN(column[i] as number) ? 0 : 1;
  return mask;
}

export interface SplitMeans {
  highDays: number;
  highSum: number;
  lowDays: number;
  lowSum: number;
}
