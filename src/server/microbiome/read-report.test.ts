import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readReportText } from '../../core/microbiome/read.ts';
import { byName, taxa } from '../../core/microbiome/test-tables.ts';
import { readReportFile } from './read-report.ts';

const dir = join(import.meta.dirname, '../../core/microbiome/fixtures');
const fixture = (name: string) => readFileSync(join(dir, name), 'utf8');

describe('BIOM 2.1 files (HDF5 through h5wasm)', () => {
  it('BIOM 2.1 (HDF5) gives the same genus table as the BIOM 1.0 JSON of the same data', async () => {
    const json = taxa(readReportText(fixture('rich_sparse_otu_table.biom')));
    const hdf5 = taxa(await readReportFile(join(dir, 'rich_sparse_otu_table_hdf5.biom')));
    expect(hdf5.format).toBe('biom2');
    expect(hdf5.sampleIds).toEqual(json.sampleIds);
    for (let s = 0; s < json.sampleIds.length; s++) expect(byName(hdf5, s)).toEqual(byName(json, s));
    // By hand from the fixture's [row, column, value] triples: Sample1 = column 0, Sample2 = column 1.
    expect(byName(json, 0)).toEqual({ Dolichospermum: 5, Halanaerobium: 2 });
    expect(byName(json, 1)).toEqual({ Dolichospermum: 1, Halanaerobium: 1, Escherichia: 1 });
  });

  it('reads the minimal BIOM 2.1 table without taxonomy as features', async () => {
    const t = taxa(await readReportFile(join(dir, 'min_sparse_otu_table_hdf5.biom')));
    expect(t.rank).toBe('feature');
    expect(t.taxa.length).toBe(5);
  });
});
