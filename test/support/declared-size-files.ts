/**
 * Upload bodies whose declared sizes are far beyond their bytes: an HDF5 (BIOM 2.1) file with a few
 * KB on disk declaring 10⁸ values (unwritten chunks of an extendable dataset take no space), a BIOM
 * 1.0 header declaring a billion features, and endless streams generated as they are read, so no
 * test ever holds them whole.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';

export interface Hdf5Shape {
  features: number;
  samples: number;
  /** Declared length of observation/matrix/data and indices. */
  values: number;
}

/** A BIOM 2.1 file declaring `shape`, with only a few real values written. */
export async function hdf5Declaring(shape: Hdf5Shape): Promise<Buffer> {
  const { default: h5wasm } = await import('h5wasm/node');
  await h5wasm.ready;
  const dir = mkdtempSync(join(tmpdir(), 'gutbrain-declared-'));
  const path = join(dir, 'table.biom');
  try {
    const f = new h5wasm.File(path, 'w');
    for (const g of ['observation', 'observation/matrix', 'sample']) f.create_group(g);
    const extendable = (name: string, data: Float64Array | Int32Array, length: number) => {
      const d = f.create_dataset({ name, data, maxshape: [null], chunks: [Math.min(data.length, 1024)] });
      if (length !== data.length) d.resize([length]);
    };
    const ids = (prefix: string, n: number) =>
      Array.from({ length: Math.min(n, 4) }, (_, i) => `${prefix}${i}`);
    const idSet = (name: string, prefix: string, n: number) => {
      const first = ids(prefix, n);
      if (n <= first.length) f.create_dataset({ name, data: first });
      else {
        // Variable-length strings cannot grow; fixed-length ones can, unwritten entries empty.
        const d = f.create_dataset({ name, data: first, dtype: 'S8', maxshape: [null], chunks: [4] });
        d.resize([n]);
      }
    };
    idSet('observation/ids', 'f', shape.features);
    idSet('sample/ids', 'S', shape.samples);
    extendable('observation/matrix/data', new Float64Array([1, 2, 3, 4]), shape.values);
    extendable('observation/matrix/indices', new Int32Array([0, 0, 0, 0]), shape.values);
    const indptr = new Int32Array(Math.min(shape.features, 4) + 1).map((_, i) => i);
    extendable('observation/matrix/indptr', indptr, shape.features + 1);
    f.close();
    return readFileSync(path);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

const MiB = 1024 * 1024;

/** `prefix`, then `unit` repeated in 1 MiB chunks until `totalBytes`, generated on demand. */
export function endlessBody(prefix: string, unit: string, totalBytes: number): Readable {
  const chunk = Buffer.from(unit.repeat(Math.ceil(MiB / unit.length)));
  let sent = 0;
  return new Readable({
    read() {
      if (sent === 0) {
        sent += prefix.length;
        this.push(Buffer.from(prefix));
      } else if (sent >= totalBytes) this.push(null);
      else {
        sent += chunk.length;
        this.push(chunk);
      }
    },
  });
}

/** A QIIME 2-style table of `features` distinct rows, generated on demand. */
export function tableBody(features: number): Readable {
  let row = 0;
  return new Readable({
    read() {
      if (row === 0) this.push('#OTU ID\tS1\tS2\n');
      if (row >= features) {
        this.push(null);
        return;
      }
      let chunk = '';
      const end = Math.min(features, row + 20_000);
      for (; row < end; row++) chunk += `otu${row}\t${1 + (row % 7)}\t${row % 3}\n`;
      this.push(chunk);
    },
  });
}
