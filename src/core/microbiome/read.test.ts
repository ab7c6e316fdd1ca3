import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseTaxonomyTsv } from './feature-table.ts';
import { detectFormat, ReportParser, readReportText } from './read.ts';
import { byName, errorOf, taxa } from './test-tables.ts';

const dir = join(import.meta.dirname, 'fixtures');
const fixture = (name: string) => readFileSync(join(dir, name), 'utf8');

const MERGED = [
  '#mpa_vJan21_CHOCOPhlAnSGB_202103',
  'clade_name\tclade_taxid\tS1\tS2',
  'UNCLASSIFIED\t-1\t20.0\t0.0',
  'k__Bacteria\t2\t80.0\t100.0',
  'k__Bacteria|p__Firmicutes\t2|1239\t80.0\t100.0',
  'k__Bacteria|p__Firmicutes|c__Clostridia|o__Eubacteriales|f__Oscillospiraceae|g__Faecalibacterium\t2|1|2|3|4|5\t50.0\t60.0',
  'k__Bacteria|p__Firmicutes|c__Clostridia|o__Eubacteriales|f__Oscillospiraceae|g__Faecalibacterium|s__Faecalibacterium_prausnitzii\t2|1|2|3|4|5|6\t50.0\t60.0',
  'k__Bacteria|p__Firmicutes|c__Clostridia|o__Eubacteriales|f__Lachnospiraceae|g__Roseburia\t2|1|2|3|4|7\t30.0\t0.0',
  'k__Bacteria|p__Firmicutes|c__Clostridia|o__Eubacteriales|f__Lachnospiraceae|g__Coprococcus\t2|1|2|3|4|8\t0.0\t40.0',
].join('\n');

describe('format detection', () => {
  it('tells each format apart from its first lines', () => {
    expect(detectFormat(fixture('metaphlan4_rel_ab_w_read_stats.tsv').split('\n'))).toBe('metaphlan');
    expect(detectFormat(fixture('rich_sparse_otu_table.biom').split('\n'))).toBe('biom1');
    expect(detectFormat(['# Constructed from biom file', '#OTU ID\tS1', 'f1\t3'])).toBe('qiime2_tsv');
    expect(detectFormat(['# Gene Family\tS1_Abundance-RPKs', 'UNMAPPED\t3', 'K00001\t2'])).toBe('humann_ko');
    expect(detectFormat(['taxon,abundance', 'Roseburia,3'])).toBe('plain_table');
    expect(detectFormat(['k__Bacteria\t100.0', 'k__Bacteria|p__Firmicutes\t100.0'])).toBe('metaphlan');
  });
});

describe('MetaPhlAn', () => {
  it('reads the real MetaPhlAn 4 profile at genus without counting species or strains again', () => {
    const t = taxa(readReportText(fixture('metaphlan4_rel_ab_w_read_stats.tsv')));
    expect(t.format).toBe('metaphlan');
    expect(t.sampleIds).toEqual(['Metaphlan_Analysis']);
    const total = t.taxa.reduce((s, x) => s + x.values[0]!, 0);
    expect(total).toBeCloseTo(100, 4); // 52.85687 + 34.6816 + 12.14543 + 0.31609
    expect(t.integerCounts).toBe(false);
    expect(t.taxa.find((x) => x.name === 'Bacteroides')?.lineage).toEqual([
      'Bacteria',
      'Bacteroidetes',
      'Bacteroidia',
      'Bacteroidales',
      'Bacteroidaceae',
      'Bacteroides',
    ]);
  });

  it('reads a merged table: one column per sample, taxid column skipped, UNCLASSIFIED kept apart', () => {
    const t = taxa(readReportText(MERGED));
    expect(t.sampleIds).toEqual(['S1', 'S2']);
    expect(byName(t, 0)).toEqual({ Faecalibacterium: 50, Roseburia: 30 });
    expect(byName(t, 1)).toEqual({ Faecalibacterium: 60, Coprococcus: 40 });
    expect([...t.unclassified]).toEqual([20, 0]);
  });

  it('reads a headerless MetaPhlAn 2 profile', () => {
    const t = taxa(
      readReportText('k__Bacteria\t100\nk__Bacteria|p__Firmicutes|c__C|o__O|f__F|g__Roseburia\t100\n'),
    );
    expect(byName(t)).toEqual({ Roseburia: 100 });
  });

  it('names the line and column of a bad value', () => {
    const e = errorOf(() => readReportText(MERGED.replace('\t30.0\t0.0', '\tabc\t0.0')));
    expect(e.message).toBe("Line 8: column 'S1' holds 'abc', not a number");
    expect(e.line).toBe(8);
    expect(e.field).toBe('file');
  });

  it('refuses a row that is not a clade name', () => {
    const e = errorOf(() => readReportText(`${MERGED}\nnonsense\t1\t2\t3`));
    expect(e.line).toBe(10);
  });
});

