/**
 * Microbiome samples (computed analyses, one per person and collection date), uploaded QIIME 2
 * taxonomies and module definition files. Every function takes the acting person's id and reads or
 * writes only that person's rows.
 */
import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { ModuleDefinition, ModuleResult, SampleAnalysis } from '../core/microbiome/index.ts';
import type { Database } from './schema.ts';

export interface StoredSample {
  id: string;
  date: string;
  label: string;
  format: string | null;
  rank: string | null;
  analysis: SampleAnalysis | null;
  moduleFormat: string | null;
  modules: ModuleResult[] | null;
  createdAt: string;
  updatedAt: string;
}

type Row = Database['microbiome_sample'];

function fromRow(r: Row): StoredSample {
  return {
    id: r.id,
    date: r.date,
    label: r.label,
    format: r.format,
    rank: r.rank,
    analysis: r.analysis ? (JSON.parse(r.analysis) as SampleAnalysis) : null,
    moduleFormat: r.module_format,
    modules: r.modules ? (JSON.parse(r.modules) as ModuleResult[]) : null,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

export type SamplePart =
  | { kind: 'taxa'; label: string; format: string; rank: string; analysis: SampleAnalysis }
  | { kind: 'modules'; label: string; format: string; modules: ModuleResult[] };

/**
 * Saves a profile or module results for a date: fills the existing sample of that date, or creates
 * it. Returns the sample's id. One transaction, so a concurrent upload can't leave half a sample.
 */
export async function saveSamplePart(
  db: Kysely<Database>,
  personId: string,
  date: string,
  part: SamplePart,
  now = new Date(),
): Promise<string> {
  const at = now.toISOString();
  const values =
    part.kind === 'taxa'
      ? { format: part.format, rank: part.rank, analysis: JSON.stringify(part.analysis) }
      : { module_format: part.format, modules: JSON.stringify(part.modules) };
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom('microbiome_sample')
      .select('id')
      .where('person_id', '=', personId)
      .where('date', '=', date)
      .executeTakeFirst();
    if (existing) {
      await trx
        .updateTable('microbiome_sample')
        .set({ ...values, ...(part.kind === 'taxa' ? { label: part.label } : {}), updated_at: at })
        .where('id', '=', existing.id)
        .where('person_id', '=', personId)
        .execute();
      return existing.id;
    }
    const id = randomUUID();
    await trx
      .insertInto('microbiome_sample')
      .values({
        id,
        person_id: personId,
        date,
        label: part.label,
        format: null,
        rank: null,
        analysis: null,
        module_format: null,
        modules: null,
        ...values,
        created_at: at,
        updated_at: at,
      })
      .execute();
    return id;
  });
}

/** The person's samples, newest collection date first. */
export async function listSamples(db: Kysely<Database>, personId: string): Promise<StoredSample[]> {
  const rows = await db
    .selectFrom('microbiome_sample')
    .selectAll()
    .where('person_id', '=', personId)
    .orderBy('date', 'desc')
    .execute();
  return rows.map(fromRow);
}

export async function getSample(
  db: Kysely<Database>,
  personId: string,
  id: string,
): Promise<StoredSample | null> {
  const row = await db
    .selectFrom('microbiome_sample')
    .selectAll()
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}

/** The closest earlier sample that has a taxonomic profile, for "change since last time". */
export async function previousProfiledSample(
  db: Kysely<Database>,
  personId: string,
  date: string,
): Promise<StoredSample | null> {
  const row = await db
    .selectFrom('microbiome_sample')
    .selectAll()
    .where('person_id', '=', personId)
    .where('date', '<', date)
    .where('analysis', 'is not', null)
    .orderBy('date', 'desc')
    .limit(1)
    .executeTakeFirst();
  return row ? fromRow(row) : null;
}

export async function deleteSample(db: Kysely<Database>, personId: string, id: string): Promise<boolean> {
  const res = await db
    .deleteFrom('microbiome_sample')
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}

export async function saveTaxonomy(
  db: Kysely<Database>,
  personId: string,
  entries: Map<string, string>,
  now = new Date(),
): Promise<string> {
  const id = randomUUID();
  await db
    .insertInto('microbiome_taxonomy')
    .values({
      id,
      person_id: personId,
      entries: JSON.stringify(Object.fromEntries(entries)),
      feature_count: entries.size,
      created_at: now.toISOString(),
    })
    .execute();
  return id;
}

export async function getTaxonomy(
  db: Kysely<Database>,
  personId: string,
  id: string,
): Promise<Map<string, string> | null> {
  const row = await db
    .selectFrom('microbiome_taxonomy')
    .select('entries')
    .where('person_id', '=', personId)
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? new Map(Object.entries(JSON.parse(row.entries) as Record<string, string>)) : null;
}

export async function saveModuleDefinitions(
  db: Kysely<Database>,
  personId: string,
  modules: ModuleDefinition[],
  now = new Date(),
): Promise<void> {
  const row = {
    definitions: JSON.stringify(modules),
    module_count: modules.length,
    updated_at: now.toISOString(),
  };
  await db.transaction().execute(async (trx) => {
    await trx.deleteFrom('microbiome_module_file').where('person_id', '=', personId).execute();
    await trx
      .insertInto('microbiome_module_file')
      .values({ person_id: personId, ...row })
      .execute();
  });
}

export async function getModuleDefinitions(
  db: Kysely<Database>,
  personId: string,
): Promise<{ modules: ModuleDefinition[]; updatedAt: string } | null> {
  const row = await db
    .selectFrom('microbiome_module_file')
    .select(['definitions', 'updated_at'])
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row
    ? { modules: JSON.parse(row.definitions) as ModuleDefinition[], updatedAt: row.updated_at }
    : null;
}

export async function deleteModuleDefinitions(db: Kysely<Database>, personId: string): Promise<boolean> {
  const res = await db
    .deleteFrom('microbiome_module_file')
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return Number(res.numDeletedRows) > 0;
}
