/**
 * Loop Habit Tracker's CSV export (a zip the person unpacks): `Habits.csv`
 * (`Position,Name,Question,Description,…`), the wide `Checkmarks.csv` (`Date,<habit>,<habit>,…`
 * with a trailing comma, newest day first) and per-habit `NNN Name/Checkmarks.csv`
 * (`Date,Value[,Notes]`, older versions without a header). Values are Loop's entry codes, as
 * numbers or names: 2 YES_MANUAL (done), 0 NO (not done), 1 YES_AUTO (not done, not expected),
 * 3 SKIP, -1 UNKNOWN; numerical habits store thousandths. Source: uhabits' Entry.kt and
 * HabitsCSVExporter.kt.
 *
 * @example parseLoop([{ name: 'Checkmarks.csv', content }]).items
 */
import { isLocalDate } from '../dates.ts';
import { ValidationError } from '../errors.ts';
import {
  measureName,
  type ParsedSource,
  readCsv,
  type SourceItem,
  type SourceValue,
  slug,
} from './tabular.ts';

export interface UploadedFile {
  name: string;
  content: string;
}

const CODES: Record<string, number> = { YES_MANUAL: 2, YES_AUTO: 1, NO: 0, SKIP: 3, UNKNOWN: -1 };
const REASON: Record<number, string> = {
  1: 'not done and not expected that day (YES_AUTO)',
  3: 'skipped (SKIP)',
  [-1]: 'no entry (UNKNOWN)',
};

interface HabitInfo {
  name: string;
  numerical: boolean;
  unit?: string;
}

const base = (name: string) => name.split('/').pop()?.toLowerCase() ?? '';

function readHabits(file: UploadedFile | undefined): Map<string, HabitInfo> {
  const out = new Map<string, HabitInfo>();
  if (!file) return out;
  const [header, ...rows] = readCsv(file.content, file.name);
  const cols = (header?.cells ?? []).map((c) => c.trim().toLowerCase());
  const nameAt = cols.indexOf('name');
  if (cols[0] !== 'position' || nameAt < 0) {
    throw new ValidationError(
      file.name,
      `${file.name} line 1: expected Loop's columns (Position,Name,…), found "${cols.join(',')}"`,
      'wrong_columns',
    );
  }
  const typeAt = cols.indexOf('type');
  const unitAt = cols.indexOf('unit');
  for (const { cells } of rows) {
    const name = (cells[nameAt] ?? '').trim();
    if (!name) continue;
    const type = typeAt >= 0 ? (cells[typeAt] ?? '').trim().toUpperCase() : '';
    const unit = unitAt >= 0 ? (cells[unitAt] ?? '').trim() : '';
    const info = { name, numerical: type === 'NUMERICAL' || type === '1', unit: unit || undefined };
    out.set(name.toLowerCase(), info);
    // Per-habit folders are named "<position> <name without symbols>": match them on the position.
    const position = Number((cells[0] ?? '').trim());
    if (Number.isInteger(position)) out.set(`#${position}`, info);
  }
  return out;
}

export function parseLoop(files: readonly UploadedFile[]): ParsedSource {
  const habits = readHabits(files.find((f) => base(f.name) === 'habits.csv'));
  const items = new Map<string, SourceItem>();
  const values: SourceValue[] = [];
  const skipped: { line: number; reason: string }[] = [];
  let rowCount = 0;

  const record = (
    fileName: string,
    line: number,
    date: string,
    habitName: string,
    raw: string,
    note: string,
    position?: number,
  ) => {
    if (!isLocalDate(date)) {
      throw new ValidationError(
        fileName,
        `${fileName} line ${line}: "${date}" is not a date (expected YYYY-MM-DD)`,
        'bad_date',
      );
    }
    const info = (position === undefined ? undefined : habits.get(`#${position}`)) ??
      habits.get(habitName.toLowerCase()) ?? { name: habitName, numerical: false };
    const name = measureName(info.name);
    const ref = `habit:${slug(name)}`;
    const trimmed = raw.trim().toUpperCase();
    const code = trimmed in CODES ? CODES[trimmed] : Number(trimmed);
    if (trimmed === '' || code === undefined || !Number.isFinite(code)) {
      throw new ValidationError(
        fileName,
        `${fileName} line ${line}: "${raw}" is not a Loop entry for ${name}`,
        'bad_value',
      );
    }
    if (!items.has(ref)) {
      items.set(
        ref,
        info.numerical
          ? {
              ref,
              label: name,
              kind: 'number',
              unit: info.unit,
              combine: 'sum',
              suggested: { to: 'custom', name, kind: 'number', unit: info.unit ?? 'units' },
            }
          : {
              ref,
              label: name,
              kind: 'yesno',
              combine: 'max',
              suggested: { to: 'custom', name, kind: 'yesno' },
            },
      );
    }
    if (info.numerical) {
      if (code < 0) skipped.push({ line, reason: `${name} on ${date}: no entry` });
      else values.push({ date, ref, value: code / 1000, text: null, line });
    } else if (code === 2 || code === 0)
      values.push({ date, ref, value: code === 2 ? 1 : 0, text: null, line });
    else skipped.push({ line, reason: `${name} on ${date}: ${REASON[code] ?? `unknown entry ${code}`}` });
    if (note.trim()) {
      if (!items.has('note'))
        items.set('note', {
          ref: 'note',
          label: 'Notes',
          kind: 'text',
          combine: 'join',
          suggested: { to: 'measure', key: 'note' },
        });
      values.push({ date, ref: 'note', value: null, text: `${name}: ${note.trim()}`, line });
    }
  };

  const perHabit = files.filter((f) => base(f.name) === 'checkmarks.csv' && f.name.includes('/'));
  const wide = files.find((f) => base(f.name) === 'checkmarks.csv' && !f.name.includes('/'));
  if (perHabit.length > 0) {
    // Per-habit files carry notes; prefer them over the wide file when both were uploaded.
    for (const f of perHabit) {
      const folder = f.name.split('/').slice(-2, -1)[0] ?? '';
      const habitName = folder.replace(/^\d+\s+/, '');
      const position = /^(\d+)\s/.exec(folder)?.[1];
      const records = readCsv(f.content, f.name);
      for (const { line, cells } of records) {
        if (line === 1 && (cells[0] ?? '').trim().toLowerCase() === 'date') continue;
        rowCount += 1;
        const at = position === undefined ? undefined : Number(position);
        record(f.name, line, (cells[0] ?? '').trim(), habitName, cells[1] ?? '', cells[2] ?? '', at);
      }
    }
  } else if (wide) {
    const [header, ...rows] = readCsv(wide.content, wide.name);
    const cols = (header?.cells ?? []).map((c) => c.trim());
    while (cols.length && cols[cols.length - 1] === '') cols.pop();
    if (cols[0]?.toLowerCase() !== 'date' || cols.length < 2) {
      throw new ValidationError(
        wide.name,
        `${wide.name} line 1: expected "Date,<habit>,…", found "${cols.join(',')}"`,
        'wrong_columns',
      );
    }
    for (const { line, cells } of rows) {
      rowCount += 1;
      for (let i = 1; i < cols.length; i++)
        record(wide.name, line, (cells[0] ?? '').trim(), cols[i] as string, cells[i] ?? '', '');
    }
  } else {
    throw new ValidationError(
      'files',
      "Upload Checkmarks.csv from Loop's export (and Habits.csv, if you have it)",
      'wrong_columns',
    );
  }
  return { app: 'loop', rows: rowCount, items: [...items.values()], values, skipped };
}
