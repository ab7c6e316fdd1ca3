import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { analyseSample, compareSamples } from './analysis.ts';
import { readReportText } from './read.ts';
import { errorOf, taxa } from './test-tables.ts';

/**
 * Reports that used to give a number where the honest answer is "no number" or "not that number":
 * empty samples, numbers too large for a double, repeated ids, whole-number percentages and MetaPhlAn
 * ranks the profile does not fully cover. Reference values: scikit-bio 0.5.8 (Debian), printed by
 *   /usr/bin/python3 -c "from skbio.diversity import alpha; import numpy as np;
 *     print(alpha.shannon([0,0,0], base=np.e), alpha.chao1([97,1,1,1]), alpha.shannon([97,1,1,1], base=np.e),
 *           alpha.simpson([97,1,1,1]))"
 * → nan 7.0 0.1677005368398101 0.058800000000000074
 */
const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

describe('empty samples', () => {
  const table = taxa(readReportText('#OTU ID\tA\tB\nf1\t3\t0\nf2\t5\t0\nf3\t2\t0\n'));

  it('have no diversity (scikit-bio: NaN), never Shannon 0 or Chao1 0, and say why', () => {
    const b = analyseSample(table, 1);
    expect(b.diversity).toBeNull();
    expect(b.taxa).toEqual([]);
    expect(b.notes.join(' ')).toMatch(/Sample 'B' holds no reads \(every value is 0\)/);
    const a = analyseSample(table, 0);
    expect(a.diversity?.observed).toBe(3);
    expect(compareSamples(a, b).shannonNats).toBeNull();
  });
});

describe('numbers a double cannot hold', () => {
  it.each([
    ['plain table', 'taxon\tS1\nRoseburia\t3\nBlautia\t1e400\n', 3],
    ['QIIME 2 table', '# Constructed from biom file\n#OTU ID\tS1\nf1\t2\nf2\t1\nf3\t1e999\n', 5],
    ['MetaPhlAn', 'clade_name\tS1\nk__Bacteria\t100\nk__Bacteria|p__Firmicutes\t1e400\n', 3],
    ['HUMAnN', '# Gene Family\tS1\nK00001\t1e309\n', 2],
  ])('a %s holding 1e400 is refused on its line', (_, text, line) => {
    const e = errorOf(() => readReportText(text));
    expect(e.line).toBe(line);
    expect(e.message).toMatch(new RegExp(`^Line ${line}: `));
  });

  it.each(['NaN', 'inf', 'Infinity', '-nan'])('%s is refused with its line', (value) => {
    const e = errorOf(() => readReportText(`taxon\tS1\nRoseburia\t3\nBlautia\t${value}\n`));
    expect(e.line).toBe(3);
    expect(e.message).toMatch(/not a number/);
  });

  it('BIOM 1.0 data holding 1e400 is refused with its line', () => {
    const doc = JSON.parse(fixture('min_sparse_otu_table.biom'));
    const text = JSON.stringify(doc).replace('"data":[', '"data":\n[[0,0,1e400],');
    expect(errorOf(() => readReportText(text)).message).toMatch(/^Line 2: '1e400' in data is not a number/);
  });
});

