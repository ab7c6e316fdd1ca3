/**
 * CSV writing (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled.
 * A text field starting with = + - @, a tab or a carriage return gets a leading apostrophe so a
 * spreadsheet shows it as text rather than running it as a formula (OWASP, "CSV Injection":
 * https://owasp.org/www-community/attacks/CSV_Injection) — unless the whole field is a number,
 * such as `-2.5`, which a spreadsheet reads as that number and nothing else.
 *
 * @example toCsv(['date', 'value'], [{ date: '2026-01-01', value: 7 }]) // 'date,value\r\n2026-01-01,7\r\n'
 */
import type { Cell } from './document.ts';

const FORMULA_START = /^[=+\-@\t\r]/;
/** A plain decimal number, optionally signed, with an optional exponent: `-2`, `+3.5`, `1e-3`. */
const WHOLE_NUMBER = /^[+-]?(\d+(\.\d*)?|\.\d+)([eE][+-]?\d+)?$/;

/** The text a spreadsheet will show as written: formula-like text gets a leading apostrophe. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.test(text) && !WHOLE_NUMBER.test(text) ? `'${text}` : text;
}

function field(value: Cell | undefined): string {
  if (value === null || value === undefined) return '';
  const s = typeof value === 'number' ? String(value) : neutraliseFormula(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, Cell>[]): string {
  const lines = [columns.map(field).join(',')];
  for (const r of rows) lines.push(columns.map((c) => field(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
