/**
 * Turns what an importer read into what Gutbrain will store, and a preview of it: rows, date
 * range, what maps to what (editable), the mood labels and their numbers (editable), what is
 * skipped and why, and problems that stop the import (each naming its line).
 *
 * Ratings are rescaled linearly from the source's scale onto the target's range; several values of
 * one measure on one day are combined (mean for ratings, sum for amounts, "done" if done once,
 * notes joined in order).
 *
 * @example planImport(parseDaylio(text), { moods: { meh: 5 } }, measureByKey)
 */
import { ValidationError } from '../errors.ts';
import type { Measure } from '../tracking/measures.ts';
import { mayImportInto } from './compatible.ts';
import { DAYLIO_DEFAULT_MOODS, MOOD_REF } from './daylio.ts';
import type { Combine, ParsedSource, SkippedLine, SourceItem, Target } from './tabular.ts';

export interface ImportChoices {
  /** Daylio: mood label → 1–10. */
  moods?: Record<string, number>;
  /** Item ref → where it goes. */
  targets?: Record<string, Target>;
  /** Rating item ref → the scale the source used. */
  scales?: Record<string, { min: number; max: number }>;
}

export interface PlannedObservation {
  date: string;
  /** A measure key, or `custom:<name>` for a custom measure resolved (or created) by the store. */
  measure: string;
  value: number | null;
  text: string | null;
}

export interface CustomMeasurePlan {
  name: string;
  kind: 'yesno' | 'number' | 'scale';
  unit?: string;
}

export interface ImportPlan {
  app: ParsedSource['app'];
  rows: number;
  dateRange: { from: string; to: string } | null;
  days: number;
  mappings: {
    ref: string;
    label: string;
    kind: SourceItem['kind'];
    target: Target;
    values: number;
    scale?: { min: number; max: number };
  }[];
  moods?: { label: string; value: number | null; entries: number }[];
  skipped: SkippedLine[];
  /** Reasons the import cannot go ahead; commit refuses while any remain. */
  problems: { line: number; message: string }[];
  observations: PlannedObservation[];
  customMeasures: CustomMeasurePlan[];
}

export const customRef = (name: string) => `custom:${name.trim().toLowerCase()}`;

