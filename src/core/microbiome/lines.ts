/**
 * Bytes → lines for streamed reports: chunks of any size go in (from a file, an HTTP body or a
 * browser File), whole lines come out with their 1-based numbers, so a 200 MB table never has to be
 * held as one string.
 */
import { limitMessages, REPORT_LIMITS, ReportLimitError } from './limits.ts';
import { NOT_A_TEXT_REPORT, ProfileFormatError } from './types.ts';

export class LineSplitter {
  private readonly decoder = new TextDecoder('utf-8', { fatal: true });
  /** Pieces of the line not yet ended, joined once when its newline arrives. */
  private parts: string[] = [];
  private partsLength = 0;
  private lineNo = 0;
  private first = true;
  /**
   * Characters examined or copied so far. Re-joining the unfinished line per chunk made one long
   * line cost time in the square of its length; this count lets a test see the work stays linear.
   */
  work = 0;

  constructor(readonly maxLineChars: number = REPORT_LIMITS.lineChars) {}

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
    const out: Array<[number, string]> = [];
    let start = 0;
    for (let nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', start)) {
      this.work += nl - start + 1;
      this.checkLength(this.partsLength + nl - start);
      out.push([++this.lineNo, stripCr(this.take(text.slice(start, nl)))]);
      start = nl + 1;
    }
    if (start < text.length) {
      this.work += text.length - start;
      this.checkLength(this.partsLength + text.length - start);
      this.parts.push(text.slice(start));
      this.partsLength += text.length - start;
    }
    return out;
  }

  /** The last line when the file does not end with a newline. */
  end(): Array<[number, string]> {
    let tail: string;
    try {
      tail = this.decoder.decode();
    } catch {
      throw new ProfileFormatError(NOT_A_TEXT_REPORT);
    }
    this.checkLength(this.partsLength + tail.length);
    const last = this.take(tail);
    return last.length > 0 ? [[++this.lineNo, stripCr(last)]] : [];
  }

  /** The unfinished line ended by `piece`; the held pieces are copied once, here. */
  private take(piece: string): string {
    if (this.parts.length === 0) return piece;
    this.work += this.partsLength;
    this.parts.push(piece);
    const line = this.parts.join('');
    this.parts = [];
    this.partsLength = 0;
    return line;
  }

  private checkLength(length: number): void {
    if (length > this.maxLineChars) {
      throw new ReportLimitError(limitMessages.line(this.lineNo + 1, this.maxLineChars));
    }
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
  // `1e400` matches the pattern but is Infinity in a double: refused, not turned into NaN diversity.
  if (!Number.isFinite(v)) {
    throw new ProfileFormatError(
      `column '${column}' holds ${t.slice(0, 20)}, a number too large to be an abundance`,
      line,
      column,
    );
  }
  if (v < 0) throw new ProfileFormatError(`column '${column}' is negative (${t})`, line, column);
  return v;
}

/**
 * Remembers where each id was first seen, so a repeated sample or feature id is refused naming
 * both places instead of being summed or shadowed silently.
 */
export class SeenIds {
  private readonly first = new Map<string, number | string>();

  constructor(readonly what: string) {}

  /** `where` is a line number (text tables) or a position such as 'rows[3]' (BIOM). */
  add(id: string, where: number | string): void {
    const before = this.first.get(id);
    if (before === undefined) {
      this.first.set(id, where);
      return;
    }
    const place = (w: number | string) => (typeof w === 'number' ? `line ${w}` : w);
    throw new ProfileFormatError(
      `the ${this.what} '${id.slice(0, 60)}' appears twice (${place(before)} and ${place(where)}); each must be unique`,
    );
  }
}

/** Refuses an id longer than the name limit (a table whose columns slipped, or a hostile file). */
export function checkName(name: string, what: string, line?: number): void {
  if (name.length > REPORT_LIMITS.nameChars) {
    throw new ProfileFormatError(
      `a ${what} is ${name.length.toLocaleString('en-GB')} characters long; the most is ${REPORT_LIMITS.nameChars.toLocaleString('en-GB')}`,
      line,
    );
  }
}

/** Sample ids of a header: each short enough and named once. `columns[i]` is ids[i]'s 0-based column. */
export function checkSampleIds(ids: readonly string[], columns: readonly number[], line: number): void {
  const seen = new SeenIds('sample');
  ids.forEach((id, i) => {
    checkName(id, 'sample name', line);
    seen.add(id, `column ${columns[i]! + 1} of line ${line}`);
  });
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
