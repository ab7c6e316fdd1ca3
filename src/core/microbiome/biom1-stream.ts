/**
 * BIOM 1.0 JSON read as it streams. A large table is almost all `data` (one `[row, col, value]`
 * triple per non-zero, or dense rows), so that array is scanned number by number into a flat
 * Float64Array (8 bytes per number) instead of being parsed into JavaScript arrays (~50 bytes per
 * triple); every other top-level field is small and is handed to JSON.parse on its own.
 */
import { type PackedMatrix, tableFromBiom1 } from './biom.ts';
import { limitMessages, REPORT_LIMITS, ReportLimitError } from './limits.ts';
import { type AbundanceTable, ProfileFormatError, type Rank } from './types.ts';

const OPEN_OBJ = 123; // {
const CLOSE_OBJ = 125; // }
const OPEN_ARR = 91; // [
const CLOSE_ARR = 93; // ]
const QUOTE = 34;
const BACKSLASH = 92;
const COMMA = 44;
const COLON = 58;
const NEWLINE = 10;

function isNumberChar(c: number): boolean {
  return (c >= 48 && c <= 57) || c === 45 || c === 43 || c === 46 || c === 101 || c === 69;
}

export class Biom1StreamReader {
  private depth = 0;
  private inString = false;
  private escape = false;
  private line = 1;
  /** At depth 1: reading a key, waiting for ':', or inside a value. */
  private phase: 'key' | 'colon' | 'value' = 'key';
  private key = '';
  private keyParts: string[] = [];
  private valueParts: string[] = [];
  /** Characters of field names and non-`data` values held so far (bounded: they are parsed whole). */
  private keyChars = 0;
  private metadataChars = 0;
  private readonly fields = new Map<string, string>();
  // `data` scanning state
  private inData = false;
  private token = '';
  private numbers = new Float64Array(1 << 16);
  private count = 0;
  private lengths = new Uint32Array(1 << 12);
  private rows = 0;
  private rowStart = 0;

  constructor(readonly rank: Rank) {}

  private fail(message: string): never {
    throw new ProfileFormatError(message, this.line);
  }

  private pushNumber(): void {
    if (this.token === '') return;
    const v = Number(this.token);
    if (!Number.isFinite(v)) this.fail(`'${this.token.slice(0, 20)}' in data is not a number`);
    if (this.count >= 3 * REPORT_LIMITS.values) {
      // Sparse data holds three numbers per non-zero value.
      throw new ReportLimitError(limitMessages.values(REPORT_LIMITS.values));
    }
    if (this.count === this.numbers.length) {
      // Grow by a quarter, not double: the spare capacity is memory the 4× bound must cover.
      const grown = new Float64Array(Math.ceil(this.numbers.length * 1.25));
      grown.set(this.numbers);
      this.numbers = grown;
    }
    this.numbers[this.count++] = v;
    this.token = '';
  }

  private endInner(): void {
    if (this.rows === this.lengths.length) {
      const grown = new Uint32Array(this.lengths.length * 2);
      grown.set(this.lengths);
      this.lengths = grown;
    }
    this.lengths[this.rows++] = this.count - this.rowStart;
    this.rowStart = this.count;
  }

