import v8 from 'node:v8';
import vm from 'node:vm';
import { describe, expect, it } from 'vitest';
import { ReportParser } from './read.ts';

/**
 * A large QIIME 2-style table generated chunk by chunk (never held whole): 300 samples, mostly
 * zeros like real OTU tables, with a taxonomy column naming 400 genera. Peak memory while parsing
 * must stay under 4× the file size (the bound for a 200 MB table; `npm run bench:microbiome
 * -- --memory 200` checks the full size).
 */
function* generateTable(targetBytes: number, samples: number, withTaxonomy: boolean): Generator<string> {
  let seed = 42;
  const rand = () => {
    seed = (seed * 48271) % 2147483647;
    return seed / 2147483647;
  };
  const header = ['#OTU ID', ...Array.from({ length: samples }, (_, i) => `S${i}`)];
  if (withTaxonomy) header.push('taxonomy');
  let bytes = 0;
  let chunk = `# Constructed from biom file\n${header.join('\t')}\n`;
  for (let row = 0; bytes < targetBytes; row++) {
    const cells: string[] = [`otu${row}`];
    for (let s = 0; s < samples; s++) cells.push(rand() < 0.9 ? '0' : String(1 + Math.floor(rand() * 500)));
    if (withTaxonomy) {
      const g = row % 400;
      cells.push(`k__Bacteria; p__P${g % 7}; c__C${g % 13}; o__O${g % 29}; f__F${g % 61}; g__Genus${g}; s__`);
    }
    chunk += `${cells.join('\t')}\n`;
    if (chunk.length > 1 << 20) {
      bytes += chunk.length;
      yield chunk;
      chunk = '';
    }
  }
  bytes += chunk.length;
  yield chunk;
}

function measure(targetBytes: number, withTaxonomy: boolean, rank: 'genus' = 'genus') {
  const used = live;
  const before = used();
  let peak = 0;
  let size = 0;
  const parser = new ReportParser({ rank });
  for (const chunk of generateTable(targetBytes, 300, withTaxonomy)) {
    size += chunk.length;
    parser.push(Buffer.from(chunk));
    peak = Math.max(peak, used() - before);
  }
  const report = parser.finish();
  peak = Math.max(peak, used() - before);
  return { size, peak, report };
}

// Live memory (after a full collection) at every chunk: garbage the collector would reclaim is not
// memory the parse needs, and counting it makes the bound depend on what else the machine runs.
v8.setFlagsFromString('--expose-gc');
const collect = vm.runInNewContext('gc') as () => void;
const live = () => {
  collect();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
};

describe('streaming memory', () => {
  it('parses a 40 MB table (collapsed to genus) within 4× its size', () => {
    const { size, peak, report } = measure(40e6, true);
    expect(report.kind === 'taxa' && report.table.taxa.length).toBe(400);
    expect(peak).toBeLessThan(4 * size);
  });

  it('parses a 40 MB table without taxonomy (every feature kept) within 4× its size', () => {
    const { size, peak, report } = measure(40e6, false);
    expect(report.kind === 'taxa' && report.table.rank).toBe('feature');
    expect(peak).toBeLessThan(4 * size);
  });

  it('parses a 40 MB sparse BIOM 1.0 JSON within 4× its size', () => {
    // 300 samples × rows of 30 non-zero triples; taxonomy in observation metadata.
    function* biom(targetBytes: number): Generator<string> {
      const rows: string[] = [];
      let bytes = 0;
      let chunk = '{"id": null, "format": "1.0.0", "type": "OTU table", "matrix_type": "sparse", "data": [';
      let row = 0;
      let first = true;
      while (bytes < targetBytes) {
        for (let k = 0; k < 30; k++) {
          chunk += `${first ? '' : ','}[${row},${(row * 7 + k * 11) % 300},${1 + ((row + k) % 97)}]`;
          first = false;
        }
        rows.push(
          `{"id":"otu${row}","metadata":{"taxonomy":["k__Bacteria","p__P","c__C","o__O","f__F","g__G${row % 400}"]}}`,
        );
        row++;
        if (chunk.length > 1 << 20) {
          bytes += chunk.length;
          yield chunk;
          chunk = '';
        }
      }
      const columns = Array.from({ length: 300 }, (_, i) => `{"id":"S${i}","metadata":null}`);
      yield `${chunk}], "rows": [${rows.join(',')}], "columns": [${columns.join(',')}], "shape": [${row}, 300]}`;
    }
    const used = live;
    const before = used();
    let peak = 0;
    let size = 0;
    const parser = new ReportParser({ rank: 'genus' });
    for (const chunk of biom(40e6)) {
      size += chunk.length;
      parser.push(Buffer.from(chunk));
      peak = Math.max(peak, used() - before);
    }
    const report = parser.finish();
    peak = Math.max(peak, used() - before);
    expect(report.kind === 'taxa' && report.table.taxa.length).toBe(400);
    expect(peak).toBeLessThan(4 * size);
  });
});
