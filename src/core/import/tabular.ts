/**
 * Shared pieces of the tracker importers: reading CSV text into records that know their line,
 * checking a header, and the parsed form every importer produces (dated values of named items,
 * which the plan then maps onto Gutbrain measures).
 */
import { parse } from 'csv-parse/sync';
import { TooLargeError, ValidationError } from '../errors.ts';
import type { ImportItemKind } from './compatible.ts';

/**
 * How much one import may hold. Ten years of a tracker logged ten times a day stays well inside;
 * beyond, the file is refused in words before the plan is built (its cost grows with every row).
 */
export const IMPORT_LIMITS = { rows: 200_000, recordChars: 100_000 } as const;

const count = (n: number) => n.toLocaleString('en-GB');

/** Refuses a file (or an export's tables) with more rows than one import may hold. */
export function checkImportRows(rows: number, file: string): void {
  if (rows > IMPORT_LIMITS.rows) {
    throw new TooLargeError(
      `${file} has more than ${count(IMPORT_LIMITS.rows)} rows, the most one import may hold. Export a shorter period and import it in parts.`,
      'files',
    );
  }
}

export type SourceApp = 'daylio' | 'bearable' | 'loop';

export interface CsvRecord {
  /** 1-based line of the file the record ends on (what a spreadsheet shows). */
  line: number;
  cells: string[];
}

/** How several values of one item on one day become the day's value. */
export type Combine = 'mean' | 'sum' | 'max' | 'join';

/** Something in the source file that maps onto one Gutbrain measure (a mood, an activity, …). */
export interface SourceItem {
  /** Stable reference: `activity:clean`, `mood`, `symptom:headache`. */
  ref: string;
  label: string;
  /** What its values are: yes/no, a rating, a number, or text. */
  kind: ImportItemKind;
  unit?: string;
  combine: Combine;
  /** Where it goes unless the person changes it. */
  suggested: Target;
  /** For ratings: the scale the source uses, rescaled onto the target's range. */
  scale?: { min: number; max: number };
}

export type Target =
  | { to: 'measure'; key: string }
  | { to: 'custom'; name: string; kind: 'yesno' | 'number' | 'scale'; unit?: string }
  | { to: 'skip' };

export interface SourceValue {
  date: string;
  ref: string;
  value: number | null;
  text: string | null;
  line: number;
}

export interface SkippedLine {
  line: number;
  reason: string;
}

export interface ParsedSource {
  app: SourceApp;
  /** Data rows read (not counting headers). */
  rows: number;
  items: SourceItem[];
  values: SourceValue[];
  skipped: SkippedLine[];
  /** Daylio only: the mood labels found, in the order first seen. */
  moodLabels?: string[];
}

/** Parses CSV text (BOM, quotes, CRLF, ragged rows allowed) into records with line numbers. */
export function readCsv(text: string, file = 'file'): CsvRecord[] {
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      max_record_size: IMPORT_LIMITS.recordChars,
      // The header and one row past the limit: enough to know it is passed, without reading on.
      to: IMPORT_LIMITS.rows + 2,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch (e) {
    const err = e as Error & { code?: string; lines?: number };
    if (err.code === 'CSV_MAX_RECORD_SIZE') {
      throw new TooLargeError(
        `${file}, line ${err.lines ?? '?'}: a row is longer than ${count(IMPORT_LIMITS.recordChars)} characters, the most one row may hold.`,
        'files',
      );
    }
    throw new ValidationError(file, `${file} is not a CSV file Gutbrain can read: ${err.message}`);
  }
  checkImportRows(parsed.length - 1, file);
  return parsed.map((p) => ({ line: p.info.lines, cells: p.record }));
}

const norm = (s: string) => s.trim().toLowerCase();

/** Finds which of the accepted headers the file has; throws naming what was expected. */
export function matchHeader<T extends string>(
  header: readonly string[] | undefined,
  accepted: Record<T, readonly string[]>,
  app: string,
  file = 'file',
): T {
  const got = (header ?? []).map(norm);
  while (got.length && got[got.length - 1] === '') got.pop();
  for (const [name, cols] of Object.entries(accepted) as [T, readonly string[]][]) {
    if (cols.length === got.length && cols.every((c, i) => c === got[i])) return name;
  }
  const expected = Object.values<readonly string[]>(accepted)
    .map((c) => c.join(','))
    .join(' or ');
  throw new ValidationError(
    file,
    `Line 1: these are not the columns of a ${app} export (found "${got.join(',')}", expected ${expected})`,
    'wrong_columns',
  );
}

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

/** `'18 May'` + 2018 → `'2018-05-18'`; undefined when it is not a day and an English month. */
export function dayMonthToDate(dayMonth: string, year: number): string | undefined {
  const m = /^(\d{1,2})\s+([A-Za-z]+)\.?$/.exec(dayMonth.trim());
  if (!m) return undefined;
  const month = MONTHS.indexOf((m[2] as string).slice(0, 3).toLowerCase());
  if (month < 0) return undefined;
  return `${year}-${String(month + 1).padStart(2, '0')}-${String(Number(m[1])).padStart(2, '0')}`;
}

/** `'11:54 pm'` → 1434, `'23:54'` → 1434, `'12:05 AM'` → 5; undefined for anything else. */
export function minutesOfClock(value: string): number | undefined {
  const m = /^(\d{1,2}):(\d{2})(?::\d{2})?\s*([ap]\.?m\.?)?$/i.exec(value.trim());
  if (!m) return undefined;
  let h = Number(m[1]);
  const min = Number(m[2]);
  if (min > 59) return undefined;
  const half = m[3]?.toLowerCase().replace(/\./g, '');
  if (half) {
    if (h < 1 || h > 12) return undefined;
    h = (h % 12) + (half === 'pm' ? 12 : 0);
  } else if (h > 23) return undefined;
  return h * 60 + min;
}

/** A short, stable slug for a label: `'Movies / TV'` → `'movies_tv'`. */
export function slug(label: string): string {
  return (
    label
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '_')
      .replace(/^_+|_+$/g, '') || 'item'
  );
}

/** Trims a label and gives it a capital first letter for a new measure's name. */
export function measureName(label: string): string {
  const t = label.trim().replace(/\s+/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}
