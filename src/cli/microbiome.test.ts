import { execFile } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

const run = promisify(execFile);
const root = join(import.meta.dirname, '../..');
const fixtures = join(root, 'src/core/microbiome/fixtures');
const gutbrain = (...args: string[]) => run('node', [join(root, 'bin/gutbrain.mjs'), ...args], { cwd: root });

describe('gutbrain microbiome analyse', () => {
  it('prints diversity with nats and bits labelled (values as scikit-bio: 0.9785 nats, 1.4117 bits)', async () => {
    const { stdout } = await gutbrain(
      'microbiome',
      'analyse',
      join(fixtures, 'metaphlan4_rel_ab_w_read_stats.tsv'),
    );
    expect(stdout).toContain('52.9%  Corynebacterium');
    expect(stdout).toContain('Shannon            0.979 nats (1.412 bits)');
    expect(stdout).toMatch(/Chao1 +not computed: .*read counts/);
  });

  it('prints JSON for one sample of a BIOM 2.1 table at family rank', async () => {
    const { stdout } = await gutbrain(
      'microbiome',
      'analyse',
      join(fixtures, 'rich_sparse_otu_table_hdf5.biom'),
      '--rank',
      'family',
      '--sample',
      'Sample2',
      '--json',
    );
    const [a] = JSON.parse(stdout);
    expect(a.rank).toBe('family');
    // Sample2 (column 1): Nostocaceae 1, Halanaerobiaceae 1, Enterobacteriaceae 1.
    expect(a.diversity.observed).toBe(3);
    expect(a.diversity.chao1.value).toBe(3 + (3 * 2) / 2);
  });

  it('scores modules of a KO table with --modules', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gb-cli-'));
    writeFileSync(join(dir, 'ko.tsv'), '# Gene Family\tS1\nK01580\t4\n');
    const { stdout } = await gutbrain(
      'microbiome',
      'analyse',
      join(dir, 'ko.tsv'),
      '--modules',
      join(fixtures, 'modules/small-gbm.txt'),
      '--json',
    );
    expect(JSON.parse(stdout)[0].modules[0]).toMatchObject({ id: 'MGB005', coverage: 0.5, present: false });
  });

  it('exits 1 naming the line of a malformed file', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'gb-cli-'));
    writeFileSync(join(dir, 'bad.tsv'), 'clade_name\tS1\nk__Bacteria\tten\n');
    const err = await gutbrain('microbiome', 'analyse', join(dir, 'bad.tsv')).catch((e) => e);
    expect(err.code).toBe(1);
    expect(err.stderr).toContain("gutbrain: Line 2: column 'S1' holds 'ten', not a number");
  });
});