describe('repeated ids', () => {
  it('a sample named twice in a header is refused naming both columns', () => {
    const e = errorOf(() => readReportText('#OTU ID\tS1\tS2\tS1\nf1\t1\t2\t3\n'));
    expect(e.message).toBe(
      "the sample 'S1' appears twice (column 2 of line 1 and column 4 of line 1); each must be unique",
    );
    const mpa = errorOf(() => readReportText('clade_name\tclade_taxid\tA\tA\nk__Bacteria\t2\t100\t100\n'));
    expect(mpa.message).toMatch(/the sample 'A' appears twice \(column 3 of line 1 and column 4 of line 1\)/);
  });

  it('a feature on two lines is refused naming both lines, not summed', () => {
    const e = errorOf(() => readReportText('#OTU ID\tS1\nf1\t1\nf2\t2\nf1\t3\n'));
    expect(e.message).toBe("the feature 'f1' appears twice (line 2 and line 4); each must be unique");
    const ko = errorOf(() => readReportText('# Gene Family\tS1\nK00001: one\t1\nK00002\t1\nK00001\t2\n'));
    expect(ko.message).toMatch(/the ortholog 'K00001' appears twice \(line 2 and line 4\)/);
    const clade = errorOf(() => readReportText('clade_name\tS1\nk__Bacteria\t100\nk__Bacteria\t100\n'));
    expect(clade.message).toMatch(/the clade 'k__Bacteria' appears twice \(line 2 and line 3\)/);
  });

  it('BIOM ids repeated in rows or columns are refused naming both positions', () => {
    const doc = JSON.parse(fixture('min_sparse_otu_table.biom'));
    doc.columns[3].id = doc.columns[1].id;
    expect(errorOf(() => readReportText(JSON.stringify(doc))).message).toBe(
      `the sample '${doc.columns[1].id}' appears twice (columns[1] and columns[3]); each must be unique`,
    );
  });
});

describe('whole-number percentages', () => {
  it('97/1/1/1 in a table whose samples sum to 100 are shares, not four reads (Chao1 would say 7)', () => {
    const table = taxa(readReportText('taxon\tS1\tS2\nA\t97\t50\nB\t1\t25\nC\t1\t25\nD\t1\t0\n'));
    expect(table.valueKind).toBe('relative');
    expect(table.integerCounts).toBe(false);
    const a = analyseSample(table, 0);
    expect(a.diversity?.chao1).toHaveProperty('refused');
    expect(a.diversity?.shannonNats).toBeCloseTo(0.1677005368398101, 12);
    expect(a.diversity?.simpson).toBeCloseTo(0.058800000000000074, 12);
    expect(a.notes.join(' ')).toMatch(/read as percentages, not read counts/);
  });

  it('real counts (one sample not near 100) stay counts', () => {
    const table = taxa(readReportText('taxon\tS1\tS2\nA\t97\t500\nB\t1\t25\nC\t1\t25\nD\t1\t0\n'));
    expect(table.valueKind).toBe('counts');
    expect(analyseSample(table, 0).diversity?.chao1).toEqual({ value: 7 });
  });
});

describe('MetaPhlAn ranks checked against the profile', () => {
  const profile = fixture('metaphlan4_rel_ab_w_read_stats.tsv');

  it('a rank with a missing row keeps the shares the profile gives (0.471), the rest not assigned', () => {
    // Without the Actinobacteria phylum row, the phylum rows cover 47.14313 % of a 100 % profile.
    const text = profile.replace(/^k__Bacteria\|p__Actinobacteria\t.*\n/m, '');
    const a = analyseSample(taxa(readReportText(text, { rank: 'phylum' })), 0);
    expect(a.taxa).toHaveLength(1);
    expect(a.taxa[0]!.name).toBe('Bacteroidetes');
    expect(a.taxa[0]!.share).toBeCloseTo(0.4714313, 7);
    expect(a.unclassifiedShare).toBeCloseTo(0.5285687, 7);
    expect(a.notes.join(' ')).toMatch(/not assigned at phylum level/);
  });

  it('a complete rank has nothing unassigned', () => {
    const a = analyseSample(taxa(readReportText(profile, { rank: 'genus' })), 0);
    expect(a.unclassifiedShare).toBe(0);
    expect(a.taxa[0]!.share).toBeCloseTo(0.5285687, 6);
  });

  it('a rank with no rows is an error naming the ranks present', () => {
    const noStrains = profile.replace(/^.*\|t__.*\n/gm, '');
    const e = errorOf(() => readReportText(noStrains, { rank: 'strain' }));
    expect(e.message).toBe(
      'the profile has no strain-level rows, so nothing can be shown at that rank; it has rows at kingdom, phylum, class, order, family, genus, species level',
    );
  });
});
