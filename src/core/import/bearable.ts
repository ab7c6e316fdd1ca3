/**
 * Bearable's long CSV export: one row per logged thing,
 * `date,[date formatted,]weekday,time of day,category,rating/amount,detail,notes`.
 * Categories read: Mood and Energy (ratings), Sleep ("7:30" or hours), Sleep quality, Symptom
 * ("Headache (Mild)" with a severity), Factors and Meds/Supplements (" | "-separated names),
 * Bowel movements (a count, with a Bristol type when the detail names one) and Gratitude. Notes are
 * kept in the day's note. Other categories are listed as skipped with the reason.
 *
 * @example parseBearable(csvText).items.map((i) => i.ref) // → ['mood', 'factor:coffee', …]
 */
import { isLocalDate } from '../dates.ts';
import { ValidationError } from '../errors.ts';
import {
  matchHeader,
  measureName,
  type ParsedSource,
  readCsv,
  type SourceItem,
  type SourceValue,
  slug,
} from './tabular.ts';

const BASE = ['weekday', 'time of day', 'category', 'rating/amount', 'detail', 'notes'];
const HEADERS = {
  plain: ['date', ...BASE],
  withFormatted: ['date', 'date formatted', ...BASE],
} as const;

/** Bearable's parts of the day, and the check-in energy measure each one fills. */
function energyMeasure(timeOfDay: string): string {
  const t = timeOfDay.trim().toLowerCase();
  if (t === 'pre' || t === 'am') return 'energy_morning';
  if (t === 'pm') return 'energy_evening';
  const clock = /^(\d{1,2}):\d{2}/.exec(t);
  if (clock) {
    const h = Number(clock[1]);
    return h < 11 ? 'energy_morning' : h < 17 ? 'energy_midday' : 'energy_evening';
  }
  return 'energy_midday';
}

/** `'2023-04-05'`, `'2023-04-05T10:00:00Z'` or `'2023-04-05 10:00'` → `'2023-04-05'`. */
function readDate(value: string): string | undefined {
  const d = value.trim().slice(0, 10);
  return isLocalDate(d) ? d : undefined;
}

/** `'7:30'` → 7.5 hours; `'7.5'` → 7.5. */
function readHours(value: string): number | undefined {
  const hm = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (hm) return Number(hm[1]) + Number(hm[2]) / 60;
  const n = Number(value);
  return value.trim() !== '' && Number.isFinite(n) ? n : undefined;
}

