/**
 * Own your data, out: how many rows of each kind, and downloads — everything as one versioned JSON
 * document, one kind as CSV, or a FHIR R4 Bundle for a clinician's system.
 */
import { z } from 'zod';
import { endpoint } from './endpoint.ts';

export const getExportKinds = endpoint({
  method: 'GET',
  path: '/api/export/kinds',
  summary: 'How many rows of each kind of data (table) the person has, in export order.',
  output: z.strictObject({ kinds: z.array(z.strictObject({ kind: z.string(), rows: z.number() })) }),
});

export const getExportJson = endpoint({
  method: 'GET',
  path: '/api/export/json',
  summary: 'Everything the person owns as one versioned document (what a Gutbrain import reads).',
  output: { raw: 'application/json', description: 'The export document, as a file to keep.' },
});

export const getExportCsv = endpoint({
  method: 'GET',
  path: '/api/export/csv/:kind',
  summary: 'One kind of data (a table from /api/export/kinds) as CSV.',
  params: z.strictObject({
    kind: z
      .string()
      .regex(/^[a-z_][a-z0-9_]*$/)
      .max(63),
  }),
  output: { raw: 'text/csv', description: 'The rows as CSV, one header line first.' },
});

export const getExportFhir = endpoint({
  method: 'GET',
  path: '/api/export/fhir',
  summary: "Check-ins, measures and questionnaires as a FHIR R4 Bundle for a clinician's system.",
  output: { raw: 'application/fhir+json', description: 'A FHIR R4 Bundle (type collection).' },
});
