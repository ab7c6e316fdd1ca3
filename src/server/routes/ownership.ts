/**
 * Own your data: downloads (JSON, CSV per kind, FHIR R4 Bundle) and imports (Gutbrain JSON,
 * Daylio, Bearable, Loop) with a preview step, then an all-or-nothing commit.
 */
import { randomUUID } from 'node:crypto';
import type { FastifyInstance, FastifyReply } from 'fastify';
import { z } from 'zod';
import { localDateAt } from '../../core/dates.ts';
import { NotFoundError } from '../../core/errors.ts';
import { toCsv } from '../../core/export/csv.ts';
import { buildFhirBundle } from '../../core/export/fhir.ts';
import { type CustomKind, customMeasureToMeasure } from '../../core/habits/custom-measures.ts';
import type { ImportPlan } from '../../core/import/plan.ts';
import type { Target } from '../../core/import/tabular.ts';
import { measureByKey } from '../../core/tracking/measures.ts';
import { listCustomMeasures } from '../../store/custom-measures.ts';
import { importTrackerPlan, listImports, previousImport, recordImport } from '../../store/imports.ts';
import { countRows, exportPerson, exportTable, importTables } from '../../store/ownership.ts';
import { getPerson } from '../../store/people.ts';
import { databaseUploadLease } from '../../store/upload-lease.ts';
import type { AppContext } from '../context.ts';
import { readImport } from '../import/import-reader.ts';
import { UploadGate } from '../microbiome/upload-gate.ts';
import { requirePerson } from '../plugins/auth.ts';
import { parseInput } from '../plugins/errors.ts';

/** Uploads are JSON bodies carrying the file text; exports and tracker files run to megabytes. */
const IMPORT_BODY_LIMIT = 25 * 1024 * 1024;

const file = z.strictObject({
  name: z.string().min(1).max(300),
  content: z.string().max(IMPORT_BODY_LIMIT),
});
const target = z.discriminatedUnion('to', [
  z.strictObject({ to: z.literal('measure'), key: z.string().min(1).max(100) }),
  z.strictObject({
    to: z.literal('custom'),
    name: z.string().trim().min(1).max(60),
    kind: z.enum(['yesno', 'number', 'scale']),
    unit: z.string().trim().min(1).max(20).optional(),
  }),
  z.strictObject({ to: z.literal('skip') }),
]);
const importBody = z.strictObject({
  source: z.enum(['gutbrain', 'daylio', 'bearable', 'loop']),
  files: z.array(file).min(1).max(200),
  moods: z.record(z.string(), z.number()).optional(),
  targets: z.record(z.string(), target).optional(),
  scales: z.record(z.string(), z.strictObject({ min: z.number(), max: z.number() })).optional(),
});
type ImportBody = z.infer<typeof importBody>;
const kindParams = z.strictObject({
  kind: z
    .string()
    .regex(/^[a-z_][a-z0-9_]*$/)
    .max(63),
});

function attachment(reply: FastifyReply, name: string, type: string) {
  // Downloads are never cached by the browser or a proxy: they are health data.
  return reply
    .header('content-type', type)
    .header('content-disposition', `attachment; filename="${name}"`)
    .header('cache-control', 'no-store');
}

const planView = (plan: ImportPlan) => {
  const { observations, ...rest } = plan;
  return { ...rest, observationCount: observations.length };
};

