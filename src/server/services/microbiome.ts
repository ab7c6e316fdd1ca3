/**
 * Microbiome: uploads read in a worker through the upload gate (one per person, across server
 * processes), samples with their change since the previous one and the graph's evidence, and the
 * side files (QIIME 2 taxonomy, module definitions) kept for later uploads.
 */
import type { Readable } from 'node:stream';
import type { OutputOf, ParsedInput } from '../../contract/endpoint.ts';
import type { getModuleDefinitions, getSample, getSamples, postSample } from '../../contract/microbiome.ts';
import { notInFuture } from '../../core/dates.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import { moodTaxaEvidence } from '../../core/microbiome/evidence.ts';
import {
  analyseSample,
  compareSamples,
  FORMAT_LABELS,
  type ModuleDefinition,
  parseModuleFile,
  parseTaxonomyTsv,
  tableFromBiom1,
} from '../../core/microbiome/index.ts';
import * as store from '../../store/microbiome.ts';
import { databaseUploadLease } from '../../store/upload-lease.ts';
import { UploadGate } from '../microbiome/upload-gate.ts';
import { checkStoredSize, pickSample, type UploadResult } from '../microbiome/upload-job.ts';
import { HttpError } from '../plugins/errors.ts';
import { type Actor, type AppContext, personToday } from './context.ts';

const MB = 1024 * 1024;
const MAX_SIDE_FILE_BYTES = 20 * MB;

type SampleView = OutputOf<typeof getSample>;

/** One gate per app: its queue and worker are this process's; the lease is shared through the database. */
const gates = new WeakMap<AppContext, UploadGate>();
function uploadGate(ctx: AppContext): UploadGate {
  let gate = gates.get(ctx);
  if (!gate) {
    gate = new UploadGate(ctx.uploads, databaseUploadLease(ctx.store.db, 'upload'));
    gates.set(ctx, gate);
  }
  return gate;
}

/** The request body as a byte stream (the upload scope's parser hands it over untouched). */
function bodyStream(body: unknown): AsyncIterable<Uint8Array> | null {
  return body && typeof body === 'object' && Symbol.asyncIterator in body ? (body as Readable) : null;
}

async function readSmallBody(body: unknown, limit: number): Promise<string> {
  const stream = bodyStream(body);
  if (!stream) throw new ValidationError('body', 'send the file itself as the request body');
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const c of stream) {
    size += c.length;
    if (size > limit)
      throw new HttpError(413, 'too_large', `The file is larger than ${limit / MB} MB.`, 'body');
    chunks.push(Buffer.from(c));
  }
  return Buffer.concat(chunks).toString('utf8');
}

function summary(s: store.StoredSample) {
  const top = s.analysis?.taxa[0];
  return {
    id: s.id,
    date: s.date,
    label: s.label,
    format: s.format,
    formatLabel: s.format ? FORMAT_LABELS[s.format as keyof typeof FORMAT_LABELS] : null,
    rank: s.rank,
    hasProfile: s.analysis !== null,
    hasModules: s.modules !== null,
    shannonNats: s.analysis?.diversity?.shannonNats ?? null,
    observed: s.analysis?.diversity?.observed ?? null,
    topTaxon: top ? { name: top.name, share: top.share } : null,
  };
}

async function viewOf(ctx: AppContext, actor: Actor, s: store.StoredSample): Promise<SampleView> {
  const previous = await store.previousProfiledSample(ctx.store.db, actor.personId, s.date);
  const comparable = previous?.analysis && s.analysis && previous.rank === s.rank;
  return {
    sample: { ...summary(s), analysis: s.analysis, moduleFormat: s.moduleFormat, modules: s.modules },
    previous: previous ? { id: previous.id, date: previous.date } : null,
    change: comparable ? compareSamples(previous.analysis!, s.analysis!) : null,
    evidence: moodTaxaEvidence(ctx.knowledge),
  };
}

