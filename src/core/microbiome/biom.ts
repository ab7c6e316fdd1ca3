/**
 * BIOM tables (biom-format.org): 1.0 is JSON (sparse `[row, column, value]` triples or dense rows),
 * 2.1 is HDF5 with the matrix stored by observation in compressed-sparse-row form. Both carry the
 * taxonomy in observation metadata. The HDF5 file is opened elsewhere (Node or browser); here it is
 * reached through `Hdf5Reader`, so this module stays pure.
 */
import { TaxonCollector } from './collapse.ts';
import { checkLimit, formatCount, limitMessages, REPORT_LIMITS, ReportLimitError } from './limits.ts';
import { parseLineage, taxonAtRank } from './lineage.ts';
import { checkName, SeenIds } from './lines.ts';
import { type AbundanceTable, ProfileFormatError, type Rank } from './types.ts';

const fail = (field: string, message: string) =>
  new ProfileFormatError(`${field}: ${message}`, undefined, field);

interface FeatureMeta {
  id: string;
  taxonomy: string | string[] | null;
}

/** Groups features by taxon at `rank` and fills the collector from per-feature sparse rows. */
function collect(
  features: FeatureMeta[],
  sampleIds: string[],
  rows: Array<{ samples: Uint32Array; values: Float64Array }>,
  rank: Rank,
  format: 'biom1' | 'biom2',
): AbundanceTable {
  const collector = new TaxonCollector(sampleIds.length);
  const hasTaxonomy = features.some((f) => f.taxonomy && f.taxonomy.length > 0);
  features.forEach((f, i) => {
    const row = rows[i]!;
    if (row.samples.length === 0) return;
    if (hasTaxonomy && f.taxonomy) {
      const t = taxonAtRank(parseLineage(f.taxonomy), rank);
      collector.add(t.key, t.name, t.lineage, row.samples, row.values);
    } else collector.add(`=${f.id}`, f.id, [f.id], row.samples, row.values);
  });
  return collector.finish({
    format,
    rank: hasTaxonomy ? rank : 'feature',
    sampleIds,
    notes: hasTaxonomy ? [] : ['The table carries no taxonomy, so each feature is used as its own taxon.'],
  });
}

function idList(value: unknown, field: 'rows' | 'columns'): FeatureMeta[] {
  if (!Array.isArray(value)) throw fail(field, 'must be a list');
  checkCount(field === 'rows' ? 'features' : 'samples', value.length);
  const seen = new SeenIds(field === 'rows' ? 'feature' : 'sample');
  return value.map((entry, i) => {
    if (typeof entry !== 'object' || entry === null || typeof (entry as { id?: unknown }).id !== 'string') {
      throw fail(`${field}[${i}].id`, 'must be a string');
    }
    const id = (entry as { id: string }).id;
    checkName(id, field === 'rows' ? 'feature id' : 'sample name');
    seen.add(id, `${field}[${i}]`);
    const meta = (entry as { metadata?: Record<string, unknown> | null }).metadata ?? null;
    const tax = meta ? (meta.taxonomy ?? meta.Taxonomy ?? null) : null;
    const taxonomy = typeof tax === 'string' || Array.isArray(tax) ? (tax as string | string[]) : null;
    return { id: (entry as { id: string }).id, taxonomy };
  });
}

/** Refuses a table declaring more features or samples than an upload may hold. */
function checkCount(what: 'features' | 'samples', n: number): void {
  if (what === 'samples') {
    checkLimit(n, REPORT_LIMITS.samples, () => limitMessages.samples(n, REPORT_LIMITS.samples));
  } else checkLimit(n, REPORT_LIMITS.features, () => limitMessages.features(REPORT_LIMITS.features));
}

/** `shape` as two whole numbers within the limits, checked before the lists it describes are read. */
function declaredShape(shape: unknown): [number, number] {
  if (
    !Array.isArray(shape) ||
    shape.length !== 2 ||
    !shape.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)
  ) {
    throw fail('shape', 'must be [features, samples], two whole numbers');
  }
  checkCount('features', shape[0]);
  checkCount('samples', shape[1]);
  return [shape[0], shape[1]];
}

/** The `data` array read by the streaming reader: inner lists flattened, with their lengths. */
export interface PackedMatrix {
  numbers: Float64Array;
  lengths: Uint32Array;
}

/** Parsed JSON `data` in the packed form the streaming reader produces. */
function packData(data: unknown[]): PackedMatrix {
  const lengths = new Uint32Array(data.length);
  const numbers: number[] = [];
  data.forEach((d, k) => {
    if (!Array.isArray(d)) throw fail(`data[${k}]`, 'must be a list');
    lengths[k] = d.length;
    d.forEach((v, j) => {
      if (typeof v !== 'number' || !Number.isFinite(v)) throw fail(`data[${k}][${j}]`, 'must be a number');
      numbers.push(v);
    });
  });
  return { numbers: Float64Array.from(numbers), lengths };
}

