/**
 * CSV writing (RFC 4180): fields with a comma, quote or line break are quoted, quotes doubled.
 * A field starting with = + - @ gets a leading apostrophe so a spreadsheet shows it as text rather
 * than running it as a formula (OWASP, "CSV Injection").
 *
 * @example toCsv(['date', 'value'], [{ date: '2026-01-01', value: 7 }]) // 'date,value\r\n2026-01-01,7\r\n'
 */
import type { Cell } from './document.ts';

function field(value: Cell | undefined): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'number' ? String(value) : value;
  if (typeof value === 'string' && /^[=+\-@\t\r]/.test(s) && !/^-?\d/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

export function toCsv(columns: readonly string[], rows: readonly Record<string, Cell>[]): string {
  const lines = [columns.map(field).join(',')];
  for (const r of rows) lines.push(columns.map((c) => field(r[c])).join(','));
  return `${lines.join('\r\n')}\r\n`;
}