describe('QIIME 2 and plain tables', () => {
  const table = [
    '# Constructed from biom file',
    '#OTU ID\tA\tB',
    'f1\t10\t0',
    'f2\t5\t3',
    'f3\t1\t1',
    'f4\t0\t2',
  ].join('\n');
  const taxonomyTsv = [
    'Feature ID\tTaxon\tConfidence',
    'f1\td__Bacteria; p__Firmicutes; c__Clostridia; o__Lachnospirales; f__Lachnospiraceae; g__Roseburia; s__\t0.99',
    'f2\td__Bacteria; p__Firmicutes; c__Clostridia; o__Lachnospirales; f__Lachnospiraceae; g__Roseburia\t0.98',
    'f3\td__Bacteria; p__Firmicutes; c__Clostridia; o__Oscillospirales; f__Ruminococcaceae; g__Faecalibacterium\t0.9',
    'f4\td__Bacteria; p__Firmicutes; c__Clostridia; o__Oscillospirales; f__Ruminococcaceae\t0.9',
  ].join('\n');

  it('joins the feature table with taxonomy.tsv and collapses to genus', () => {
    const t = taxa(readReportText(table, { taxonomy: parseTaxonomyTsv(taxonomyTsv) }));
    expect(t.format).toBe('qiime2_tsv');
    expect(t.sampleIds).toEqual(['A', 'B']);
    expect(byName(t, 0)).toEqual({ Roseburia: 15, Faecalibacterium: 1 });
    expect(byName(t, 1)).toEqual({ Roseburia: 3, Faecalibacterium: 1, 'unclassified Ruminococcaceae': 2 });
    expect(t.integerCounts).toBe(true);
  });

  it('uses features as they are without taxonomy, and says so', () => {
    const t = taxa(readReportText(table));
    expect(t.rank).toBe('feature');
    expect(t.notes.join(' ')).toMatch(/no taxonomy/i);
  });

  it('reads a plain CSV with quoted names and a lineage column', () => {
    const csv = 'taxon,abundance\n"Bifidobacterium, longum group",2.5\nRoseburia,7.5\n';
    const t = taxa(readReportText(csv));
    expect(t.format).toBe('plain_table');
    expect(byName(t)).toEqual({ 'Bifidobacterium, longum group': 2.5, Roseburia: 7.5 });
    expect(t.valueKind).toBe('relative');
  });

  it('names the line of a row with the wrong number of columns', () => {
    const e = errorOf(() => readReportText('taxon,abundance\nRoseburia,7.5\nDialister\n'));
    expect(e.message).toMatch(/^Line 3: expected 2 columns/);
  });

  it('refuses a taxonomy.tsv without its header', () => {
    expect(errorOf(() => parseTaxonomyTsv('f1\tk__Bacteria\n')).line).toBe(1);
  });
});

