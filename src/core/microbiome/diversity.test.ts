import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseSample, compareSamples, sampleVector } from './analysis.ts';
import { alphaDiversity, brayCurtis, brayCurtisAllPairs, type SparseSample } from './diversity.ts';
import { readReportText } from './read.ts';
import type { AbundanceTable } from './types.ts';

// Expected values come from scikit-bio 0.5.8 via reference.py (run it to regenerate the JSON).
const ref = JSON.parse(readFileSync(join(import.meta.dirname, 'reference-values.json'), 'utf8'));
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

function taxa(text: string, rank: 'genus' | 'species' = 'genus'): AbundanceTable {
  const r = readReportText(text, { rank });
  if (r.kind !== 'taxa') throw new Error('expected a taxa table');
  return r.table;
}

function expectAlpha(
  actual: ReturnType<typeof alphaDiversity> | null,
  expected: Record<string, number | null>,
) {
  if (!actual) throw new Error('expected a diversity');
  expect(actual.shannonNats).toBeCloseTo(expected.shannonNats as number, 12);
  expect(actual.shannonBits).toBeCloseTo(expected.shannonBits as number, 12);
  expect(actual.simpson).toBeCloseTo(expected.simpson as number, 12);
  expect(actual.inverseSimpson).toBeCloseTo(expected.inverseSimpson as number, 12);
  expect(actual.observed).toBe(expected.observed);
  if (expected.pielou === null) expect(actual.pielou).toBeNull();
  else expect(actual.pielou).toBeCloseTo(expected.pielou as number, 12);
  if ('chao1' in expected) expect(actual.chao1).toEqual({ value: expected.chao1 });
  else expect(actual.chao1).toHaveProperty('refused');
}

describe('alpha diversity against scikit-bio', () => {
  it('matches every measure on each sample of the minimal BIOM table (integer counts)', () => {
    const table = taxa(fixture('min_sparse_otu_table.biom'));
    expect(table.rank).toBe('feature');
    table.sampleIds.forEach((id, s) => {
      expectAlpha(alphaDiversity(sampleVector(table, s), true), ref.min_sparse.alpha[id]);
    });
  });

  it('labels bits and nats correctly: bits = nats / ln 2, and scikit-bio 0.5.8 defaults to bits', () => {
    const d = alphaDiversity([1, 1, 1, 1], true);
    expect(d.shannonNats).toBeCloseTo(Math.log(4), 14);
    expect(d.shannonBits).toBeCloseTo(2, 14);
  });

  it('hand-worked Chao1 (bias-corrected): counts [1,1,1,2,5] → 5 + 3·2/(2·2) = 6.5', () => {
    expect(alphaDiversity([1, 1, 1, 2, 5, 0], true).chao1).toEqual({ value: 6.5 });
  });

  it('refuses Chao1 for relative abundances, with a reason', () => {
    const d = alphaDiversity([52.85687, 34.6816], false);
    expect('refused' in d.chao1 && d.chao1.refused).toMatch(/read counts/);
  });

  it('gives no Pielou evenness for a single taxon (ln 1 = 0)', () => {
    expect(alphaDiversity([7, 0], true).pielou).toBeNull();
  });
});

describe('Bray–Curtis against scikit-bio / SciPy', () => {
  const table = taxa(fixture('min_sparse_otu_table.biom'));
  const dense = table.sampleIds.map((_, s) => sampleVector(table, s));

  it('all pairs on counts match skbio beta_diversity("braycurtis") condensed form', () => {
    const sparse: SparseSample[] = dense.map((v) => {
      const idx = [...v.keys()].filter((i) => v[i]! > 0);
      return {
        taxa: Uint32Array.from(idx),
        values: Float64Array.from(idx, (i) => v[i]!),
        total: v.reduce((a, b) => a + b, 0),
      };
    });
    const pairs = brayCurtisAllPairs(sparse, table.taxa.length);
    expect(pairs.length).toBe(ref.min_sparse.brayCurtisCounts.length);
    pairs.forEach((d, k) => {
      expect(d).toBeCloseTo(ref.min_sparse.brayCurtisCounts[k], 12);
    });
    // The dense form agrees with the sparse one.
    expect(brayCurtis(dense[0]!, dense[1]!)).toBeCloseTo(ref.min_sparse.brayCurtisCounts[0], 12);
  });

  it('change between successive samples compares relative abundances', () => {
    const a = analyseSample(table, 0);
    const b = analyseSample(table, 1);
    const change = compareSamples(a, b);
    expect(change.brayCurtis).toBeCloseTo(ref.min_sparse.brayCurtisRelative12, 12);
    expect(change.observed).toBe(b.diversity!.observed - a.diversity!.observed);
  });
});

describe('collapsed tables against scikit-bio', () => {
  it('BIOM 1.0 with taxonomy at genus sums the two Escherichia OTUs', () => {
    const table = taxa(fixture('rich_sparse_otu_table.biom'));
    expect(table.taxa.map((t) => t.name).sort()).toEqual([...ref.rich_sparse_genus.genera].sort());
    table.sampleIds.forEach((id, s) => {
      expectAlpha(analyseSample(table, s).diversity, ref.rich_sparse_genus.alpha[id]);
    });
  });

  it('MetaPhlAn 4 at genus and species: percentages, Chao1 refused', () => {
    for (const rank of ['genus', 'species'] as const) {
      const table = taxa(fixture('metaphlan4_rel_ab_w_read_stats.tsv'), rank);
      const expected = ref[`metaphlan_${rank}`];
      const got = Object.fromEntries(table.taxa.map((t) => [t.name, t.values[0]]));
      expect(got).toEqual(expected.taxa);
      expectAlpha(analyseSample(table, 0).diversity, expected.alpha);
    }
  });
});
