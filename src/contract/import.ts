/**
 * Own your data, in: a Gutbrain export or a Daylio, Bearable or Loop CSV, previewed (rows, dates,
 * what maps to what, moods, what is skipped and why) and then committed all-or-nothing. Importing
 * the same file again adds nothing.
 */
import { z } from 'zod';
import { endpoint } from './endpoint.ts';

/** Uploads are JSON bodies carrying the file text; exports and tracker files run to megabytes. */
export const IMPORT_BODY_LIMIT = 25 * 1024 * 1024;

const customKind = z.enum(['yesno', 'number', 'scale']);
const scale = z.strictObject({ min: z.number(), max: z.number() });
const dateRange = z.strictObject({ from: z.string(), to: z.string() });

/** Where an item of the file goes (core/import/tabular.ts `Target`). */
const target = z.discriminatedUnion('to', [
  z.strictObject({ to: z.literal('measure'), key: z.string().min(1).max(100) }),
  z.strictObject({
    to: z.literal('custom'),
    name: z.string().trim().min(1).max(60),
    kind: customKind,
    unit: z.string().trim().min(1).max(20).optional(),
  }),
  z.strictObject({ to: z.literal('skip') }),
]);

export const importSource = z.enum(['gutbrain', 'daylio', 'bearable', 'loop']);

const importBody = z.strictObject({
  source: importSource,
  files: z
    .array(z.strictObject({ name: z.string().min(1).max(300), content: z.string().max(IMPORT_BODY_LIMIT) }))
    .min(1)
    .max(200),
  moods: z.record(z.string(), z.number()).optional(),
  targets: z.record(z.string(), target).optional(),
  scales: z.record(z.string(), scale).optional(),
});

/** One table of a Gutbrain import (store/ownership.ts `TableImport`). */
const tableImport = z.strictObject({
  table: z.string(),
  rows: z.number(),
  added: z.number(),
  present: z.number(),
  /** Rows kept as the person has them, each in words. */
  conflicts: z.array(z.string()),
  skipped: z.string().optional(),
  dateRange: dateRange.optional(),
});

/** What a tracker file would become (core/import/plan.ts `ImportPlan`, without the values). */
const plan = z.strictObject({
  app: z.enum(['daylio', 'bearable', 'loop']),
  rows: z.number(),
  dateRange: dateRange.nullable(),
  days: z.number(),
  mappings: z.array(
    z.strictObject({
      ref: z.string(),
      label: z.string(),
      kind: z.enum(['yesno', 'rating', 'number', 'text']),
      target,
      values: z.number(),
      scale: scale.optional(),
    }),
  ),
  moods: z
    .array(z.strictObject({ label: z.string(), value: z.number().nullable(), entries: z.number() }))
    .optional(),
  skipped: z.array(z.strictObject({ line: z.number(), reason: z.string() })),
  /** Reasons the import cannot go ahead; commit refuses while any remain. */
  problems: z.array(z.strictObject({ line: z.number(), message: z.string() })),
  customMeasures: z.array(
    z.strictObject({ name: z.string(), kind: customKind, unit: z.string().optional() }),
  ),
  observationCount: z.number(),
});

/** When this exact file was imported before (an ISO time), or null. */
const previousImport = z.string().nullable();

export const importOutcome = z.union([
  z.strictObject({
    source: z.literal('gutbrain'),
    previousImport,
    rows: z.number(),
    tables: z.array(tableImport),
  }),
  z.strictObject({
    source: z.enum(['daylio', 'bearable', 'loop']),
    previousImport,
    plan,
    /** Null when a preview found problems to fix first. */
    result: z.strictObject({ observations: tableImport, customMeasuresCreated: z.number() }).nullable(),
  }),
]);

export const postImportPreview = endpoint({
  method: 'POST',
  path: '/api/import/preview',
  summary: 'Reads a file and shows what importing it would add; nothing is stored.',
  body: importBody,
  bodyLimit: IMPORT_BODY_LIMIT,
  output: importOutcome,
});

export const postImportCommit = endpoint({
  method: 'POST',
  path: '/api/import/commit',
  summary: 'Imports a file all-or-nothing, with the choices made on its preview.',
  body: importBody,
  bodyLimit: IMPORT_BODY_LIMIT,
  output: importOutcome,
});

export const getImports = endpoint({
  method: 'GET',
  path: '/api/imports',
  summary: "The person's past imports, newest first.",
  output: z.strictObject({
    imports: z.array(
      z.strictObject({
        id: z.string(),
        source: z.string(),
        fileName: z.string().nullable(),
        rowsAdded: z.number(),
        importedAt: z.string(),
      }),
    ),
  }),
});
