import { strToU8, Zip, ZipDeflate, zipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { chunksOf } from './test-fixtures.ts';
import { type ZipEntry, zipEntries } from './zip-entries.ts';

const limits = { entryBytes: 1_000_000, totalBytes: 10_000_000 };
const names = async (bytes: Uint8Array, want: (n: string) => boolean = () => true, size = 7) => {
  const out: ZipEntry[] = [];
  for await (const e of zipEntries(chunksOf(bytes, size), want, limits)) out.push(e);
  return out.map((e) => [e.name, new TextDecoder().decode(e.bytes)]);
};

/** A zip written as a stream, its sizes in data descriptors after each file (as phones write them). */
function streamedZip(files: Record<string, string>): Uint8Array {
  const parts: Uint8Array[] = [];
  const zip = new Zip((_err, data) => parts.push(data));
  for (const [name, text] of Object.entries(files)) {
    const file = new ZipDeflate(name, { level: 6 });
    zip.add(file);
    file.push(strToU8(text), true);
  }
  zip.end();
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('zipEntries', () => {
  it('yields the wanted files whole, in order, and passes the rest over', async () => {
    const zip = zipSync({
      'a/x.json': strToU8('[1,2]'),
      'a/skip.bin': strToU8('no'),
      'b/y.csv': strToU8('h\n1\n'),
    });
    expect(await names(zip, (n) => !n.endsWith('.bin'))).toEqual([
      ['a/x.json', '[1,2]'],
      ['b/y.csv', 'h\n1\n'],
    ]);
  });

  it('reads archives whose sizes come after the data (data descriptors)', async () => {
    const big = `[${'1,'.repeat(20_000)}1]`;
    expect(await names(streamedZip({ 'c/big.json': big, 'c/small.json': '{}' }), () => true, 100)).toEqual([
      ['c/big.json', big],
      ['c/small.json', '{}'],
    ]);
  });

  it('passes over an unwanted file whose size comes after its data', async () => {
    const noise = Array.from({ length: 30_000 }, (_, i) => `${(i * 7919) % 10007}`).join(',');
    const zip = streamedZip({ 'a/heartrate.csv': noise, 'b/sleepmodel.csv': 'day;steps\n2024-03-01;5\n' });
    expect(await names(zip, (n) => n.endsWith('sleepmodel.csv'), 4096)).toEqual([
      ['b/sleepmodel.csv', 'day;steps\n2024-03-01;5\n'],
    ]);
  });

  it('says an archive is cut short when its end is missing', async () => {
    const zip = zipSync({ 'a/x.json': strToU8('[1,2]'), 'b/y.json': strToU8('[3]') });
    await expect(names(zip.slice(0, zip.length - 30))).rejects.toThrow(/cut short/);
    await expect(names(zip.slice(0, 50))).rejects.toThrow(/cut short/);
  });

  it('stops at the limit of one unpacked file, however small the archive', async () => {
    const bomb = zipSync({ 'bomb.json': new Uint8Array(2_000_000) }, { level: 9 });
    expect(bomb.length).toBeLessThan(10_000);
    await expect(names(bomb, () => true, 1000)).rejects.toThrow(/larger than 1 MB unpacked/);
  });

  it('refuses an empty file and one that is not a zip', async () => {
    await expect(names(new Uint8Array(0))).rejects.toThrow(/empty/);
    await expect(names(strToU8('{"sleep": []}'))).rejects.toThrow(/not a zip/);
  });
});
