/**
 * Collects feature rows into taxa at one rank while a file streams past: rows naming the same taxon
 * are summed sample by sample, so memory grows with the number of taxa, not of features.
 */
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
  readonly unclassified: Float64Array;

  constructor(readonly sampleCount: number) {
    this.unclassified = new Float64Array(sampleCount);
  }

  /** Adds one row; `samples` must be strictly increasing sample indexes with non-zero values. */
  add(key: string, name: string, lineage: string[], samples: Uint32Array, values: Float64Array): void {
    for (let i = 0; i < values.length; i++) if (!Number.isInteger(values[i])) this.integer = false;
    const have = this.byKey.get(key);
    if (!have) {
      this.byKey.set(key, { name, lineage, samples, values });
      return;
    }
    const merged = mergeSparse(have.samples, have.values, samples, values);
    have.samples = merged.samples;
    have.values = merged.values;
  }

  addUnclassified(sample: number, value: number): void {
    if (!Number.isInteger(value)) this.integer = false;
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
    const integerCounts = this.integer;
    return {
      format: meta.format,
      rank: meta.rank,
      sampleIds: meta.sampleIds,
      taxa,
      valueKind: meta.valueKind ?? (integerCounts ? 'counts' : 'relative'),
      unclassified: this.unclassified,
      integerCounts: integerCounts && meta.valueKind !== 'relative',
      notes: meta.notes ?? [],
    };
  }
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
