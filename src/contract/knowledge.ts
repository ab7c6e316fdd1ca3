/**
 * The knowledge graph, public: anyone may read it (core/knowledge holds the graph's schemas and views).
 * Search is a POST so that what someone searches for never lands in a URL or a log.
 */
import { z } from 'zod';
import {
  claimSchema,
  evidenceGradeSchema,
  nodeKindSchema,
  nodeSchema,
  referenceSchema,
  relationSchema,
  topicSchema,
} from '../core/knowledge/types.ts';
import { endpoint } from './endpoint.ts';

const nodeId = z.string().regex(/^[a-z][a-z0-9_]{0,99}$/, { error: 'must be a node id like butyrate' });
const edgeId = z.string().regex(/^[a-z][a-z0-9_]*--[a-z_]+--[a-z][a-z0-9_]*$/, {
  error: 'must be an edge id like fibre--feeds--bifidobacterium',
});
const nodeParams = z.strictObject({ id: nodeId });

export const referenceView = referenceSchema.extend({ url: z.string() });

export const nodeSummary = z.strictObject({
  id: z.string(),
  name: z.string(),
  kind: nodeKindSchema,
  kindLabel: z.string(),
  topic: z.string(),
  summary: z.string(),
});

export const edgeView = z.strictObject({
  id: z.string(),
  from: nodeSummary,
  to: nodeSummary,
  relation: relationSchema,
  /** How the edge reads from `from`: "produces". */
  label: z.string(),
  grade: evidenceGradeSchema,
  gradeLabel: z.string(),
  note: z.string(),
  references: z.array(referenceView),
});

export const claimView = claimSchema.omit({ refs: true }).extend({
  articleTitle: z.string().nullable(),
  verdictLabel: z.string(),
  gradeLabel: z.string(),
  references: z.array(referenceView),
});

export const nodePage = z.strictObject({
  node: nodeSchema.extend({ kindLabel: z.string() }),
  edges: z.array(
    edgeView.extend({
      /** 'out' when the page's node is `from`, 'in' when it is `to`. */
      direction: z.enum(['out', 'in']),
      /** The edge read from the page's node: "is produced by" for an incoming `produces`. */
      phrase: z.string(),
      other: nodeSummary,
    }),
  ),
  claims: z.array(claimView),
  references: z.array(referenceView),
});

export const getKnowledge = endpoint({
  method: 'GET',
  path: '/api/knowledge',
  summary: 'The vocabulary the Learn pages need: topics, evidence grades, node kinds, relations, verdicts.',
  access: 'public',
  output: z.strictObject({
    topics: z.array(topicSchema.extend({ nodeCount: z.number() })),
    grades: z.array(
      z.strictObject({ id: z.string(), label: z.string(), rank: z.number(), description: z.string() }),
    ),
    kinds: z.array(z.strictObject({ id: z.string(), label: z.string() })),
    relations: z.array(
      z.strictObject({ id: z.string(), label: z.string(), inverse: z.string(), plural: z.string() }),
    ),
    verdicts: z.array(z.strictObject({ id: z.string(), label: z.string() })),
    counts: z.strictObject({ nodes: z.number(), edges: z.number(), references: z.number() }),
  }),
});

export const getRhythm = endpoint({
  method: 'GET',
  path: '/api/knowledge/rhythm',
  summary: 'Morning, midday, evening, night: clock hours, the energy measure of each, and what happens then.',
  access: 'public',
  output: z.strictObject({
    phases: z.array(
      z.strictObject({
        id: z.string(),
        name: z.string(),
        summary: z.string(),
        from: z.string().optional(),
        to: z.string().optional(),
        energyMeasure: z.string().nullable(),
        events: z.array(edgeView),
      }),
    ),
  }),
});

export const listNodes = endpoint({
  method: 'GET',
  path: '/api/knowledge/nodes',
  summary: 'Nodes, optionally of one topic or kind.',
  access: 'public',
  query: z.strictObject({ topic: nodeId.optional(), kind: nodeKindSchema.optional() }),
  output: z.strictObject({ nodes: z.array(nodeSummary) }),
});

export const getNode = endpoint({
  method: 'GET',
  path: '/api/knowledge/nodes/:id',
  summary: "A node's Learn page: its edges, the claims about it and their references.",
  access: 'public',
  params: nodeParams,
  output: nodePage,
});

export const getNeighbourhood = endpoint({
  method: 'GET',
  path: '/api/knowledge/nodes/:id/neighbourhood',
  summary: 'The nodes and edges within one or two steps of a node (for the map).',
  access: 'public',
  params: nodeParams,
  query: z.strictObject({ depth: z.coerce.number().int().min(1).max(2).optional() }),
  output: z.strictObject({
    center: z.string(),
    nodes: z.array(nodeSummary),
    edges: z.array(
      z.strictObject({
        id: z.string(),
        from: z.string(),
        to: z.string(),
        relation: relationSchema,
        label: z.string(),
        grade: evidenceGradeSchema,
      }),
    ),
  }),
});

export const listEdges = endpoint({
  method: 'GET',
  path: '/api/knowledge/edges',
  summary: 'Edges, filtered by their ends, relation or evidence grade.',
  access: 'public',
  query: z.strictObject({
    from: nodeId.optional(),
    to: nodeId.optional(),
    relation: relationSchema.optional(),
    grade: evidenceGradeSchema.optional(),
  }),
  output: z.strictObject({ edges: z.array(edgeView) }),
});

export const getEdge = endpoint({
  method: 'GET',
  path: '/api/knowledge/edges/:id',
  summary: 'One edge with its references.',
  access: 'public',
  params: z.strictObject({ id: edgeId }),
  output: edgeView,
});

export const listClaims = endpoint({
  method: 'GET',
  path: '/api/knowledge/claims',
  summary:
    "The articles' claims, each with a verdict and what the evidence supports, and the node it is about.",
  access: 'public',
  output: z.strictObject({ claims: z.array(claimView.extend({ aboutNode: nodeSummary.nullable() })) }),
});

export const listReferences = endpoint({
  method: 'GET',
  path: '/api/knowledge/references',
  summary: 'Every reference the graph cites, with its DOI link.',
  access: 'public',
  output: z.strictObject({ references: z.array(referenceView) }),
});

export const getReference = endpoint({
  method: 'GET',
  path: '/api/knowledge/references/:id',
  summary: 'One reference and the edges that cite it.',
  access: 'public',
  params: nodeParams,
  output: z.strictObject({ reference: referenceView, edges: z.array(edgeView) }),
});

export const searchGraph = endpoint({
  method: 'POST',
  path: '/api/knowledge/search',
  summary: 'Searches node names, aliases and texts (a POST, so the search never lands in a URL or log).',
  access: 'public',
  body: z.strictObject({
    q: z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' }).max(200),
    limit: z.number().int().min(1).max(50).optional(),
  }),
  output: z.strictObject({ hits: z.array(z.strictObject({ node: nodeSummary, excerpt: z.string() })) }),
});
