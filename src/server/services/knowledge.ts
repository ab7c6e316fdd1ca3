/** The knowledge graph (public): plain views of the app's graph, loaded and validated at start-up. */
import type { OutputOf, ParsedInput } from '../../contract/endpoint.ts';
import type {
  getKnowledge,
  getNeighbourhood,
  getReference,
  getRhythm,
  listClaims,
  listEdges,
  listNodes,
  searchGraph,
} from '../../contract/knowledge.ts';
import { NotFoundError } from '../../core/errors.ts';
import {
  CLAIM_VERDICTS,
  claimView,
  dailyRhythm,
  type EdgeView,
  EVIDENCE_GRADES,
  edgeById,
  edgeView,
  NODE_KINDS,
  type NodePage,
  neighbourhood,
  nodePage,
  nodeSummary,
  RELATIONS,
  referenceView,
  searchKnowledge,
} from '../../core/knowledge/index.ts';
import type { AppContext } from './context.ts';

/** The vocabulary the Learn pages need: topics, evidence grades, node kinds, relations. */
export function vocabulary(ctx: AppContext): OutputOf<typeof getKnowledge> {
  const graph = ctx.knowledge;
  return {
    topics: graph.topics.map((t) => ({
      ...t,
      nodeCount: graph.nodes.filter((n) => n.topic === t.id).length,
    })),
    grades: Object.entries(EVIDENCE_GRADES).map(([id, g]) => ({ id, ...g })),
    kinds: Object.entries(NODE_KINDS).map(([id, label]) => ({ id, label })),
    relations: Object.entries(RELATIONS).map(([id, r]) => ({ id, ...r })),
    verdicts: Object.entries(CLAIM_VERDICTS).map(([id, label]) => ({ id, label })),
    counts: { nodes: graph.nodes.length, edges: graph.edges.length, references: graph.references.length },
  };
}

/** Morning, midday, evening, night: clock hours, the energy measure of each, and what happens then. */
export function rhythm(ctx: AppContext): OutputOf<typeof getRhythm> {
  const graph = ctx.knowledge;
  return {
    phases: dailyRhythm(graph).map(({ phase, edges }) => ({
      id: phase.id,
      name: phase.name,
      summary: phase.summary,
      from: phase.rhythm?.from,
      to: phase.rhythm?.to,
      energyMeasure: phase.rhythm?.energyMeasure ?? null,
      events: edges.map((e) => edgeView(graph, e)),
    })),
  };
}

export function nodes(
  ctx: AppContext,
  q: ParsedInput<typeof listNodes>['query'],
): OutputOf<typeof listNodes> {
  const found = ctx.knowledge.nodes.filter(
    (n) => (!q.topic || n.topic === q.topic) && (!q.kind || n.kind === q.kind),
  );
  return { nodes: found.map(nodeSummary) };
}

export function node(ctx: AppContext, id: string): NodePage {
  const page = nodePage(ctx.knowledge, id);
  if (!page) throw new NotFoundError('node');
  return page;
}

export function nodeNeighbourhood(ctx: AppContext, id: string, depth = 1): OutputOf<typeof getNeighbourhood> {
  const graph = ctx.knowledge;
  if (!graph.nodeIndex.has(id)) throw new NotFoundError('node');
  const n = neighbourhood(graph, id, depth);
  return {
    center: id,
    nodes: n.nodes.map(nodeSummary),
    edges: n.edges.map((e) => ({
      id: e.id,
      from: e.from,
      to: e.to,
      relation: e.relation,
      label: RELATIONS[e.relation].label,
      grade: e.grade,
    })),
  };
}

export function edges(
  ctx: AppContext,
  q: ParsedInput<typeof listEdges>['query'],
): OutputOf<typeof listEdges> {
  const graph = ctx.knowledge;
  const found = graph.edges.filter(
    (e) =>
      (!q.from || e.from === q.from) &&
      (!q.to || e.to === q.to) &&
      (!q.relation || e.relation === q.relation) &&
      (!q.grade || e.grade === q.grade),
  );
  return { edges: found.map((e) => edgeView(graph, e)) };
}

export function edge(ctx: AppContext, id: string): EdgeView {
  const found = edgeById(ctx.knowledge, id);
  if (!found) throw new NotFoundError('edge');
  return edgeView(ctx.knowledge, found);
}

/** The articles' claims, each with a verdict and what the evidence supports, and the node it is about. */
export function claims(ctx: AppContext): OutputOf<typeof listClaims> {
  const graph = ctx.knowledge;
  return {
    claims: graph.claims.map((c) => {
      const about = graph.nodeIndex.get(c.about);
      return { ...claimView(graph, c), aboutNode: about ? nodeSummary(about) : null };
    }),
  };
}

export function references(ctx: AppContext) {
  return { references: ctx.knowledge.references.map(referenceView) };
}

export function reference(ctx: AppContext, id: string): OutputOf<typeof getReference> {
  const graph = ctx.knowledge;
  const ref = graph.referenceIndex.get(id);
  if (!ref) throw new NotFoundError('reference');
  const citedBy = graph.edges.filter((e) => e.refs.includes(id)).map((e) => edgeView(graph, e));
  return { reference: referenceView(ref), edges: citedBy };
}

export function search(ctx: AppContext, q: string, limit = 20): OutputOf<typeof searchGraph> {
  const hits = searchKnowledge(ctx.knowledge, q, limit);
  return { hits: hits.map((h) => ({ node: nodeSummary(h.node), excerpt: h.excerpt })) };
}