/** Per-row sparse vectors from (row, column, value) entries, summing repeats, columns sorted. */
function rowsFromEntries(
  rowCount: number,
  entries: number,
  at: (k: number) => [row: number, column: number, value: number],
): Array<{ samples: Uint32Array; values: Float64Array }> {
  const counts = new Uint32Array(rowCount);
  for (let k = 0; k < entries; k++) {
    const [r, , v] = at(k);
    if (v !== 0) counts[r]!++;
  }
  const rows = Array.from({ length: rowCount }, (_, r) => ({
    samples: new Uint32Array(counts[r]!),
    values: new Float64Array(counts[r]!),
  }));
  const fill = new Uint32Array(rowCount);
  for (let k = 0; k < entries; k++) {
    const [r, c, v] = at(k);
    if (v === 0) continue;
    const i = fill[r]!++;
    rows[r]!.samples[i] = c;
    rows[r]!.values[i] = v;
  }
  return rows.map((row) => {
    let sorted = true;
    for (let i = 1; i < row.samples.length; i++) if (row.samples[i]! <= row.samples[i - 1]!) sorted = false;
    if (sorted) return row;
    const order = [...row.samples.keys()].sort((a, b) => row.samples[a]! - row.samples[b]!);
    const merged = new Map<number, number>();
    for (const i of order) merged.set(row.samples[i]!, (merged.get(row.samples[i]!) ?? 0) + row.values[i]!);
    return { samples: Uint32Array.from(merged.keys()), values: Float64Array.from(merged.values()) };
  });
}

/** BIOM 1.0 from its parsed JSON (`packed` replaces `data` when the file was streamed). */
export function tableFromBiom1(json: unknown, rank: Rank, packed?: PackedMatrix): AbundanceTable {
  if (typeof json !== 'object' || json === null || Array.isArray(json))
    throw fail('file', 'is not a BIOM JSON object');
  const doc = json as Record<string, unknown>;
  if (typeof doc.format !== 'string' || !doc.format.startsWith('1.0')) {
    throw fail('format', `expected "1.0.0", found ${JSON.stringify(doc.format)}`);
  }
  const shape = declaredShape(doc.shape);
  const features = idList(doc.rows, 'rows');
  const samples = idList(doc.columns, 'columns');
  if (shape[0] !== features.length || shape[1] !== samples.length) {
    throw fail('shape', `must be [${features.length}, ${samples.length}] to match rows and columns`);
  }
  if (!packed && !Array.isArray(doc.data)) throw fail('data', 'must be a list');
  const { numbers, lengths } = packed ?? packData(doc.data as unknown[]);
  const nonNegative = (v: number, field: string) => {
    if (v < 0) throw fail(field, 'must be a non-negative number');
    return v;
  };
  let rows: Array<{ samples: Uint32Array; values: Float64Array }>;
  if (doc.matrix_type === 'sparse') {
    for (let k = 0; k < lengths.length; k++) {
      if (lengths[k] !== 3) throw fail(`data[${k}]`, 'must be [row, column, value]');
      const [r, c, v] = [numbers[3 * k]!, numbers[3 * k + 1]!, numbers[3 * k + 2]!];
      if (!Number.isInteger(r) || r < 0 || r >= features.length) {
        throw fail(`data[${k}][0]`, `row index must be 0–${features.length - 1}`);
      }
      if (!Number.isInteger(c) || c < 0 || c >= samples.length) {
        throw fail(`data[${k}][1]`, `column index must be 0–${samples.length - 1}`);
      }
      nonNegative(v, `data[${k}][2]`);
    }
    rows = rowsFromEntries(features.length, lengths.length, (k) => [
      numbers[3 * k]!,
      numbers[3 * k + 1]!,
      numbers[3 * k + 2]!,
    ]);
  } else if (doc.matrix_type === 'dense') {
    if (lengths.length !== features.length) throw fail('data', `must have ${features.length} rows`);
    const n = samples.length;
    for (let r = 0; r < lengths.length; r++) {
      if (lengths[r] !== n) throw fail(`data[${r}]`, `must have ${n} values`);
    }
    for (let k = 0; k < numbers.length; k++) nonNegative(numbers[k]!, `data[${Math.floor(k / n)}][${k % n}]`);
    rows = rowsFromEntries(features.length, numbers.length, (k) => [Math.floor(k / n), k % n, numbers[k]!]);
  } else throw fail('matrix_type', 'must be "sparse" or "dense"');
  return collect(
    features,
    samples.map((s) => s.id),
    rows,
    rank,
    'biom1',
  );
}

