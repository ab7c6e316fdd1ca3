/**
 * Microbiome reports: upload a profile or KO table (the body is the file itself, streamed to a
 * worker, never stored), list samples, read one with its change since the previous sample and the
 * graph's evidence on mood-associated taxa; a QIIME 2 taxonomy.tsv and module definitions.
 */
import { z } from 'zod';
import { PROFILE_FORMATS, RANKS } from '../core/microbiome/types.ts';
import { id, idParams, localDate, noContent } from './common.ts';
import { endpoint } from './endpoint.ts';

const num = z.number();
const reference = z.strictObject({ citation: z.string(), doi: z.string(), url: z.string() });

/** core/microbiome/analysis.ts `SampleAnalysis`, as stored. */
const analysis = z.strictObject({
  sampleId: z.string(),
  format: z.enum(PROFILE_FORMATS),
  rank: z.enum([...RANKS, 'feature']),
  valueKind: z.enum(['counts', 'relative']),
  unclassifiedShare: num,
  taxa: z.array(z.strictObject({ name: z.string(), lineage: z.array(z.string()), share: num })),
  diversity: z
    .strictObject({
      shannonNats: num,
      shannonBits: num,
      simpson: num,
      inverseSimpson: num,
      observed: num,
      pielou: num.nullable(),
      chao1: z.union([z.strictObject({ value: num }), z.strictObject({ refused: z.string() })]),
    })
    .nullable(),
  moodTaxa: z.array(
    z.strictObject({
      nodeId: z.string(),
      label: z.string(),
      present: z.boolean(),
      share: num,
      matched: z.array(z.string()),
    }),
  ),
  notes: z.array(z.string()),
});

/** core/microbiome/modules.ts `ModuleResult`. */
const moduleResult = z.strictObject({
  id: z.string(),
  name: z.string(),
  coverage: num,
  abundance: num,
  present: z.boolean(),
  path: z.array(z.string().nullable()),
});

/** One sample in the list. */
export const sampleSummary = z.strictObject({
  id: z.string(),
  date: z.string(),
  label: z.string(),
  format: z.string().nullable(),
  formatLabel: z.string().nullable(),
  rank: z.string().nullable(),
  hasProfile: z.boolean(),
  hasModules: z.boolean(),
  shannonNats: num.nullable(),
  observed: num.nullable(),
  topTaxon: z.strictObject({ name: z.string(), share: num }).nullable(),
});

/** core/microbiome/evidence.ts `TaxonEvidence`: what the knowledge graph says, graded and cited. */
const taxonEvidence = z.strictObject({
  nodeId: z.string(),
  name: z.string(),
  summary: z.string(),
  text: z.string(),
  findings: z.array(
    z.strictObject({
      statement: z.string(),
      grade: z.string(),
      gradeLabel: z.string(),
      note: z.string(),
      references: z.array(reference),
    }),
  ),
  claims: z.array(
    z.strictObject({
      statement: z.string(),
      verdict: z.string(),
      evidence: z.string(),
      gradeLabel: z.string(),
      references: z.array(reference),
    }),
  ),
});

/** One sample in full, its change since the previous profiled sample, and the evidence. */
export const sampleView = z.strictObject({
  sample: sampleSummary.extend({
    analysis: analysis.nullable(),
    moduleFormat: z.string().nullable(),
    modules: z.array(moduleResult).nullable(),
  }),
  previous: z.strictObject({ id: z.string(), date: z.string() }).nullable(),
  change: z
    .strictObject({
      brayCurtis: num,
      shannonNats: num.nullable(),
      observed: num,
      biggestShifts: z.array(z.strictObject({ name: z.string(), before: num, after: num })),
    })
    .nullable(),
  evidence: z.record(z.string(), taxonEvidence),
});

const moduleSummary = z.strictObject({
  updatedAt: z.string(),
  modules: z.array(z.strictObject({ id: z.string(), name: z.string(), steps: z.number() })),
});

export const postSample = endpoint({
  method: 'POST',
  path: '/api/microbiome/samples',
  summary:
    'Uploads a report (MetaPhlAn, BIOM 1.0/2.1, QIIME 2, a plain table or a HUMAnN KO table) for the day the sample was collected.',
  query: z.strictObject({
    date: localDate,
    rank: z.enum(RANKS).optional(),
    sample: z.string().min(1).max(200).optional(),
    taxonomy: id.optional(),
    format: z.enum(PROFILE_FORMATS).optional(),
  }),
  upload: {
    raw: '*/*',
    description: 'The report file itself as the body (a small BIOM 1.0 file may also come as JSON).',
  },
  output: sampleView,
  status: 201,
});

export const postTaxonomy = endpoint({
  method: 'POST',
  path: '/api/microbiome/taxonomies',
  summary: 'Uploads a QIIME 2 taxonomy.tsv to name the features of a later upload.',
  upload: { raw: 'text/tab-separated-values', description: 'The taxonomy.tsv file itself (up to 20 MB).' },
  output: z.strictObject({ id: z.string(), features: z.number() }),
  status: 201,
});

export const putModuleDefinitions = endpoint({
  method: 'PUT',
  path: '/api/microbiome/module-definitions',
  summary: 'Replaces the module definitions that KO tables are scored against.',
  upload: { raw: 'text/plain', description: 'The module definition file itself (up to 20 MB).' },
  output: moduleSummary,
});

export const getModuleDefinitions = endpoint({
  method: 'GET',
  path: '/api/microbiome/module-definitions',
  summary: 'The module definitions in use (404 when none was uploaded).',
  output: moduleSummary,
});

export const deleteModuleDefinitions = endpoint({
  method: 'DELETE',
  path: '/api/microbiome/module-definitions',
  summary: 'Removes the module definitions.',
  output: noContent,
  status: 204,
});

export const getSamples = endpoint({
  method: 'GET',
  path: '/api/microbiome/samples',
  summary: "The person's samples, newest collection date first.",
  output: z.strictObject({ samples: z.array(sampleSummary) }),
});

export const getSample = endpoint({
  method: 'GET',
  path: '/api/microbiome/samples/:id',
  summary: 'One sample with its analysis, the change since the previous sample and the evidence.',
  params: idParams,
  output: sampleView,
});

export const deleteSample = endpoint({
  method: 'DELETE',
  path: '/api/microbiome/samples/:id',
  summary: 'Removes one sample.',
  params: idParams,
  output: noContent,
  status: 204,
});
