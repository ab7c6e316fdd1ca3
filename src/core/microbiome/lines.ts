/**
 * Bytes → lines for streamed reports: chunks of any size go in (from a file, an HTTP body or a
 * browser File), whole lines come out with their 1-based numbers, so a 200 MB table never has to be
 * held as one string.
 */
import { NOT_A_TEXT_REPORT, ProfileFormatError } from './types.ts';

export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  private rest = '';
  private lineNo = 0;
  private first = true;

  /** Lines completed by this chunk, as `[lineNumber, text]` without the line ending. */
  push(chunk: Uint8Array | string): Array<[number, string]> {
    let text: string;
    try {
      text = typeof chunk === 'string' ? chunk : this.decoder.decode(chunk, { stream: true });
    } catch {
      throw new ProfileFormatError(NOT_A_TEXT_REPORT);
    }
    if (this.first && text.length > 0) {
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
      this.first = false;
    }
    const joined = this.rest + text;
    const parts = joined.split('\n');
    this.rest = parts.pop() ?? '';
    return parts.map((p) => [++this.lineNo, stripCr(p)]);
  }

  /** The last line when the file does not end with a newline. */
  end(): Array<[number, string]> {
    let tail = this.rest;
    try {
      tail += this.decoder.decode();
    } catch {
      throw new ProfileFormatError(NOT_A_TEXT_REPORT);
    }
    this.rest = '';
    return tail.length > 0 ? [[++this.lineNo, stripCr(tail)]] : [];
  }
}

function stripCr(s: string): string {
  return s.endsWith('\r') ? s.slice(0, -1) : s;
}

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/** A non-negative abundance, or a format error naming the line and column. */
export function parseAbundance(text: string, line: number, column: string): number {
  const t = text.trim();
  if (!NUMBER.test(t)) {
    const shown = t.length > 20 ? `${t.slice(0, 20)}…` : t;
    throw new ProfileFormatError(
      t === '' ? `column '${column}' is empty` : `column '${column}' holds '${shown}', not a number`,
      line,
      column,
    );
  }
  const v = Number(t);
  if (v < 0) throw new ProfileFormatError(`column '${column}' is negative (${t})`, line, column);
  return v;
}

/** Splits one CSV line, honouring double quotes (RFC 4180, without line breaks inside fields). */
export function splitCsvLine(line: string, line_: number): string[] {
  if (!line.includes('"')) return line.split(',');
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      out.push(field);
      field = '';
    } else field += ch;
  }
  if (quoted) throw new ProfileFormatError('a quoted field is not closed', line_);
  out.push(field);
  return out;
}