  /** Feeds text; `chunk` may end anywhere, even inside a string or number. */
  push(chunk: string): void {
    let captureFrom = this.phase === 'value' && !this.inData ? 0 : -1;
    let keyFrom = this.phase === 'key' && this.inString && this.depth === 1 ? 0 : -1;
    for (let i = 0; i < chunk.length; i++) {
      const c = chunk.charCodeAt(i);
      if (c === NEWLINE) this.line++;
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (c === BACKSLASH) this.escape = true;
        else if (c === QUOTE) {
          this.inString = false;
          if (keyFrom >= 0) {
            this.holdKey(i - keyFrom);
            this.keyParts.push(chunk.slice(keyFrom, i));
            this.key = this.keyParts.join('');
            this.keyParts = [];
            this.keyChars = 0;
            keyFrom = -1;
            this.phase = 'colon';
          }
        }
        continue;
      }
      if (this.inData) {
        this.scanData(c, chunk, i);
        continue;
      }
      if (c === QUOTE) {
        this.inString = true;
        if (this.depth === 1 && this.phase === 'key') keyFrom = i + 1;
        continue;
      }
      if (this.depth === 0) {
        if (c === OPEN_OBJ) {
          this.depth = 1;
          this.phase = 'key';
        } else if (c > 32) this.fail('a BIOM 1.0 file is one JSON object');
        continue;
      }
      if (this.depth === 1) {
        if (this.phase === 'colon') {
          if (c === COLON) {
            if (this.fields.has(this.key)) this.fail(`the field "${this.key}" appears twice`);
            this.phase = 'value';
            if (this.key === 'data') this.inData = true;
            else captureFrom = i + 1;
          } else if (c > 32) this.fail(`expected ':' after "${this.key}"`);
          continue;
        }
        if (this.phase === 'value' && (c === COMMA || c === CLOSE_OBJ)) {
          if (captureFrom >= 0) this.holdValue(chunk.slice(captureFrom, i));
          captureFrom = -1;
          this.fields.set(this.key, this.valueParts.join(''));
          this.valueParts = [];
          this.phase = 'key';
          if (c === CLOSE_OBJ) this.depth = 0;
          continue;
        }
        if (this.phase === 'key') {
          if (c === CLOSE_OBJ) this.depth = 0;
          else if (c !== COMMA && c > 32) this.fail('expected a field name in quotes');
          continue;
        }
      }
      if (c === OPEN_OBJ || c === OPEN_ARR) this.depth++;
      else if (c === CLOSE_OBJ || c === CLOSE_ARR) this.depth--;
    }
    if (captureFrom >= 0) this.holdValue(chunk.slice(captureFrom));
    if (keyFrom >= 0) {
      this.holdKey(chunk.length - keyFrom);
      this.keyParts.push(chunk.slice(keyFrom));
    }
  }

  private holdKey(chars: number): void {
    this.keyChars += chars;
    if (this.keyChars > REPORT_LIMITS.nameChars) {
      this.fail(`a field name is longer than ${REPORT_LIMITS.nameChars.toLocaleString('en-GB')} characters`);
    }
  }

  private holdValue(part: string): void {
    this.metadataChars += part.length;
    if (this.metadataChars > REPORT_LIMITS.biomMetadataChars) {
      throw new ReportLimitError(
        `The BIOM file's rows, columns and metadata take more than ${REPORT_LIMITS.biomMetadataChars / 1024 / 1024} MB, the most an upload may hold. Export only your own samples.`,
      );
    }
    this.valueParts.push(part);
  }

  /** One character of the `data` value: `[` rows `[` numbers `]` … `]`. */
  private scanData(c: number, chunk: string, i: number): void {
    if (isNumberChar(c)) {
      if (this.depth !== 3) this.fail('data: must be a list of lists of numbers');
      if (this.token.length >= REPORT_LIMITS.numberChars) {
        this.fail(
          `data: a number is longer than ${REPORT_LIMITS.numberChars} characters; a BIOM table holds ordinary numbers`,
        );
      }
      this.token += chunk[i];
    } else if (c === COMMA || c <= 32) this.pushNumber();
    else if (c === OPEN_ARR) {
      this.pushNumber();
      if (++this.depth > 3) this.fail('data: rows must be flat lists of numbers');
    } else if (c === CLOSE_ARR) {
      this.pushNumber();
      if (--this.depth === 2) this.endInner();
      else if (this.depth === 1) this.endData();
    } else this.fail(`data: unexpected '${chunk[i]}'`);
  }

  private endData(): void {
    this.inData = false;
    this.fields.set('data', '[]');
    this.valueParts = [];
  }

  finish(): AbundanceTable {
    if (this.depth !== 0 || this.inString) this.fail('the BIOM JSON ends before it is complete');
    const doc: Record<string, unknown> = {};
    for (const [key, raw] of this.fields) {
      if (key === 'data') continue;
      try {
        doc[key] = JSON.parse(raw);
      } catch {
        throw new ProfileFormatError(`${key}: is not valid JSON`, undefined, key);
      }
    }
    if (!this.fields.has('data')) throw new ProfileFormatError('data: is missing', undefined, 'data');
    const packed: PackedMatrix = {
      numbers: this.numbers.subarray(0, this.count),
      lengths: this.lengths.subarray(0, this.rows),
    };
    doc.data = [];
    return tableFromBiom1(doc, this.rank, packed);
  }
}
