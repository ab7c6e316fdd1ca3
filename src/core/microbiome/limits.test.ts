import { describe, expect, it } from 'vitest';
import { type Hdf5Reader, tableFromBiom2 } from './biom.ts';
import { REPORT_LIMITS, ReportLimitError } from './limits.ts';
import { ReportParser } from './read.ts';
import { ProfileFormatError } from './types.ts';

/**
 * Hostile shapes from the issue, generated chunk by chunk (never held whole): each must stop at its
 * limit with a sentence naming it, having read no more than the limit needs.
 */
function feed(chunks: Iterable<string>): { error: unknown; bytes: number } {
  const parser = new ReportParser({ rank: 'genus' });
  let bytes = 0;
  try {
    for (const c of chunks) {
      bytes += c.length;
      parser.push(Buffer.from(c));
    }
    parser.finish();
  } catch (error) {
    return { error, bytes };
  }
  return { error: null, bytes };
}

const MiB = 1024 * 1024;

function* endless(prefix: string, unit: string, totalBytes: number): Generator<string> {
  yield prefix;
  const chunk = unit.repeat(Math.ceil(MiB / unit.length));
  for (let sent = prefix.length; sent < totalBytes; sent += chunk.length) yield chunk;
}

describe('report limits', () => {
  it('a 190 MiB BIOM 1.0 file that is one endless number stops at the number limit', () => {
    const { error, bytes } = feed(endless('{"format":"1.0.0","data":[[', '1', 190 * MiB));
    expect(error).toBeInstanceOf(ProfileFormatError);
    expect((error as Error).message).toMatch(/a number is longer than 64 characters/);
    expect(bytes).toBeLessThan(2 * MiB);
  });

  it('a BIOM 1.0 metadata field without end stops at the metadata limit', () => {
    const { error, bytes } = feed(endless('{"format":"1.0.0","shape":', '9', 190 * MiB));
    expect(error).toBeInstanceOf(ReportLimitError);
    expect((error as Error).message).toMatch(/take more than 64 MB/);
    expect(bytes).toBeLessThan(66 * MiB);
  });

  it('a table with 3.1 million features is refused at the feature limit', () => {
    function* table(): Generator<string> {
      yield '#OTU ID\tS1\tS2\n';
      for (let start = 0; start < 3_100_000; start += 50_000) {
        let chunk = '';
        for (let i = start; i < start + 50_000; i++) chunk += `otu${i}\t1\t2\n`;
        yield chunk;
      }
    }
    const { error, bytes } = feed(table());
    expect(error).toBeInstanceOf(ReportLimitError);
    expect((error as Error).message).toBe(
      'The file has more than 200,000 feature rows, the most an upload may hold. Collapse it to genus level or filter rare features first.',
    );
    expect(bytes).toBeLessThan(10 * MiB);
  });

  it('a header with more samples than the limit is refused before any row', () => {
    const header = `#OTU ID\t${Array.from({ length: 10_001 }, (_, i) => `S${i}`).join('\t')}\n`;
    const { error } = feed([header]);
    expect(error).toBeInstanceOf(ReportLimitError);
    expect((error as Error).message).toMatch(
      /^The file has 10,001 samples; an upload may hold at most 10,000/,
    );
  });

  it('more non-zero values than the limit are refused', () => {
    const samples = 2_000;
    const rows = Math.ceil(REPORT_LIMITS.values / samples) + 1;
    function* table(): Generator<string> {
      yield `#OTU ID\t${Array.from({ length: samples }, (_, i) => `S${i}`).join('\t')}\n`;
      const values = '\t1'.repeat(samples);
      for (let r = 0; r < rows; r++) yield `otu${r}${values}\n`;
    }
    const { error } = feed(table());
    expect(error).toBeInstanceOf(ReportLimitError);
    expect((error as Error).message).toMatch(/more than 5,000,000 non-zero values/);
  });

  it('a BIOM 1.0 "shape" declaring 10⁸ features is refused before its lists are read', () => {
    const doc = `{"format":"1.0.0","matrix_type":"sparse","shape":[100000000,2],"rows":[],"columns":[],"data":[]}`;
    const { error } = feed([doc]);
    expect(error).toBeInstanceOf(ReportLimitError);
    expect((error as Error).message).toMatch(/more than 200,000 feature rows/);
  });
});

describe('BIOM 2.1 declared sizes', () => {
  /** A file whose header declares `sizes`; reading any dataset's values fails the test. */
  function declaring(sizes: Record<string, number[]>): Hdf5Reader & { read: string[] } {
    const read: string[] = [];
    return {
      read,
      declared: (path) => (sizes[path] ? { shape: sizes[path]!, elementBytes: 8 } : null),
      dataset: (path) => {
        read.push(path);
        const shape = sizes[path];
        if (!shape) return null;
        const n = shape.reduce((a, b) => a * b, 1);
        if (n > 1000) throw new Error(`read ${n} values of ${path}`);
        return { value: new Float64Array(n), shape };
      },
    };
  }

  it.each([1e8, 3e8])('a matrix declaring %d values is refused before any value is read', (n) => {
    const h5 = declaring({
      'observation/ids': [3],
      'sample/ids': [2],
      'observation/matrix/data': [n],
      'observation/matrix/indices': [n],
      'observation/matrix/indptr': [4],
    });
    expect(() => tableFromBiom2(h5, 'genus')).toThrow(ReportLimitError);
    expect(() => tableFromBiom2(h5, 'genus')).toThrow(
      /declares [\d,]+ values in 'observation\/matrix\/data'/,
    );
    expect(h5.read).toEqual([]);
  });

  it('ids declaring 10⁷ features are refused before they are read', () => {
    const h5 = declaring({ 'observation/ids': [1e7], 'sample/ids': [2] });
    expect(() => tableFromBiom2(h5, 'genus')).toThrow(ReportLimitError);
    expect(h5.read).toEqual([]);
  });
});