function detectScale(values: number[]): { min: number; max: number } {
  // A loop, not Math.min(...values): spreading 200,000 values overflows the call stack.
  let lo = Number.POSITIVE_INFINITY;
  let hi = Number.NEGATIVE_INFINITY;
  for (const v of values) {
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  if (lo >= 1 && hi <= 5) return { min: 1, max: 5 };
  if (lo >= 0 && hi <= 5) return { min: 0, max: 5 };
  if (lo >= 1 && hi <= 10) return { min: 1, max: 10 };
  if (lo >= 0 && hi <= 10) return { min: 0, max: 10 };
  return { min: lo, max: hi };
}

const round2 = (n: number) => Math.round(n * 100) / 100;

function combine(how: Combine, values: number[]): number {
  if (how === 'sum') return round2(values.reduce((a, b) => a + b, 0));
  if (how === 'max') return values.reduce((a, b) => Math.max(a, b), Number.NEGATIVE_INFINITY);
  return round2(values.reduce((a, b) => a + b, 0) / values.length);
}

export function planImport(
  parsed: ParsedSource,
  choices: ImportChoices,
  measureByKey: (key: string) => Measure | undefined,
): ImportPlan {
  const problems: ImportPlan['problems'] = [];
  const moodTable = new Map<string, number | null>();
  if (parsed.moodLabels) {
    for (const label of parsed.moodLabels) {
      const chosen = choices.moods?.[label];
      const value = chosen ?? DAYLIO_DEFAULT_MOODS[label] ?? null;
      if (value !== null && (!Number.isInteger(value) || value < 1 || value > 10)) {
        throw new ValidationError(`moods.${label}`, `moods.${label} must be a whole number from 1 to 10`);
      }
      moodTable.set(label, value);
    }
  }

  const customs = new Map<string, CustomMeasurePlan>();
  const mappings: ImportPlan['mappings'] = [];
  const resolved = new Map<
    string,
    {
      measure: string;
      range?: { min: number; max: number };
      scale?: { min: number; max: number };
      item: SourceItem;
    }
  >();
  for (const item of parsed.items) {
    const chosen = choices.targets?.[item.ref];
    const target = chosen ?? item.suggested;
    const mine = parsed.values.filter((v) => v.ref === item.ref);
    let scale: { min: number; max: number } | undefined;
    // Daylio's moods already arrive as 1–10 through the mood table; other ratings need a scale.
    if (item.kind === 'rating' && !(item.ref === MOOD_REF && parsed.moodLabels)) {
      const nums = mine.map((v) => v.value).filter((v): v is number => v !== null);
      scale = choices.scales?.[item.ref] ?? (nums.length ? detectScale(nums) : undefined);
      if (scale && !(scale.max > scale.min)) {
        throw new ValidationError(`scales.${item.ref}`, `scales.${item.ref}: max must be above min`);
      }
    }
    mappings.push({ ref: item.ref, label: item.label, kind: item.kind, target, values: mine.length, scale });
    if (target.to === 'skip') continue;
    if (target.to === 'custom') {
      if (item.kind === 'text') {
        throw new ValidationError(`targets.${item.ref}`, `${item.label} is text and can only go to the note`);
      }
      const ref = customRef(target.name);
      if (!customs.has(ref))
        customs.set(ref, { name: target.name.trim(), kind: target.kind, unit: target.unit });
      const range =
        target.kind === 'scale'
          ? { min: 1, max: 10 }
          : target.kind === 'yesno'
            ? { min: 0, max: 1 }
            : undefined;
      resolved.set(item.ref, { measure: ref, range, scale, item });
      continue;
    }
    const measure = measureByKey(target.key);
    if (!measure && !chosen && item.kind !== 'text') {
      // The suggested measure is not on this server (its capability is absent): keep the values
      // as a custom measure of the same name rather than refusing the file.
      const kind = item.kind === 'yesno' ? 'yesno' : item.kind === 'rating' ? 'scale' : 'number';
      const unit = kind === 'number' ? (item.unit ?? 'units') : undefined;
      (mappings[mappings.length - 1] as ImportPlan['mappings'][number]).target = {
        to: 'custom',
        name: item.label,
        kind,
        unit,
      };
      const ref = customRef(item.label);
      if (!customs.has(ref)) customs.set(ref, { name: item.label, kind, unit });
      const range =
        kind === 'scale' ? { min: 1, max: 10 } : kind === 'yesno' ? { min: 0, max: 1 } : undefined;
      resolved.set(item.ref, { measure: ref, range, scale, item });
      continue;
    }
    if (!measure)
      throw new ValidationError(
        `targets.${item.ref}`,
        `targets.${item.ref}: "${target.key}" is not a measure`,
      );
    if (!mayImportInto(item.kind, measure.kind)) {
      throw new ValidationError(
        `targets.${item.ref}`,
        `${item.label} cannot go to ${measure.label}: one is text, the other is not`,
      );
    }
    const range =
      measure.min !== undefined && measure.max !== undefined
        ? { min: measure.min, max: measure.max }
        : undefined;
    resolved.set(item.ref, { measure: measure.key, range, scale, item });
  }

  // Group by (date, measure), converting each value on the way.
  const groups = new Map<
    string,
    { date: string; measure: string; combine: Combine; nums: number[]; texts: string[]; lines: number[] }
  >();
  const moodEntries = new Map<string, number>();
  for (const v of parsed.values) {
    let value = v.value;
    if (v.ref === MOOD_REF && parsed.moodLabels && v.text) {
      moodEntries.set(v.text, (moodEntries.get(v.text) ?? 0) + 1);
      const mapped = moodTable.get(v.text);
      if (mapped === null || mapped === undefined) {
        problems.push({
          line: v.line,
          message: `Line ${v.line}: mood "${v.text}" has no number yet: give it one from 1 to 10`,
        });
        continue;
      }
      value = mapped;
    }
    const r = resolved.get(v.ref);
    if (!r) continue;
    if (value !== null && r.scale && r.range) {
      value = round2(
        r.range.min + ((value - r.scale.min) * (r.range.max - r.range.min)) / (r.scale.max - r.scale.min),
      );
    }
    if (value !== null && r.range && (value < r.range.min || value > r.range.max)) {
      throw new ValidationError(
        'file',
        `Line ${v.line}: ${r.item.label} ${value} is outside ${r.range.min}–${r.range.max}`,
        'bad_value',
      );
    }
    const key = `${v.date}\u0000${r.measure}`;
    let g = groups.get(key);
    if (!g) {
      g = { date: v.date, measure: r.measure, combine: r.item.combine, nums: [], texts: [], lines: [] };
      groups.set(key, g);
    }
    if (value !== null) g.nums.push(value);
    if (v.text !== null && r.item.kind === 'text') g.texts.push(v.text);
    g.lines.push(v.line);
  }

  const observations: PlannedObservation[] = [];
  for (const g of groups.values()) {
    if (g.combine === 'join')
      observations.push({
        date: g.date,
        measure: g.measure,
        value: null,
        text: g.texts.join('\n\n').slice(0, 2000),
      });
    else if (g.nums.length) {
      const measure = measureByKey(g.measure);
      let value = combine(g.combine, g.nums);
      // A count (gratitudes) is capped at the measure's maximum rather than refused.
      if (measure?.kind === 'count' && measure.max !== undefined) value = Math.min(value, measure.max);
      observations.push({ date: g.date, measure: g.measure, value, text: null });
    }
  }
  observations.sort((a, b) =>
    a.date === b.date ? a.measure.localeCompare(b.measure) : a.date.localeCompare(b.date),
  );
  const dates = [...new Set(parsed.values.map((v) => v.date))].sort();
  return {
    app: parsed.app,
    rows: parsed.rows,
    dateRange: dates.length ? { from: dates[0] as string, to: dates[dates.length - 1] as string } : null,
    days: new Set(observations.map((o) => o.date)).size,
    mappings,
    moods: parsed.moodLabels?.map((label) => ({
      label,
      value: moodTable.get(label) ?? null,
      entries: moodEntries.get(label) ?? 0,
    })),
    skipped: parsed.skipped,
    problems,
    observations,
    customMeasures: [...customs.values()],
  };
}
