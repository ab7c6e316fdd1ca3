/**
 * Microbiome reports: upload a profile or KO table (the body is the file itself, streamed through
 * the parser, never stored), list samples, read one with its change since the previous sample and
 * the graph's evidence on mood-associated taxa; upload a QIIME 2 taxonomy.tsv and module definitions.
 */
import type { Readable } from 'node:stream';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { localDate } from '../../core/date-schemas.ts';
import { localDateAt } from '../../core/dates.ts';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import { moodTaxaEvidence } from '../../core/microbiome/evidence.ts';
import {
  analyseSample,
  compareSamples,
  FORMAT_LABELS,
  type ModuleDefinition,
  PROFILE_FORMATS,
  parseModuleFile,
  parseTaxonomyTsv,
  RANKS,
  tableFromBiom1,
} from '../../core/microbiome/index.ts';
import {
  deleteModuleDefinitions,
  deleteSample,
  getModuleDefinitions,
  getSample,
  getTaxonomy,
  listSamples,
  previousProfiledSample,
  type StoredSample,
  saveModuleDefinitions,
  saveSamplePart,
  saveTaxonomy,
} from '../../store/microbiome.ts';
import { getPerson } from '../../store/people.ts';
import { databaseUploadLease } from '../../store/upload-lease.ts';
import type { AppContext } from '../context.ts';
import { UploadGate } from '../microbiome/upload-gate.ts';
import { checkStoredSize, pickSample, type UploadResult } from '../microbiome/upload-job.ts';
import { requirePerson } from '../plugins/auth.ts';
import { HttpError, parseInput } from '../plugins/errors.ts';

const MB = 1024 * 1024;
const MAX_SIDE_FILE_BYTES = 20 * MB;

const uploadQuery = z.strictObject({
  date: localDate,
  rank: z.enum(RANKS).optional(),
  sample: z.string().min(1).max(200).optional(),
  taxonomy: z.uuid().optional(),
  format: z.enum(PROFILE_FORMATS).optional(),
});
const idParams = z.strictObject({ id: z.uuid() });

/** The request body as a byte stream (our catch-all parser hands it over untouched). */
function bodyStream(req: FastifyRequest): AsyncIterable<Uint8Array> | null {
  const b = req.body as unknown;
  return b && typeof b === 'object' && Symbol.asyncIterator in (b as object) ? (b as Readable) : null;
}

async function readSmallBody(req: FastifyRequest, limit: number): Promise<string> {
  const stream = bodyStream(req);
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

function summary(s: StoredSample) {
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

export function registerMicrobiomeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const { db } = ctx.store;
  const uploads = new UploadGate(ctx.uploads, databaseUploadLease(ctx.store.db, 'upload'));

  async function sampleView(personId: string, s: StoredSample) {
    const previous = await previousProfiledSample(db, personId, s.date);
    const comparable = previous?.analysis && s.analysis && previous.rank === s.rank;
    return {
      sample: { ...summary(s), analysis: s.analysis, moduleFormat: s.moduleFormat, modules: s.modules },
      previous: previous ? { id: previous.id, date: previous.date } : null,
      change: comparable ? compareSamples(previous.analysis!, s.analysis!) : null,
      evidence: moodTaxaEvidence(ctx.knowledge),
    };
  }

  void app.register(async (scope) => {
    // Files arrive as raw bodies (any type but JSON); the stream goes straight to the parser.
    scope.addContentTypeParser('*', (_req, payload, done) => done(null, payload));

    scope.post('/api/microbiome/samples', async (req, reply) => {
      const personId = requirePerson(req);
      const q = parseInput(uploadQuery, req.query, 'query');
      const person = await getPerson(db, personId);
      if (q.date > localDateAt(ctx.now(), person.time_zone)) {
        throw new ValidationError('date', 'date is in the future: give the day the sample was collected');
      }
      const taxonomy = q.taxonomy ? await getTaxonomy(db, personId, q.taxonomy) : undefined;
      if (taxonomy === null) throw new NotFoundError('taxonomy');
      const rank = q.rank ?? 'genus';
      let part: UploadResult;
      const stream = bodyStream(req);
      if (stream) {
        part = await uploads.read(personId, stream, {
          rank,
          format: q.format,
          taxonomy: taxonomy ? [...taxonomy] : undefined,
          sample: q.sample,
          modules: (await getModuleDefinitions(db, personId))?.modules ?? null,
        });
      } else if (req.body && typeof req.body === 'object') {
        // A small BIOM 1.0 file sent as application/json arrives already parsed (within the 1 MB body limit).
        const table = tableFromBiom1(req.body, rank);
        const analysis = analyseSample(table, pickSample(table.sampleIds, q.sample));
        checkStoredSize(analysis);
        part = { kind: 'taxa', label: analysis.sampleId, format: table.format, rank: table.rank, analysis };
      } else throw new ValidationError('body', 'send the report file as the request body');

      const id = await saveSamplePart(db, personId, q.date, part, ctx.now());
      const saved = await getSample(db, personId, id);
      return reply.code(201).send(await sampleView(personId, saved!));
    });

    scope.post('/api/microbiome/taxonomies', async (req, reply) => {
      const personId = requirePerson(req);
      const entries = parseTaxonomyTsv(await readSmallBody(req, MAX_SIDE_FILE_BYTES));
      const id = await saveTaxonomy(db, personId, entries, ctx.now());
      return reply.code(201).send({ id, features: entries.size });
    });

    scope.put('/api/microbiome/module-definitions', async (req) => {
      const personId = requirePerson(req);
      const modules = parseModuleFile(await readSmallBody(req, MAX_SIDE_FILE_BYTES));
      await saveModuleDefinitions(db, personId, modules, ctx.now());
      return moduleSummary(modules, ctx.now().toISOString());
    });
  });

  app.get('/api/microbiome/module-definitions', async (req) => {
    const personId = requirePerson(req);
    const found = await getModuleDefinitions(db, personId);
    if (!found) throw new NotFoundError('module definitions');
    return moduleSummary(found.modules, found.updatedAt);
  });

  app.delete('/api/microbiome/module-definitions', async (req, reply) => {
    const personId = requirePerson(req);
    if (!(await deleteModuleDefinitions(db, personId))) throw new NotFoundError('module definitions');
    return reply.code(204).send();
  });

  app.get('/api/microbiome/samples', async (req) => {
    const personId = requirePerson(req);
    return { samples: (await listSamples(db, personId)).map(summary) };
  });

  app.get('/api/microbiome/samples/:id', async (req) => {
    const personId = requirePerson(req);
    const { id } = parseInput(idParams, req.params, 'params');
    const s = await getSample(db, personId, id);
    if (!s) throw new NotFoundError('sample');
    return sampleView(personId, s);
  });

  app.delete('/api/microbiome/samples/:id', async (req, reply) => {
    const personId = requirePerson(req);
    const { id } = parseInput(idParams, req.params, 'params');
    if (!(await deleteSample(db, personId, id))) throw new NotFoundError('sample');
    return reply.code(204).send();
  });
}

function moduleSummary(modules: ModuleDefinition[], updatedAt: string) {
  return {
    updatedAt,
    modules: modules.map((m) => ({ id: m.id, name: m.name, steps: m.steps.length })),
  };
}
