/**
 * A sample's analysis from a parsed table: relative abundance at the table's rank, alpha diversity,
 * mood-associated taxa, and (given a KO table and module definitions) gut–brain modules; plus the
 * change between two successive samples.
 */
import { type AlphaDiversity, alphaDiversity, brayCurtis, type SparseSample } from './diversity.ts';
import type { KoTable } from './humann.ts';
import { type ModuleDefinition, type ModuleResult, scoreModules } from './modules.ts';
import { findMoodTaxa, type MoodTaxonFinding } from './signatures.ts';
import type { AbundanceTable, ProfileFormat, TableRank, ValueKind } from './types.ts';

export interface TaxonShare {
  name: string;
  lineage: string[];
  /** Share of the whole profile, 0–1 (the unclassified part is not in any taxon). */
  share: number;
}

export interface SampleAnalysis {
  sampleId: string;
  format: ProfileFormat;
  rank: TableRank;
  valueKind: ValueKind;
  /**
   * Share of the profile not assigned at this rank: MetaPhlAn's UNCLASSIFIED plus clades the
   * profile names only at a higher rank. Shown as "not assigned at this rank", never as a taxon.
   */
  unclassifiedShare: number;
  /** Taxa with a non-zero share, largest first. */
  taxa: TaxonShare[];
  /** Null for an empty sample (every value 0): it has no diversity, not a diversity of 0. */
  diversity: AlphaDiversity | null;
  moodTaxa: MoodTaxonFinding[];
  notes: string[];
}

/** One sample's values as a dense vector over the table's taxa. */
export function sampleVector(table: AbundanceTable, sample: number): Float64Array {
  const out = new Float64Array(table.taxa.length);
  table.taxa.forEach((t, i) => {
    // Rows are sorted by sample index; a linear scan is fine for the few samples of one person.
    for (let k = 0; k < t.samples.length; k++) {
      if (t.samples[k] === sample) {
        out[i] = t.values[k]!;
        break;
      }
      if (t.samples[k]! > sample) break;
    }
  });
  return out;
}

const percent = (share: number) => `${(share * 100).toFixed(1)} %`;

export function analyseSample(table: AbundanceTable, sample: number): SampleAnalysis {
  const values = sampleVector(table, sample);
  let classified = 0;
  for (const v of values) classified += v;
  const unclassified = table.unclassified[sample] ?? 0;
  const total = classified + unclassified;
  const taxa: TaxonShare[] = [];
  table.taxa.forEach((t, i) => {
    const v = values[i]!;
    if (v > 0) taxa.push({ name: t.name, lineage: t.lineage, share: v / total });
  });
  taxa.sort((a, b) => b.share - a.share || a.name.localeCompare(b.name));
  const notes = [...table.notes];
  const sampleId = table.sampleIds[sample]!;
  // scikit-bio answers NaN for an all-zero sample: with no reads there are no shares to measure.
  const empty = classified === 0;
  if (total === 0) {
    notes.push(
      `Sample '${sampleId}' holds no reads (every value is 0), so it has no diversity to compute. Check that this is the right sample.`,
    );
  } else if (empty) {
    notes.push(
      `Nothing in sample '${sampleId}' is assigned at ${table.rank} level, so it has no diversity there.`,
    );
  } else if (unclassified > 0) {
    const why =
      table.format === 'metaphlan'
        ? ' (reads MetaPhlAn could not classify, or clades it named only at a higher rank)'
        : '';
    notes.push(
      `${percent(unclassified / total)} of this sample is not assigned at ${table.rank} level${why}. It is shown as "not assigned at this rank", never as a taxon, and diversity is computed over the assigned taxa.`,
    );
  }
  return {
    sampleId,
    format: table.format,
    rank: table.rank,
    valueKind: table.valueKind,
    unclassifiedShare: total > 0 ? unclassified / total : 0,
    taxa,
    diversity: empty ? null : alphaDiversity(values, table.integerCounts),
    moodTaxa: findMoodTaxa(table, sample, total),
    notes,
  };
}

/** Gut–brain modules of every sample in a KO table. */
export function analyseModules(
  kos: KoTable,
  modules: readonly ModuleDefinition[],
  cutoff?: number,
): Array<{ sampleId: string; modules: ModuleResult[] }> {
  return kos.sampleIds.map((sampleId, s) => ({
    sampleId,
    modules: scoreModules(modules, (o) => kos.orthologs.get(o)?.[s] ?? 0, cutoff),
  }));
}

export interface SampleChange {
  /** Bray–Curtis between the two samples' relative abundances at the shared rank (0 same … 1 nothing shared). */
  brayCurtis: number;
  /** Null when either sample is empty (no diversity to compare). */
  shannonNats: number | null;
  observed: number;
  /** Taxa whose share moved most, largest change first (share points, −1…1). */
  biggestShifts: Array<{ name: string; before: number; after: number }>;
}

/** What changed from an earlier sample to a later one, both already analysed at the same rank. */
export function compareSamples(before: SampleAnalysis, after: SampleAnalysis, top = 5): SampleChange {
  const names = new Set([...before.taxa.map((t) => t.name), ...after.taxa.map((t) => t.name)]);
  const b = new Map(before.taxa.map((t) => [t.name, t.share]));
  const a = new Map(after.taxa.map((t) => [t.name, t.share]));
  const order = [...names];
  const normalise = (m: Map<string, number>) => {
    const v = order.map((n) => m.get(n) ?? 0);
    const sum = v.reduce((x, y) => x + y, 0);
    return v.map((x) => (sum > 0 ? x / sum : 0));
  };
  const shifts = order
    .map((name) => ({ name, before: b.get(name) ?? 0, after: a.get(name) ?? 0 }))
    .sort(
      (x, y) => Math.abs(y.after - y.before) - Math.abs(x.after - x.before) || x.name.localeCompare(y.name),
    )
    .slice(0, top);
  return {
    brayCurtis: brayCurtis(normalise(b), normalise(a)),
    shannonNats:
      after.diversity && before.diversity ? after.diversity.shannonNats - before.diversity.shannonNats : null,
    observed: (after.diversity?.observed ?? 0) - (before.diversity?.observed ?? 0),
    biggestShifts: shifts,
  };
}

/** Every sample as a sparse vector over the table's taxa (the transpose of the taxon rows). */
export function sparseSamples(table: AbundanceTable): SparseSample[] {
  const n = table.sampleIds.length;
  const counts = new Uint32Array(n);
  for (const t of table.taxa) for (let k = 0; k < t.samples.length; k++) counts[t.samples[k]!]!++;
  const out: SparseSample[] = Array.from({ length: n }, (_, s) => ({
    taxa: new Uint32Array(counts[s]!),
    values: new Float64Array(counts[s]!),
    total: 0,
  }));
  const fill = new Uint32Array(n);
  table.taxa.forEach((t, i) => {
    for (let k = 0; k < t.samples.length; k++) {
      const s = t.samples[k]!;
      const o = out[s]!;
      const at = fill[s]!++;
      o.taxa[at] = i;
      o.values[at] = t.values[k]!;
      o.total += t.values[k]!;
    }
  });
  return out;
}
