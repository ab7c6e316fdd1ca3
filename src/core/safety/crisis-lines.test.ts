/**
 * crisis-lines.ts is the only place phone numbers live: this scans every other source, test and
 * knowledge file for any number it holds (and for any hard-coded tel:/sms: link), so a number can
 * neither be copied somewhere it would go stale nor be made up outside the reviewed data. Tests
 * that need a number read it from the data (`regionById('GB').crisisLines[0].number`).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DIRECTORIES, REGION_DATA } from './crisis-lines.ts';

const DATA_FILE = 'src/core/safety/crisis-lines.ts';
const ROOTS = ['src', 'test', 'knowledge', 'bench', 'scripts'];
const TEXT = /\.(ts|tsx|js|mjs|yaml|yml|json|html|css|md)$/;

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return f === 'node_modules' || f === 'fixtures' ? [] : files(p);
    return TEXT.test(f) ? [p] : [];
  });
}

const contacts = [...REGION_DATA.flatMap((r) => [r.emergency, ...r.crisisLines]), ...DIRECTORIES];
/** Every run of 5+ digits the data holds, however it is written ("116 123", "0800-078-7746"). */
const longNumbers = [
  ...new Set(
    contacts.flatMap((c) => [
      ...(c.dial && c.dial.length >= 5 ? [c.dial] : []),
      ...(c.text && c.text.length >= 5 ? [c.text] : []),
      ...[...`${c.number} ${c.detail}`.matchAll(/\d[\d -]{3,}\d/g)]
        .map((m) => m[0].replace(/\D/g, ''))
        .filter((d) => d.length >= 5),
    ]),
  ),
];
/** Short numbers (988, 112, 1737) are only numbers in a phone context: "call 988", "text 1737". */
const shortNumbers = [
  ...new Set(contacts.map((c) => c.dial).filter((d): d is string => !!d && d.length < 5)),
];

const spaced = (digits: string) => new RegExp(`(?<![\\d.])${digits.split('').join('[ -]?')}(?![\\d])`);

describe('phone numbers live only in crisis-lines.ts', () => {
  // regions.test.ts is the one other file allowed numbers: it checks the data against the values
  // read on the published pages (reference values from outside the code).
  const allowed = new Set([
    DATA_FILE,
    'src/core/safety/crisis-lines.test.ts',
    'src/core/safety/regions.test.ts',
  ]);
  const scanned = ROOTS.flatMap(files).filter((f) => !allowed.has(f));

  it('scans a real code base', () => {
    expect(scanned.length).toBeGreaterThan(200);
    expect(longNumbers).toContain('116123');
    expect(longNumbers).toContain('08001110111');
    expect(shortNumbers).toEqual(expect.arrayContaining(['988', '112', '999', '3114']));
  });

  it('finds no number of the data anywhere else, and no hard-coded tel: or sms: link', () => {
    const found: string[] = [];
    for (const f of scanned) {
      const text = readFileSync(f, 'utf8');
      for (const n of longNumbers) if (spaced(n).test(text)) found.push(`${f}: ${n}`);
      for (const n of shortNumbers) {
        const inContext = new RegExp(
          `\\b(call|text|dial|ring|phone|tel:|sms:)\\s*(or text\\s*)?${n}\\b`,
          'i',
        );
        if (inContext.test(text)) found.push(`${f}: ${n}`);
      }
      if (/\b(tel|sms):\+?\d/.test(text)) found.push(`${f}: tel:/sms: link`);
    }
    expect(found).toEqual([]);
  });

  it('would catch a copied number, written any way', () => {
    expect(spaced('116123').test('Samaritans on 116 123 any time')).toBe(true);
    expect(spaced('08000787746').test('0800-078-7746')).toBe(true);
    expect(spaced('116123').test('id 21161234')).toBe(false);
  });
});