describe('HUMAnN KO tables', () => {
  it('reads community rows only (stratified rows would double count) and skips UNMAPPED', () => {
    const r = readReportText(
      [
        '# Gene Family\tS1_Abundance-RPKs\tS2_Abundance-RPKs',
        'UNMAPPED\t100\t100',
        'K01580: glutamate decarboxylase\t12\t0',
        'K01580|g__Bacteroides.s__Bacteroides_ovatus\t12\t0',
        'K00001\t3\t4',
      ].join('\n'),
    );
    if (r.kind !== 'orthologs') throw new Error('expected orthologs');
    expect(r.table.sampleIds).toEqual(['S1', 'S2']);
    expect([...r.table.orthologs.get('K01580')!]).toEqual([12, 0]);
    expect([...r.table.orthologs.keys()]).toEqual(['K01580', 'K00001']);
  });

  it('names the line of a row that is not a KO', () => {
    const e = errorOf(() => readReportText('# Gene Family\tS1\nK00001\t1\nGLUT\t2\n'));
    expect(e.line).toBe(3);
  });
});

describe('BIOM', () => {
  it('names the JSON field at fault', () => {
    const doc = JSON.parse(fixture('min_sparse_otu_table.biom'));
    doc.data[3] = [3, 9, 1];
    const e = errorOf(() => readReportText(JSON.stringify(doc)));
    expect(e.message).toBe('data[3][1]: column index must be 0–5');
    doc.data[3] = [3, 0, -2];
    expect(errorOf(() => readReportText(JSON.stringify(doc))).message).toMatch(/^data\[3\]\[2\]/);
    expect(errorOf(() => readReportText('{"format": "1.0.0", "rows": [')).message).toMatch(
      /ends before it is complete/,
    );
    const text = fixture('min_sparse_otu_table.biom').replace('[3,2,1]', '[3,2,x]');
    expect(errorOf(() => readReportText(text)).message).toMatch(/^Line 37: data: unexpected 'x'/); // [3,2,1] sits on line 37 of the fixture;
  });

  it('streams BIOM 1.0 JSON in any chunking, sparse or dense, to the same table', () => {
    const text = fixture('rich_sparse_otu_table.biom');
    const whole = taxa(readReportText(text));
    const bytes = new TextEncoder().encode(text);
    for (const size of [1, 5, 333]) {
      const p = new ReportParser();
      for (let i = 0; i < bytes.length; i += size) p.push(bytes.subarray(i, i + size));
      const t = taxa(p.finish());
      for (let s = 0; s < whole.sampleIds.length; s++) expect(byName(t, s)).toEqual(byName(whole, s));
    }
    // The same table written dense: one row of 6 values per OTU.
    const doc = JSON.parse(text);
    const dense = doc.rows.map(() => [0, 0, 0, 0, 0, 0]);
    for (const [r, c, v] of doc.data) dense[r][c] += v;
    const t = taxa(readReportText(JSON.stringify({ ...doc, matrix_type: 'dense', data: dense }, null, 1)));
    for (let s = 0; s < whole.sampleIds.length; s++) expect(byName(t, s)).toEqual(byName(whole, s));
  });
});

describe('streaming', () => {
  it('gives the same result however the bytes are chunked, including inside a UTF-8 character', () => {
    const text = `${MERGED.replace('Roseburia', 'Roséburia')}\n`;
    const bytes = new TextEncoder().encode(text);
    for (const size of [1, 7, 64, bytes.length]) {
      const p = new ReportParser();
      for (let i = 0; i < bytes.length; i += size) p.push(bytes.subarray(i, i + size));
      const t = taxa(p.finish());
      expect(byName(t, 0)).toEqual({ Faecalibacterium: 50, Roséburia: 30 });
    }
  });

  it('refuses bytes that are not UTF-8', () => {
    const p = new ReportParser();
    expect(() => p.push(new Uint8Array([0x74, 0x61, 0xff, 0x0a]))).toThrow(/not text/);
  });
});
