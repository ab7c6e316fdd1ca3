/**
 * The CPU-heavy, pure part of a data import: read the file(s) and build the plan (tracker exports)
 * or check the tables (a Gutbrain export). It runs in a worker thread for anything but a small
 * file (import-reader.ts); only the plan crosses back, and the database work stays on the server
 * thread, in one transaction.
 */
import { DomainError, TooLargeError, ValidationError } from '../../core/errors.ts';
import { type ExportDocument, parseExportDocument } from '../../core/export/document.ts';
import { type CustomKind, customMeasureToMeasure } from '../../core/habits/custom-measures.ts';
import { parseBearable } from '../../core/import/bearable.ts';
import { parseDaylio } from '../../core/import/daylio.ts';
import { parseLoop } from '../../core/import/loop.ts';
import { type ImportPlan, planImport } from '../../core/import/plan.ts';
import { checkImportRows, type ParsedSource, type Target } from '../../core/import/tabular.ts';
import { measureByKey } from '../../core/tracking/measures.ts';
import type { UploadFailure } from '../microbiome/upload-job.ts';

export interface ImportFile {
  name: string;
  content: string;
}

export interface ImportJob {
  source: 'gutbrain' | 'daylio' | 'bearable' | 'loop';
  files: ImportFile[];
  moods?: Record<string, number>;
  targets?: Record<string, Target>;
  scales?: Record<string, { min: number; max: number }>;
  /** The person's own measures, which targets may name. */
  own: Array<{ id: string; name: string; kind: CustomKind; unit: string | null }>;
}

export type ImportReading =
  | { kind: 'gutbrain'; tables: ExportDocument['tables'] }
  | { kind: 'tracker'; plan: ImportPlan };

function parseTracker(job: ImportJob): ParsedSource {
  const [first] = job.files as [ImportFile];
  if (job.source === 'daylio') return parseDaylio(first.content, first.name);
  if (job.source === 'bearable') return parseBearable(first.content, first.name);
  return parseLoop(job.files);
}

function readJson(content: string, name: string): unknown {
  try {
    return JSON.parse(content);
  } catch {
    throw new ValidationError(
      'files',
      `${name} is not JSON: choose the file Gutbrain's export gave you`,
      'invalid_json',
    );
  }
}

export function runImportJob(job: ImportJob): ImportReading {
  const [first] = job.files as [ImportFile];
  if (job.source === 'gutbrain') {
    const doc = parseExportDocument(readJson(first.content, first.name));
    checkImportRows(
      Object.values(doc.tables).reduce((n, rows) => n + rows.length, 0),
      first.name,
    );
    return { kind: 'gutbrain', tables: doc.tables };
  }
  const own = new Map(job.own.map((m) => [`custom_${m.id}`, customMeasureToMeasure(m)]));
  const plan = planImport(
    parseTracker(job),
    { moods: job.moods, targets: job.targets, scales: job.scales },
    (key) => measureByKey(key) ?? own.get(key),
  );
  return { kind: 'tracker', plan };
}

/** The answer for an error met while reading an import file, as it crosses from the worker. */
export function importFailureOf(e: unknown): UploadFailure {
  if (e instanceof DomainError) {
    return {
      status: e instanceof TooLargeError ? 413 : 400,
      code: e.code,
      message: e.message,
      ...(e.field ? { field: e.field } : {}),
    };
  }
  if (e instanceof RangeError) {
    return {
      status: 413,
      code: 'too_large',
      message: 'The file needs more memory to read than one import may use. Import a shorter period.',
      field: 'files',
    };
  }
  return {
    status: 400,
    code: 'unreadable_file',
    message: 'The file could not be read. Check that it is the export the app gave you, unchanged.',
    field: 'files',
  };
}
