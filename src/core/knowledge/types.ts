/**
 * The zod schemas of what a `knowledge/*.yaml` file may hold (topics, references, nodes, edges,
 * claims, articles) and the parsed graph's shape. The vocabulary they use (grades, relations, study
 * designs, node kinds) lives in vocabulary.ts and is re-exported here.
 *
 * @example
 * edgeSchema.parse({ from: 'tryptophan', relation: 'precursor_of', to: 'serotonin', grade: 'established', refs: ['jenkins_2016'] })
 */
import { z } from 'zod';
import {
  evidenceGradeSchema,
  nodeKindSchema,
  relationSchema,
  STUDY_DESIGNS,
  type StudyDesign,
} from './vocabulary.ts';

export * from './vocabulary.ts';

const id = z
  .string({ error: 'must be text' })
  .regex(/^[a-z][a-z0-9_]*$/, { error: 'must be snake_case (a-z, 0-9, _)' });
const text = z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' });
const time = z.string().regex(/^([01]\d|2[0-4]):[0-5]\d$/, { error: 'must be a time like 06:00' });

export const topicSchema = z.strictObject({ id, title: text, summary: text, order: z.number().int() });
export type Topic = z.infer<typeof topicSchema>;

export const referenceSchema = z.strictObject({
  id,
  doi: z
    .string({ error: 'must be text' })
    .regex(/^10\.\d{4,9}\/\S+$/, { error: 'must be a DOI like 10.1016/j.cell.2015.02.047' }),
  citation: text,
  year: z.number().int().min(1900).max(2100),
  /** What kind of study: the grade of an edge should not exceed what its studies can show. */
  design: z.enum(Object.keys(STUDY_DESIGNS) as [StudyDesign, ...StudyDesign[]], {
    error: `must be one of: ${Object.keys(STUDY_DESIGNS).join(', ')}`,
  }),
  /** Where the DOI and citation were checked, and when: "pubmed 2026-12-06". */
  checked: text.optional(),
});
export type Reference = z.infer<typeof referenceSchema>;

/** A time of day from the first article's walk through the day; the insights page charts energy against it. */
export const rhythmSchema = z.strictObject({
  order: z.number().int().min(1),
  from: time,
  to: time,
  /** The check-in measure that records energy in this part of the day, if any. */
  energyMeasure: z.enum(['energy_morning', 'energy_midday', 'energy_evening']).nullable(),
});

export const nodeSchema = z.strictObject({
  id,
  kind: nodeKindSchema,
  name: text,
  topic: id,
  aliases: z.array(text).default([]),
  /** One plain sentence. */
  summary: text,
  /** A few short paragraphs, plain language; what the evidence supports. */
  text,
  /** Only for `rhythm_phase` nodes. */
  rhythm: rhythmSchema.optional(),
});
export type KnowledgeNode = z.infer<typeof nodeSchema>;

export const edgeSchema = z.strictObject({
  from: id,
  relation: relationSchema,
  to: id,
  grade: evidenceGradeSchema,
  /** One or two plain sentences saying what the studies found, honestly. */
  note: text,
  refs: z.array(id, { error: 'must be a list of reference ids' }).min(1, {
    error: 'an edge needs at least one reference',
  }),
});
export type EdgeInput = z.infer<typeof edgeSchema>;
export interface KnowledgeEdge extends EdgeInput {
  /** `from--relation--to`: unique in the graph. */
  id: string;
}

/** A statement from one of the source articles, and what the evidence actually supports. */
export const claimSchema = z.strictObject({
  id,
  about: id,
  /** What the article says, paraphrased. */
  statement: text,
  verdict: z.enum(['supported', 'partly_supported', 'overstated', 'not_supported']),
  /** What the evidence supports, in plain words. */
  evidence: text,
  grade: evidenceGradeSchema,
  refs: z.array(id).min(1, { error: 'a claim needs at least one reference' }),
  /** The source article (an `articles` id) the statement comes from. */
  article: id,
  /** The edge (`from--relation--to`) that states what the evidence supports; its grade must match. */
  edge: z
    .string()
    .regex(/^[a-z][a-z0-9_]*--[a-z_]+--[a-z][a-z0-9_]*$/, {
      error: 'must be an edge id like from--relation--to',
    })
    .optional(),
});
export type Claim = z.infer<typeof claimSchema>;

/**
 * One entry of a source article's own reference list: either cited by the graph (as `reference`,
 * attached to the article `claims` it is offered for, with `miscited` saying where the article
 * gets the citation wrong) or deliberately `left_out`, with the reason.
 */
export const articleReferenceSchema = z.strictObject({
  doi: z.string().regex(/^10\.\d{4,9}\/\S+$/, { error: 'must be a DOI' }),
  /** How the article cites it, shortened. */
  as_cited: text,
  reference: id.optional(),
  claims: z.array(id).default([]),
  miscited: text.optional(),
  left_out: text.optional(),
});
export type ArticleReference = z.infer<typeof articleReferenceSchema>;

/** A source article the claims come from, and its own reference list. */
export const articleSchema = z.strictObject({
  id,
  title: text,
  /** Author or publisher, and date, as far as the article gives them. */
  source: text,
  references: z.array(articleReferenceSchema).default([]),
});
export type Article = z.infer<typeof articleSchema>;

export const CLAIM_VERDICTS = {
  supported: 'Supported',
  partly_supported: 'Partly supported',
  overstated: 'Overstated',
  not_supported: 'Not supported',
} as const;

export const knowledgeFileSchema = z.strictObject({
  topics: z.array(z.unknown()).optional(),
  references: z.array(z.unknown()).optional(),
  nodes: z.array(z.unknown()).optional(),
  edges: z.array(z.unknown()).optional(),
  claims: z.array(z.unknown()).optional(),
  articles: z.array(z.unknown()).optional(),
});

export interface KnowledgeGraph {
  topics: Topic[];
  nodes: KnowledgeNode[];
  edges: KnowledgeEdge[];
  references: Reference[];
  claims: Claim[];
  articles: Article[];
  nodeIndex: ReadonlyMap<string, KnowledgeNode>;
  referenceIndex: ReadonlyMap<string, Reference>;
  edgesFromIndex: ReadonlyMap<string, KnowledgeEdge[]>;
  edgesToIndex: ReadonlyMap<string, KnowledgeEdge[]>;
}

/** The DOI as a link: `doiUrl('10.1038/nri.2015.5')` → `https://doi.org/10.1038/nri.2015.5`. */
export function doiUrl(doi: string): string {
  return `https://doi.org/${doi}`;
}
