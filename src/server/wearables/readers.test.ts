// Which export a file is, when the person did not say: by a zip's entries, a database's header,
// Apple's XML root or Oura's columns.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { strToU8, zipSync } from 'fflate';
import { afterAll, describe, expect, it } from 'vitest';
import { FIXTURES, zipFolder } from '../../core/wearables/test-fixtures.ts';
import { guessSource } from './readers.ts';

const dir = mkdtempSync(join(tmpdir(), 'guess-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, bytes: Uint8Array | string) => {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
};

describe('guessSource', () => {
  it('tells the exports apart', async () => {
    expect(await guessSource(file('t.zip', zipFolder(`${FIXTURES}fitbit`)))).toBe('fitbit');
    expect(await guessSource(file('o.zip', zipFolder(`${FIXTURES}oura/hub`)))).toBe('oura');
    expect(
      await guessSource(
        file('a.zip', zipSync({ 'apple_health_export/export.xml': strToU8('<HealthData/>') })),
      ),
    ).toBe('apple-health');
    expect(
      await guessSource(
        file('b.zip', zipSync({ 'gadgetbridge.json': strToU8('{}'), 'database/Gadgetbridge': strToU8('x') })),
      ),
    ).toBe('gadgetbridge');
    const db = join(dir, 'Gadgetbridge');
    const handle = new SQLite(db);
    handle.exec('CREATE TABLE DEVICE (_id INTEGER PRIMARY KEY)');
    handle.close();
    expect(await guessSource(db)).toBe('gadgetbridge');
    expect(
      await guessSource(file('s.csv', readFileSync(`${FIXTURES}oura/hub/App Data/sleepmodel.csv`))),
    ).toBe('oura');
    expect(
      await guessSource(file('d.csv', readFileSync(`${FIXTURES}oura/hub/App Data/dailyactivity.csv`))),
    ).toBe('oura');
    expect(await guessSource(file('l.json', readFileSync(`${FIXTURES}oura/oura_data.json`)))).toBe('oura');
  });

  it('says nothing for a file it does not know', async () => {
    expect(await guessSource(file('n.txt', 'date,mood\n2024-03-01,4\n'))).toBeUndefined();
    expect(
      await guessSource(file('n.zip', zipSync({ 'notes/today.txt': strToU8('hello') }))),
    ).toBeUndefined();
  });
});