export function parseBearable(text: string, file = 'file'): ParsedSource {
  const records = readCsv(text, file);
  const [header, ...rows] = records;
  const variant = matchHeader(header?.cells, HEADERS, 'Bearable', file);
  const columns: readonly string[] = HEADERS[variant];
  const items = new Map<string, SourceItem>();
  const values: SourceValue[] = [];
  const skipped: { line: number; reason: string }[] = [];
  const add = (item: SourceItem) => {
    if (!items.has(item.ref)) items.set(item.ref, item);
  };
  const note: SourceItem = {
    ref: 'note',
    label: 'Notes',
    kind: 'text',
    combine: 'join',
    suggested: { to: 'measure', key: 'note' },
  };

  for (const { line, cells } of rows) {
    const col = (name: string) => (cells[columns.indexOf(name)] ?? '').trim();
    const date =
      readDate(col('date')) ?? (variant === 'withFormatted' ? readDate(col('date formatted')) : undefined);
    if (!date)
      throw new ValidationError(
        file,
        `Line ${line}: "${col('date')}" is not a date (expected YYYY-MM-DD)`,
        'bad_date',
      );
    const category = col('category');
    const amount = col('rating/amount');
    const detail = col('detail');
    const number = () => {
      const n = Number(amount);
      if (amount === '' || !Number.isFinite(n)) {
        throw new ValidationError(file, `Line ${line}: ${category} "${amount}" is not a number`, 'bad_value');
      }
      return n;
    };
    const push = (ref: string, value: number | null, text: string | null = null) =>
      values.push({ date, ref, value, text, line });

    switch (category.toLowerCase()) {
      case 'mood':
        add({
          ref: 'mood',
          label: 'Mood',
          kind: 'rating',
          combine: 'mean',
          suggested: { to: 'measure', key: 'mood' },
        });
        push('mood', number());
        break;
      case 'energy': {
        const key = energyMeasure(col('time of day'));
        const ref = `energy:${key}`;
        const label = `Energy (${key.replace('energy_', '')})`;
        add({ ref, label, kind: 'rating', combine: 'mean', suggested: { to: 'measure', key } });
        push(ref, number());
        break;
      }
      case 'sleep': {
        const hours = readHours(amount);
        if (hours === undefined || hours < 0 || hours > 24) {
          throw new ValidationError(
            file,
            `Line ${line}: sleep "${amount}" is not a duration (H:MM)`,
            'bad_value',
          );
        }
        add({
          ref: 'sleep',
          label: 'Sleep',
          kind: 'number',
          unit: 'hours',
          combine: 'sum',
          suggested: { to: 'measure', key: 'sleep_hours' },
        });
        push('sleep', Math.round(hours * 100) / 100);
        break;
      }
      case 'sleep quality':
        add({
          ref: 'sleep_quality',
          label: 'Sleep quality',
          kind: 'rating',
          combine: 'mean',
          suggested: { to: 'measure', key: 'sleep_quality' },
        });
        push('sleep_quality', number());
        break;
      case 'symptom':
      case 'symptoms': {
        // "Headache (Mild)": the name before the bracket; the severity is the rating.
        const name = measureName(detail.replace(/\s*\([^)]*\)\s*$/, '') || 'Symptom');
        const ref = `symptom:${slug(name)}`;
        add({
          ref,
          label: name,
          kind: 'number',
          unit: 'severity',
          combine: 'max',
          suggested: { to: 'custom', name, kind: 'number', unit: 'severity' },
        });
        push(ref, number());
        break;
      }
      case 'factors':
      case 'meds/supplements':
      case 'medication':
        for (const label of new Set(
          detail
            .split('|')
            .map((d) => d.trim())
            .filter(Boolean),
        )) {
          const name = measureName(label);
          const ref = `factor:${slug(name)}`;
          add({
            ref,
            label: name,
            kind: 'yesno',
            combine: 'max',
            suggested: { to: 'custom', name, kind: 'yesno' },
          });
          push(ref, 1);
        }
        break;
      case 'bowel movements':
      case 'bowel movement': {
        add({
          ref: 'bowel_movements',
          label: 'Bowel movements',
          kind: 'number',
          unit: 'times',
          combine: 'sum',
          suggested: { to: 'custom', name: 'Bowel movements', kind: 'number', unit: 'times' },
        });
        const n = amount === '' ? 1 : number();
        push('bowel_movements', n);
        const type = /type\s*([1-7])\b/i.exec(detail);
        if (type) {
          add({
            ref: 'bristol',
            label: 'Bristol stool type',
            kind: 'number',
            combine: 'mean',
            suggested: { to: 'measure', key: 'bristol' },
          });
          push('bristol', Number(type[1]));
        }
        break;
      }
      case 'gratitude':
      case 'gratitudes': {
        const entries = (detail || col('notes'))
          .split('|')
          .map((d) => d.trim())
          .filter(Boolean);
        add({
          ref: 'gratitude',
          label: 'Gratitudes',
          kind: 'number',
          combine: 'sum',
          suggested: { to: 'measure', key: 'gratitude' },
        });
        push('gratitude', Math.max(1, entries.length));
        add(note);
        push('note', null, `Gratitude: ${entries.join('; ')}`);
        continue;
      }
      default:
        skipped.push({
          line,
          reason: `category "${category}" is not something Gutbrain imports from Bearable`,
        });
        continue;
    }
    const text = col('notes');
    if (text) {
      add(note);
      push('note', null, `${category}: ${text}`);
    }
  }
  return { app: 'bearable', rows: rows.length, items: [...items.values()], values, skipped };
}