/**
 * Reads an uploaded report and saves it for its collection date. `body` is the request body: a
 * stream (any file), or a small BIOM 1.0 file already parsed from JSON (within the 1 MB limit).
 */
export async function uploadSample(
  ctx: AppContext,
  actor: Actor,
  query: ParsedInput<typeof postSample>['query'],
  body: unknown,
): Promise<SampleView> {
  const { db } = ctx.store;
  const { personId } = actor;
  const { today } = await personToday(ctx, personId);
  notInFuture('date', query.date, today, 'give the day the sample was collected');
  const taxonomy = query.taxonomy ? await store.getTaxonomy(db, personId, query.taxonomy) : undefined;
  if (taxonomy === null) throw new NotFoundError('taxonomy');
  const rank = query.rank ?? 'genus';
  let part: UploadResult;
  const stream = bodyStream(body);
  if (stream) {
    part = await uploadGate(ctx).read(personId, stream, {
      rank,
      format: query.format,
      taxonomy: taxonomy ? [...taxonomy] : undefined,
      sample: query.sample,
      modules: (await store.getModuleDefinitions(db, personId))?.modules ?? null,
    });
  } else if (body && typeof body === 'object') {
    const table = tableFromBiom1(body, rank);
    const analysis = analyseSample(table, pickSample(table.sampleIds, query.sample));
    checkStoredSize(analysis);
    part = { kind: 'taxa', label: analysis.sampleId, format: table.format, rank: table.rank, analysis };
  } else throw new ValidationError('body', 'send the report file as the request body');

  const id = await store.saveSamplePart(db, personId, query.date, part, ctx.now());
  const saved = await store.getSample(db, personId, id);
  return viewOf(ctx, actor, saved!);
}

export async function uploadTaxonomy(ctx: AppContext, actor: Actor, body: unknown) {
  const entries = parseTaxonomyTsv(await readSmallBody(body, MAX_SIDE_FILE_BYTES));
  const id = await store.saveTaxonomy(ctx.store.db, actor.personId, entries, ctx.now());
  return { id, features: entries.size };
}

type ModuleSummary = OutputOf<typeof getModuleDefinitions>;

function moduleSummary(modules: ModuleDefinition[], updatedAt: string): ModuleSummary {
  return { updatedAt, modules: modules.map((m) => ({ id: m.id, name: m.name, steps: m.steps.length })) };
}

export async function replaceModuleDefinitions(
  ctx: AppContext,
  actor: Actor,
  body: unknown,
): Promise<ModuleSummary> {
  const modules = parseModuleFile(await readSmallBody(body, MAX_SIDE_FILE_BYTES));
  await store.saveModuleDefinitions(ctx.store.db, actor.personId, modules, ctx.now());
  return moduleSummary(modules, ctx.now().toISOString());
}

export async function moduleDefinitions(ctx: AppContext, actor: Actor): Promise<ModuleSummary> {
  const found = await store.getModuleDefinitions(ctx.store.db, actor.personId);
  if (!found) throw new NotFoundError('module definitions');
  return moduleSummary(found.modules, found.updatedAt);
}

export async function removeModuleDefinitions(ctx: AppContext, actor: Actor): Promise<void> {
  if (!(await store.deleteModuleDefinitions(ctx.store.db, actor.personId)))
    throw new NotFoundError('module definitions');
}

export async function samples(ctx: AppContext, actor: Actor): Promise<OutputOf<typeof getSamples>> {
  return { samples: (await store.listSamples(ctx.store.db, actor.personId)).map(summary) };
}

export async function sample(ctx: AppContext, actor: Actor, sampleId: string): Promise<SampleView> {
  const s = await store.getSample(ctx.store.db, actor.personId, sampleId);
  if (!s) throw new NotFoundError('sample');
  return viewOf(ctx, actor, s);
}

export async function removeSample(ctx: AppContext, actor: Actor, sampleId: string): Promise<void> {
  if (!(await store.deleteSample(ctx.store.db, actor.personId, sampleId))) throw new NotFoundError('sample');
}