export function registerOwnershipRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { store } = ctx;

  app.get('/api/export/kinds', async (req) => {
    const personId = requirePerson(req);
    return { kinds: await countRows(store, personId) };
  });

  app.get('/api/export/json', async (req, reply) => {
    const personId = requirePerson(req);
    const doc = await exportPerson(store, personId, ctx.now());
    return attachment(
      reply,
      `gutbrain-export-${doc.exportedAt.slice(0, 10)}.json`,
      'application/json; charset=utf-8',
    ).send(JSON.stringify(doc, null, 1));
  });

  app.get('/api/export/csv/:kind', async (req, reply) => {
    const personId = requirePerson(req);
    const { kind } = parseInput(kindParams, req.params, 'params');
    const found = await exportTable(store, personId, kind);
    if (!found) throw new NotFoundError('kind of data');
    const columns = found.table.columns.map((c) => c.name).filter((c) => c !== 'person_id');
    return attachment(reply, `gutbrain-${kind}.csv`, 'text/csv; charset=utf-8').send(
      toCsv(columns, found.rows),
    );
  });

  app.get('/api/export/fhir', async (req, reply) => {
    const personId = requirePerson(req);
    const person = await getPerson(store.db, personId);
    const doc = await exportPerson(store, personId, ctx.now());
    const observations = (doc.tables.observation ?? []).map((r) => ({
      id: String(r.id),
      date: String(r.date),
      measure: String(r.measure),
      value: r.value === null ? null : Number(r.value),
      text: r.text === null ? null : String(r.text),
    }));
    const screeners = (doc.tables.screener_response ?? []).map((r) => ({
      id: String(r.id),
      instrument: String(r.instrument),
      date: String(r.date),
      answers: JSON.parse(String(r.answers)) as Record<string, number | boolean>,
      raw: r.raw === null ? null : Number(r.raw),
      score: r.score === null ? null : Number(r.score),
      createdAt: String(r.created_at),
    }));
    // The person's own measures carry their own names (and kinds) into the Bundle.
    const custom = new Map(
      (doc.tables.custom_measure ?? []).map((r) => {
        const m = customMeasureToMeasure({
          id: String(r.id),
          name: String(r.name),
          kind: String(r.kind) as CustomKind,
          unit: r.unit === null || r.unit === undefined ? null : String(r.unit),
        });
        return [m.key, m] as const;
      }),
    );
    const bundle = buildFhirBundle({
      person: { id: person.id, displayName: person.display_name },
      observations,
      screeners,
      exportedAt: doc.exportedAt,
      measure: (key) => measureByKey(key) ?? custom.get(key),
      newId: randomUUID,
    });
    return attachment(
      reply,
      `gutbrain-fhir-${localDateAt(ctx.now(), person.time_zone)}.json`,
      'application/fhir+json; charset=utf-8',
    ).send(JSON.stringify(bundle));
  });

  // Import files are read in a worker, one per person at a time, like microbiome uploads.
  const imports = new UploadGate(ctx.uploads, databaseUploadLease(store.db, 'import'));

  const runImport = async (personId: string, body: ImportBody, dryRun: boolean) => {
    const [first] = body.files as [ImportBody['files'][number]];
    const previous = await previousImport(store.db, personId, first.content);
    // Targets may name any measure, the person's own included.
    const own = body.source === 'gutbrain' ? [] : await listCustomMeasures(store.db, personId);
    const reading = await imports.run(personId, () =>
      readImport(
        {
          source: body.source,
          files: body.files,
          moods: body.moods,
          targets: body.targets as Record<string, Target> | undefined,
          scales: body.scales,
          own: own.map((m) => ({ id: m.id, name: m.name, kind: m.kind, unit: m.unit })),
        },
        ctx.uploads,
      ),
    );
    if (reading.kind === 'gutbrain') {
      const run = async (db: typeof store.db) => {
        const tables = await importTables({ ...store, db }, personId, reading.tables, {
          dryRun,
          nested: !dryRun,
        });
        const added = tables.reduce((n, t) => n + t.added, 0);
        if (!dryRun) await recordImport(db, personId, 'gutbrain', first, added, ctx.now());
        return tables;
      };
      const tables = dryRun ? await run(store.db) : await store.db.transaction().execute((trx) => run(trx));
      const rows = tables.reduce((n, t) => n + t.rows, 0);
      return { source: body.source, previousImport: previous ?? null, rows, tables };
    }
    const { plan } = reading;
    if (dryRun && plan.problems.length > 0) {
      return { source: body.source, previousImport: previous ?? null, plan: planView(plan), result: null };
    }
    const result = await importTrackerPlan(store, personId, plan, { dryRun, now: ctx.now(), file: first });
    return { source: body.source, previousImport: previous ?? null, plan: planView(plan), result };
  };

  app.post('/api/import/preview', { bodyLimit: IMPORT_BODY_LIMIT }, async (req) => {
    const personId = requirePerson(req);
    const body = parseInput(importBody, req.body, 'body');
    return runImport(personId, body, true);
  });

  app.post('/api/import/commit', { bodyLimit: IMPORT_BODY_LIMIT }, async (req) => {
    const personId = requirePerson(req);
    const body = parseInput(importBody, req.body, 'body');
    return runImport(personId, body, false);
  });

  app.get('/api/imports', async (req) => {
    const personId = requirePerson(req);
    const rows = await listImports(store.db, personId);
    return {
      imports: rows.map((r) => ({
        id: r.id,
        source: r.source,
        fileName: r.file_name,
        rowsAdded: Number(r.rows_added),
        importedAt: r.imported_at,
      })),
    };
  });
}
