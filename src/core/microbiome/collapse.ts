/**
 * Collects feature rows into taxa at one rank while a file streams past: rows naming the same taxon
 * are summed sample by sample, so memory grows with the number of taxa, not of features.
 */
import { checkLimit, limitMessages, REPORT_LIMITS } from './limits.ts';
import type { AbundanceTable, ProfileFormat, TableRank, TaxonRow, ValueKind } from './types.ts';

interface Growing {
  name: string;
  lineage: string[];
  samples: Uint32Array;
  values: Float64Array;
}

export class TaxonCollector {
  private readonly byKey = new Map<string, Growing>();
  private integer = true;
  /** Non-zero values held across all taxa: the memory the table takes grows with this. */
  private held = 0;
  readonly unclassified: Float64Array;
  /** Per sample, the sum of every value added (taxa and unclassified). */
  readonly totals: Float64Array;

  constructor(
    readonly sampleCount: number,
    readonly maxValues: number = REPORT_LIMITS.values,
  ) {
    checkLimit(sampleCount, REPORT_LIMITS.samples, () =>
      limitMessages.samples(sampleCount, REPORT_LIMITS.samples),
    );
    this.unclassified = new Float64Array(sampleCount);
    this.totals = new Float64Array(sampleCount);
  }

  /** Adds one row; `samples` must be strictly increasing sample indexes with non-zero values. */
  add(key: string, name: string, lineage: string[], samples: Uint32Array, values: Float64Array): void {
    for (let i = 0; i < values.length; i++) {
      if (!Number.isInteger(values[i])) this.integer = false;
      this.totals[samples[i]!]! += values[i]!;
    }
    const have = this.byKey.get(key);
    if (!have) {
      this.hold(values.length);
      this.byKey.set(key, { name, lineage, samples, values });
      return;
    }
    const before = have.values.length;
    const merged = mergeSparse(have.samples, have.values, samples, values);
    have.samples = merged.samples;
    have.values = merged.values;
    this.hold(merged.values.length - before);
  }

  private hold(n: number): void {
    this.held += n;
    checkLimit(this.held, this.maxValues, () => limitMessages.values(this.maxValues));
  }

  addUnclassified(sample: number, value: number): void {
    if (!Number.isInteger(value)) this.integer = false;
    this.totals[sample]! += value;
    this.unclassified[sample] = (this.unclassified[sample] ?? 0) + value;
  }

  finish(meta: {
    format: ProfileFormat;
    rank: TableRank;
    sampleIds: string[];
    valueKind?: ValueKind;
    notes?: string[];
  }): AbundanceTable {
    const taxa: TaxonRow[] = [...this.byKey.values()];
    const notes = [...(meta.notes ?? [])];
    let integerCounts = this.integer && meta.valueKind !== 'relative';
    let valueKind: ValueKind = meta.valueKind ?? (this.integer ? 'counts' : 'relative');
    if (integerCounts && wholePercentages(this.totals)) {
      integerCounts = false;
      valueKind = 'relative';
      notes.push(
        'Every sample adds up to about 100, so the whole numbers are read as percentages, not read counts. Chao1, which needs read counts, is not computed.',
      );
    }
    return {
      format: meta.format,
      rank: meta.rank,
      sampleIds: meta.sampleIds,
      taxa,
      valueKind,
      unclassified: this.unclassified,
      integerCounts,
      notes,
    };
  }
}

/**
 * Whole numbers whose every non-empty sample sums to 100 (±1 for rounding) are percentages: a
 * sequencing run yields thousands of reads, and reading 97/1/1/1 % as four reads with three
 * singletons would give Chao1 = 7 taxa where four were seen.
 */
function wholePercentages(totals: Float64Array): boolean {
  let nonEmpty = 0;
  for (const t of totals) {
    if (t === 0) continue;
    if (t < 99 || t > 101) return false;
    nonEmpty++;
  }
  return nonEmpty > 0;
}

/** Sum of two sparse vectors given as sorted index arrays with their values. */
export function mergeSparse(
  aIdx: Uint32Array,
  aVal: Float64Array,
  bIdx: Uint32Array,
  bVal: Float64Array,
): { samples: Uint32Array; values: Float64Array } {
  const idx = new Uint32Array(aIdx.length + bIdx.length);
  const val = new Float64Array(aIdx.length + bIdx.length);
  let i = 0;
  let j = 0;
  let n = 0;
  while (i < aIdx.length || j < bIdx.length) {
    const ai = i < aIdx.length ? aIdx[i]! : Number.POSITIVE_INFINITY;
    const bj = j < bIdx.length ? bIdx[j]! : Number.POSITIVE_INFINITY;
    if (ai === bj) {
      idx[n] = ai;
      val[n++] = aVal[i++]! + bVal[j++]!;
    } else if (ai < bj) {
      idx[n] = ai;
      val[n++] = aVal[i++]!;
    } else {
      idx[n] = bj;
      val[n++] = bVal[j++]!;
    }
  }
  return { samples: idx.slice(0, n), values: val.slice(0, n) };
}

/** Sparse form of one dense row: only non-zero entries are kept. */
export function sparseFromDense(dense: ArrayLike<number>): { samples: Uint32Array; values: Float64Array } {
  let n = 0;
  for (let i = 0; i < dense.length; i++) if (dense[i] !== 0) n++;
  const samples = new Uint32Array(n);
  const values = new Float64Array(n);
  let k = 0;
  for (let i = 0; i < dense.length; i++) {
    const v = dense[i]!;
    if (v !== 0) {
      samples[k] = i;
      values[k++] = v;
    }
  }
  return { samples, values };
}
