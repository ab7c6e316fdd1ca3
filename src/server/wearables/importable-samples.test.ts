// The file-on-disk entry point, fed each fixture as the file a person would upload.
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { collect, FIXTURES, zipFolder } from '../../core/wearables/test-fixtures.ts';
import { importableSamples, type ReadableSource } from './importable-samples.ts';

const dir = mkdtempSync(join(tmpdir(), 'importable-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const options = { timeZone: 'Europe/Madrid', today: '2026-12-06' };
const file = (name: string, bytes: Uint8Array) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};
const db = (() => {
  const path = join(dir, 'Gadgetbridge');
  const handle = new SQLite(path);
  handle.exec(readFileSync(`${FIXTURES}gadgetbridge/gadgetbridge.sql`, 'utf8'));
  handle.close();
  return path;
})();

async function read(source: ReadableSource, path: string) {
  const r = importableSamples(source, path, options);
  const samples = await collect(r.samples);
  return { samples, skipped: r.skipped };
}
const leftovers = () => readdirSync(tmpdir()).filter((n) => n.startsWith('gutbrain-gadgetbridge-')).length;

describe('importableSamples', () => {
  it('reads each source’s fixture from a file', async () => {
    expect((await read('fitbit', file('takeout.zip', zipFolder(`${FIXTURES}fitbit`)))).samples).toHaveLength(
      27,
    );
    expect((await read('oura', file('oura.zip', zipFolder(`${FIXTURES}oura/hub`)))).samples).toHaveLength(27);
    const gb = await read('gadgetbridge', db);
    expect(gb.samples).toHaveLength(38);
    expect(gb.skipped).toEqual({ unusedTypes: 0, badDates: 1, implausible: 2, duplicates: 0 });
  });

  it('reads the database inside a Gadgetbridge backup zip and removes its copy afterwards', async () => {
    const before = leftovers();
    const backup = zipSync({
      'gadgetbridge.json': strToU8('{"appVersionName":"0.81.0","backupVersion":1}'),
      'database/Gadgetbridge': readFileSync(db),
      'preferences/global.json': strToU8('{}'),
    });
    const gb = await read('gadgetbridge', file('backup.zip', backup));
    expect(gb.samples).toHaveLength(38);
    expect(gb.skipped.implausible).toBe(2);
    expect(leftovers()).toBe(before);
  });

  it('says what a wrong file is', async () => {
    const takeout = file('takeout2.zip', zipFolder(`${FIXTURES}fitbit`));
    await expect(read('oura', takeout)).rejects.toThrow(
      /Fitbit export from Google Takeout, not an Oura export/,
    );
    await expect(read('gadgetbridge', takeout)).rejects.toThrow(
      /no Gadgetbridge database \(database\/Gadgetbridge\)/,
    );
    await expect(read('gadgetbridge', file('x.json', strToU8('{"sleep": []}')))).rejects.toThrow(
      /JSON file, not a Gadgetbridge export/,
    );
    await expect(read('fitbit', db)).rejects.toThrow(/a database, not a Fitbit export/);
  });
});
