/**
 * Export: everything a person owns, one kind as CSV, or a FHIR R4 Bundle. The files are built here;
 * the route table sends them as downloads.
 */
import { randomUUID } from 'node:crypto';
import { NotFoundError } from '../../core/errors.ts';
import { toCsv } from '../../core/export/csv.ts';
import { buildFhirBundle } from '../../core/export/fhir.ts';
import { type CustomKind, customMeasureToMeasure } from '../../core/habits/custom-measures.ts';
import { measureByKey } from '../../core/tracking/measures.ts';
import { countRows, exportPerson, exportTable } from '../../store/ownership.ts';
import { getPerson } from '../../store/people.ts';
import { type Actor, type AppContext, personToday } from './context.ts';

/** A file to download: its name and contents. */
export interface Download {
  fileName: string;
  body: string;
}

export async function exportKinds(ctx: AppContext, actor: Actor) {
  return { kinds: await countRows(ctx.store, actor.personId) };
}

export async function exportJson(ctx: AppContext, actor: Actor): Promise<Download> {
  const doc = await exportPerson(ctx.store, actor.personId, ctx.now());
  return {
    fileName: `gutbrain-export-${doc.exportedAt.slice(0, 10)}.json`,
    body: JSON.stringify(doc, null, 1),
  };
}

export async function exportCsv(ctx: AppContext, actor: Actor, kind: string): Promise<Download> {
  const found = await exportTable(ctx.store, actor.personId, kind);
  if (!found) throw new NotFoundError('kind of data');
  const columns = found.table.columns.map((c) => c.name).filter((c) => c !== 'person_id');
  return { fileName: `gutbrain-${kind}.csv`, body: toCsv(columns, found.rows) };
}

export async function exportFhir(ctx: AppContext, actor: Actor): Promise<Download> {
  const person = await getPerson(ctx.store.db, actor.personId);
  const { today } = await personToday(ctx, actor.personId);
  const doc = await exportPerson(ctx.store, actor.personId, ctx.now());
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
  return {
    fileName: `gutbrain-fhir-${today}.json`,
    body: JSON.stringify(bundle),
  };
}