/** What the BIOM 2.1 reader needs from an open HDF5 file: a dataset's flat values and shape. */
export interface Hdf5Reader {
  /** The shape and bytes per element the file declares, read from its header without the data. */
  declared(path: string): { shape: number[]; elementBytes: number } | null;
  dataset(path: string): { value: ArrayLike<unknown>; shape: number[] } | null;
}

/** Bytes one dataset may declare (its values, as the file's type): room for 5 M numbers or a 200,000-feature taxonomy. */
const MAX_DATASET_BYTES = 64 * 1024 * 1024;

/**
 * Every dataset the reader will load, checked against the limits from its declared shape first:
 * a small file can declare 10⁸ values (unwritten chunks cost nothing on disk), and reading it would
 * allocate gigabytes before any check on the values could run.
 */
function checkDeclaredSizes(h5: Hdf5Reader): void {
  const elements = (path: string, counts?: 'features' | 'samples') => {
    const d = h5.declared(path);
    if (!d) return null;
    const n = d.shape.reduce((a, b) => a * b, 1);
    if (counts) checkCount(counts, n);
    if (n * d.elementBytes > MAX_DATASET_BYTES || n > REPORT_LIMITS.values + 1) {
      throw new ReportLimitError(
        `The BIOM 2.1 file declares ${formatCount(n)} values in '${path}'; an upload may hold at most ${formatCount(REPORT_LIMITS.values)} (${MAX_DATASET_BYTES / 1024 / 1024} MB).`,
      );
    }
    return { n, shape: d.shape };
  };
  const features = elements('observation/ids', 'features');
  elements('sample/ids', 'samples');
  for (const path of ['observation/matrix/data', 'observation/matrix/indices', 'observation/matrix/indptr']) {
    elements(path);
  }
  const taxonomy = elements('observation/metadata/taxonomy');
  if (taxonomy && features && taxonomy.shape[0] !== features.n) {
    throw fail('observation/metadata/taxonomy', `must have one row per feature (${formatCount(features.n)})`);
  }
}

/** BIOM 2.1 (HDF5): `observation/matrix/{data,indices,indptr}` in CSR form, ids and taxonomy. */
export function tableFromBiom2(h5: Hdf5Reader, rank: Rank): AbundanceTable {
  const need = (path: string) => {
    const d = h5.dataset(path);
    if (!d) throw fail(path, 'is missing from the BIOM 2.1 file');
    return d;
  };
  checkDeclaredSizes(h5);
  const obsIds = Array.from(need('observation/ids').value, String);
  const sampleIds = Array.from(need('sample/ids').value, String);
  const seenFeatures = new SeenIds('feature');
  obsIds.forEach((id, i) => {
    checkName(id, 'feature id');
    seenFeatures.add(id, `observation/ids[${i}]`);
  });
  const seenSamples = new SeenIds('sample');
  sampleIds.forEach((id, i) => {
    checkName(id, 'sample name');
    seenSamples.add(id, `sample/ids[${i}]`);
  });
  const data = need('observation/matrix/data').value;
  const indices = need('observation/matrix/indices').value;
  const indptr = need('observation/matrix/indptr').value;
  if (indptr.length !== obsIds.length + 1) {
    throw fail('observation/matrix/indptr', `must hold ${obsIds.length + 1} offsets`);
  }
  const taxonomy = h5.dataset('observation/metadata/taxonomy');
  const levels = taxonomy && taxonomy.shape.length === 2 ? taxonomy.shape[1]! : taxonomy ? 1 : 0;
  const features: FeatureMeta[] = obsIds.map((id, i) => ({
    id,
    taxonomy: taxonomy
      ? Array.from({ length: levels }, (_, l) => String(taxonomy.value[i * levels + l] ?? ''))
      : null,
  }));
  const rows = obsIds.map((_, r) => {
    const start = Number(indptr[r]);
    const end = Number(indptr[r + 1]);
    if (!(start <= end && end <= data.length))
      throw fail('observation/matrix/indptr', `offset ${r} is out of range`);
    const entries: Array<[number, number]> = [];
    for (let k = start; k < end; k++) {
      const c = Number(indices[k]);
      const v = Number(data[k]);
      if (!Number.isInteger(c) || c < 0 || c >= sampleIds.length) {
        throw fail('observation/matrix/indices', `entry ${k} is not a sample index`);
      }
      if (!Number.isFinite(v) || v < 0)
        throw fail('observation/matrix/data', `entry ${k} is not a non-negative number`);
      if (v !== 0) entries.push([c, v]);
    }
    entries.sort((a, b) => a[0] - b[0]);
    return {
      samples: Uint32Array.from(entries, (e) => e[0]),
      values: Float64Array.from(entries, (e) => e[1]),
    };
  });
  return collect(features, sampleIds, rows, rank, 'biom2');
}
