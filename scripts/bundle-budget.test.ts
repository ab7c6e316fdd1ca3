import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';

/** A fake build: entry → shared chunk (static), entry ⇢ lazy page (dynamic, not initial). */
function fakeBuild(entryBytes: Buffer, sharedBytes: Buffer, lazyBytes: Buffer): string {
  const root = mkdtempSync(join(tmpdir(), 'gb-budget-'));
  mkdirSync(join(root, '.vite'));
  mkdirSync(join(root, 'assets'));
  writeFileSync(join(root, 'assets', 'index.js'), entryBytes);
  writeFileSync(join(root, 'assets', 'shared.js'), sharedBytes);
  writeFileSync(join(root, 'assets', 'Today.js'), lazyBytes);
  const manifest = {
    'index.html': {
      file: 'assets/index.js',
      src: 'index.html',
      isEntry: true,
      imports: ['_shared.js'],
      dynamicImports: ['routes/Today.tsx'],
    },
    '_shared.js': { file: 'assets/shared.js', imports: ['index.html'] },
    'routes/Today.tsx': {
      file: 'assets/Today.js',
      src: 'routes/Today.tsx',
      imports: ['index.html', '_shared.js'],
    },
  };
  writeFileSync(join(root, '.vite', 'manifest.json'), JSON.stringify(manifest));
  return root;
}

const run = (root: string) =>
  spawnSync(process.execPath, ['scripts/bundle-budget.mjs', root], { encoding: 'utf8' });

describe('bundle budget', () => {
  it('sums the entry and its static imports (not lazy pages), gzipped, and passes under 200 kB', () => {
    const entry = Buffer.from('console.log("entry");'.repeat(2000));
    const shared = Buffer.from('export const x = 1;');
    const lazy = randomBytes(300_000); // large but lazy: not initial
    const r = run(fakeBuild(entry, shared, lazy));
    expect(r.status).toBe(0);
    const expected = (gzipSync(entry).length + gzipSync(shared).length) / 1000;
    expect(r.stdout).toContain(`total`);
    expect(r.stdout).toMatch(new RegExp(`total\\s+${expected.toFixed(1).replace('.', '\\.')} kB`));
    expect(r.stdout).toContain('✓ Initial JavaScript within budget.');
  });

  it('fails the build when the initial JavaScript is over 200 kB gzipped', () => {
    // Random bytes do not compress: 150 kB + 60 kB stays over 200 kB after gzip.
    const r = run(fakeBuild(randomBytes(150_000), randomBytes(60_000), Buffer.from('x')));
    expect(r.status).toBe(1);
    expect(r.stderr).toMatch(/over the 200\.0 kB budget/);
  });
});
