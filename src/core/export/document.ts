/**
 * Gutbrain's own export: one versioned JSON document holding every row the person owns, table by
 * table, exactly as stored (minus `person_id`, which is implied). Reading a document checks every
 * cell against the live table shape and names the table, row and column of the first problem.
 *
 * @example parseExportDocument(JSON.parse(text)) // → ExportDocument, or throws ValidationError
 */
import { z } from 'zod';
import { isInstant, isLocalDate } from '../dates.ts';
import { ValidationError } from '../errors.ts';

export const EXPORT_FORMAT = 'gutbrain-export';
/** Bump when the document's own layout changes (not when tables are added: those are data). */
export const EXPORT_VERSION = 1;

export type Cell = string | number | null;
export type Row = Record<string, Cell>;

/** What import needs to know about a table; the store's schema walk provides it. */
export interface TableShape {
  name: string;
  columns: { name: string; type: 'text' | 'integer' | 'real'; nullable: boolean; hasDefault: boolean }[];
  primaryKey: string[];
  uniques: string[][];
  foreignKeys: { column: string; refTable: string; refColumn: string }[];
}

const cell = z.union([z.string(), z.number(), z.null()]);

export const exportDocumentSchema = z.object({
  format: z.literal(EXPORT_FORMAT, { error: `must be "${EXPORT_FORMAT}"` }),
  version: z
    .number()
    .int()
    .refine((v) => v <= EXPORT_VERSION, {
      error: `comes from a newer Gutbrain (this one reads version ${EXPORT_VERSION})`,
    }),
  exportedAt: z.string(),
  migrations: z.array(z.string()),
  person: z.object({ displayName: z.string(), timeZone: z.string(), region: z.string().nullable() }),
  tables: z.record(z.string(), z.array(z.record(z.string(), cell))),
});

export type ExportDocument = z.infer<typeof exportDocumentSchema>;

/** A column whose name says it holds a local date (`date`, `start_date`, …). */
export const isDateColumn = (name: string) => name === 'date' || name.endsWith('_date');
/** A column whose name says it holds an instant (`created_at`, `expires_at`, …). */
export const isInstantColumn = (name: string) => name.endsWith('_at');

/** Checks one row against a table's columns; returns the row with every column present. */
export function checkRow(shape: TableShape, row: Row, where: string, skip: ReadonlySet<string>): Row {
  const known = new Map(shape.columns.map((c) => [c.name, c]));
  for (const key of Object.keys(row)) {
    if (!known.has(key) && !skip.has(key)) {
      throw new ValidationError(`${where}.${key}`, `${where}: "${key}" is not a column of ${shape.name}`);
    }
  }
  const out: Row = {};
  for (const col of shape.columns) {
    if (skip.has(col.name)) continue;
    const value = row[col.name];
    const at = `${where}.${col.name}`;
    if (value === undefined || value === null) {
      if (!col.nullable && !col.hasDefault) {
        throw new ValidationError(at, `${where}: ${col.name} is required`, 'required');
      }
      if (value === null || col.nullable) out[col.name] = null;
      continue;
    }
    if (col.type === 'text' && typeof value !== 'string') {
      throw new ValidationError(at, `${where}: ${col.name} must be text`);
    }
    if (col.type !== 'text' && typeof value !== 'number') {
      throw new ValidationError(at, `${where}: ${col.name} must be a number`);
    }
    if (col.type === 'integer' && !Number.isInteger(value)) {
      throw new ValidationError(at, `${where}: ${col.name} must be a whole number`);
    }
    if (typeof value === 'string' && isDateColumn(col.name) && !isLocalDate(value)) {
      throw new ValidationError(at, `${where}: ${col.name} "${value}" is not a real date (YYYY-MM-DD)`);
    }
    if (typeof value === 'string' && isInstantColumn(col.name) && !isInstant(value)) {
      throw new ValidationError(at, `${where}: ${col.name} "${value}" is not an ISO-8601 timestamp`);
    }
    out[col.name] = value;
  }
  return out;
}

/** Validates the document's frame (format, version, shape); rows are checked per table on import. */
export function parseExportDocument(input: unknown): ExportDocument {
  const result = exportDocumentSchema.safeParse(input);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const path = issue?.path.map(String).join('.') || 'file';
  throw new ValidationError(path, `This is not a Gutbrain export: ${path} ${issue?.message ?? 'is invalid'}`);
}
