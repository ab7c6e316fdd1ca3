/**
 * Import: a file is read and planned in a worker (one import per person, across server
 * processes), then written on this thread in one transaction — or, for a preview, only counted.
 */
import type { OutputOf, ParsedInput } from '../../contract/endpoint.ts';
import type { getImports, postImportPreview } from '../../contract/import.ts';
import type { ImportPlan } from '../../core/import/plan.ts';
import type { Target } from '../../core/import/tabular.ts';
import { listCustomMeasures } from '../../store/custom-measures.ts';
import { importTrackerPlan, listImports, previousImport, recordImport } from '../../store/imports.ts';
import { importTables } from '../../store/ownership.ts';
import { databaseUploadLease } from '../../store/upload-lease.ts';
import { readImport } from '../import/import-reader.ts';
import { UploadGate } from '../microbiome/upload-gate.ts';
import type { Actor, AppContext } from './context.ts';

type ImportBody = ParsedInput<typeof postImportPreview>['body'];
type ImportOutcome = OutputOf<typeof postImportPreview>;

/** One gate per app, like microbiome uploads; the lease ('import') is shared through the database. */
const gates = new WeakMap<AppContext, UploadGate>();
function importGate(ctx: AppContext): UploadGate {
  let gate = gates.get(ctx);
  if (!gate) {
    gate = new UploadGate(ctx.uploads, databaseUploadLease(ctx.store.db, 'import'));
    gates.set(ctx, gate);
  }
  return gate;
}

const planView = (plan: ImportPlan) => {
  const { observations, ...rest } = plan;
  return { ...rest, observationCount: observations.length };
};

/** Previews (`dryRun`) or commits an import of the files in `body`. */
export async function runImport(
  ctx: AppContext,
  actor: Actor,
  body: ImportBody,
  dryRun: boolean,
): Promise<ImportOutcome> {
  const { store } = ctx;
  const { personId } = actor;
  const [first] = body.files as [ImportBody['files'][number]];
  const previous = (await previousImport(store.db, personId, first.content)) ?? null;
  // Targets may name any measure, the person's own included.
  const own = body.source === 'gutbrain' ? [] : await listCustomMeasures(store.db, personId);
  const reading = await importGate(ctx).run(personId, () =>
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
    return { source: 'gutbrain', previousImport: previous, rows, tables };
  }
  const { plan } = reading;
  const source = plan.app;
  if (dryRun && plan.problems.length > 0) {
    return { source, previousImport: previous, plan: planView(plan), result: null };
  }
  const result = await importTrackerPlan(store, personId, plan, { dryRun, now: ctx.now(), file: first });
  return { source, previousImport: previous, plan: planView(plan), result };
}

export async function pastImports(ctx: AppContext, actor: Actor): Promise<OutputOf<typeof getImports>> {
  const rows = await listImports(ctx.store.db, actor.personId);
  return {
    imports: rows.map((r) => ({
      id: r.id,
      source: r.source,
      fileName: r.file_name,
      rowsAdded: Number(r.rows_added),
      importedAt: r.imported_at,
    })),
  };
}
