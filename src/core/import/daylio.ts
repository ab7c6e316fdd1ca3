/**
 * Daylio's CSV export. Three headers are in the wild: the current
 * `full_date,date,weekday,time,mood,activities,note_title,note`, the same without `note_title`,
 * and the oldest `year,date,weekday,time,mood,activities,note` (date written "18 May").
 * Activities are separated by " | "; times are 12-hour ("11:54 pm") or 24-hour; a day may have
 * several entries. Moods are the person's own labels, mapped to 1–10 by the plan.
 *
 * @example parseDaylio(csvText).moodLabels // → ['good', 'meh']
 */
import { isLocalDate } from '../dates.ts';
import { ValidationError } from '../errors.ts';
import {
  dayMonthToDate,
  matchHeader,
  measureName,
  minutesOfClock,
  type ParsedSource,
  readCsv,
  type SourceItem,
  type SourceValue,
  slug,
} from './tabular.ts';

const HEADERS = {
  current: ['full_date', 'date', 'weekday', 'time', 'mood', 'activities', 'note_title', 'note'],
  noTitle: ['full_date', 'date', 'weekday', 'time', 'mood', 'activities', 'note'],
  withYear: ['year', 'date', 'weekday', 'time', 'mood', 'activities', 'note'],
} as const;

/**
 * Daylio's five default moods from best to worst (current English names first, then the names of
 * older versions), spread evenly over 1–10: 10, 8, 6, 3, 1 (1 + 9·k/4, rounded).
 */
export const DAYLIO_DEFAULT_MOODS: Readonly<Record<string, number>> = {
  rad: 10,
  awesome: 10,
  amazing: 10,
  good: 8,
  happy: 8,
  meh: 6,
  average: 6,
  okay: 6,
  fugly: 3,
  bad: 3,
  sad: 3,
  awful: 1,
  horrible: 1,
  terrible: 1,
};

export const MOOD_REF = 'mood';
export const NOTE_REF = 'note';

export function parseDaylio(text: string, file = 'file'): ParsedSource {
  const records = readCsv(text, file);
  const [header, ...rows] = records;
  const variant = matchHeader(header?.cells, HEADERS, 'Daylio', file);
  const columns: readonly string[] = HEADERS[variant];
  const col = (cells: string[], name: string) => (cells[columns.indexOf(name)] ?? '').trim();

  const items = new Map<string, SourceItem>([
    [
      MOOD_REF,
      {
        ref: MOOD_REF,
        label: 'Mood',
        kind: 'rating',
        combine: 'mean',
        suggested: { to: 'measure', key: 'mood' },
      },
    ],
    [
      NOTE_REF,
      {
        ref: NOTE_REF,
        label: 'Notes',
        kind: 'text',
        combine: 'join',
        suggested: { to: 'measure', key: 'note' },
      },
    ],
  ]);
  const values: SourceValue[] = [];
  const moodLabels: string[] = [];

  for (const { line, cells } of rows) {
    if (cells.length < columns.length - 1) {
      throw new ValidationError(
        file,
        `Line ${line}: expected ${columns.length} columns, found ${cells.length}`,
      );
    }
    let date: string | undefined;
    if (variant === 'withYear') {
      const year = Number(col(cells, 'year'));
      date = Number.isInteger(year) ? dayMonthToDate(col(cells, 'date'), year) : undefined;
    } else date = col(cells, 'full_date');
    if (!date || !isLocalDate(date)) {
      const shown =
        variant === 'withYear' ? `${col(cells, 'date')} ${col(cells, 'year')}` : col(cells, 'full_date');
      throw new ValidationError(
        file,
        `Line ${line}: "${shown}" is not a date (expected YYYY-MM-DD)`,
        'bad_date',
      );
    }
    const minutes = minutesOfClock(col(cells, 'time'));
    if (minutes === undefined) {
      throw new ValidationError(
        file,
        `Line ${line}: "${col(cells, 'time')}" is not a time of day`,
        'bad_time',
      );
    }
    const mood = col(cells, 'mood').toLowerCase();
    if (!mood) throw new ValidationError(file, `Line ${line}: the mood is empty`, 'unknown_mood');
    if (!moodLabels.includes(mood)) moodLabels.push(mood);
    // The mood's number comes from the mapping at plan time; the label travels as text.
    values.push({ date, ref: MOOD_REF, value: null, text: mood, line });

    const activities = col(cells, 'activities')
      .split('|')
      .map((a) => a.trim())
      .filter(Boolean);
    for (const label of new Set(activities.map((a) => a.toLowerCase()))) {
      const ref = `activity:${slug(label)}`;
      if (!items.has(ref)) {
        const name = measureName(label);
        items.set(ref, {
          ref,
          label: name,
          kind: 'yesno',
          combine: 'max',
          suggested: { to: 'custom', name, kind: 'yesno' },
        });
      }
      values.push({ date, ref, value: 1, text: null, line });
    }

    const title = columns.includes('note_title') ? col(cells, 'note_title') : '';
    const note = col(cells, 'note');
    if (title || note) {
      const clock = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
      const body = [title, note].filter(Boolean).join(' — ');
      values.push({ date, ref: NOTE_REF, value: null, text: `${clock} ${body}`, line });
    }
  }
  return { app: 'daylio', rows: rows.length, items: [...items.values()], values, skipped: [], moodLabels };
}
