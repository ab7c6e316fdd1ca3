/**
 * The shapes the API sends and the Learn pages read: plain JSON views of nodes, edges and
 * references, with labels and DOI links filled in. Pure functions of the graph.
 *
 * @example
 * nodePage(graph, 'butyrate')?.edges[0] // → { other: { id: 'faecalibacterium', … }, direction: 'in', phrase: 'is produced by', … }
 */
import { claimsAbout, edgesFrom, edgesTo, nodeById, referencesFor, referencesForNode } from './queries.ts';
import {
  CLAIM_VERDICTS,
  type Claim,
  doiUrl,
  EVIDENCE_GRADES,
  type KnowledgeEdge,
  type KnowledgeGraph,
  type KnowledgeNode,
  NODE_KINDS,
  RELATIONS,
  type Reference,
} from './types.ts';

export interface ReferenceView extends Reference {
  url: string;
}

export interface NodeSummary {
  id: string;
  name: string;
  kind: KnowledgeNode['kind'];
  kindLabel: string;
  topic: string;
  summary: string;
}

export interface EdgeView {
  id: string;
  from: NodeSummary;
  to: NodeSummary;
  relation: KnowledgeEdge['relation'];
  /** How the edge reads from `from`: "produces". */
  label: string;
  grade: KnowledgeEdge['grade'];
  gradeLabel: string;
  note: string;
  references: ReferenceView[];
}

export interface NodeEdgeView extends EdgeView {
  /** 'out' when the page's node is `from`, 'in' when it is `to`. */
  direction: 'out' | 'in';
  /** The edge read from the page's node: "is produced by" for an incoming `produces`. */
  phrase: string;
  other: NodeSummary;
}

export interface ClaimView extends Omit<Claim, 'refs'> {
  /** The source article's title, so a page can say where the sentence comes from. */
  articleTitle: string | null;
  verdictLabel: string;
  gradeLabel: string;
  references: ReferenceView[];
}

export interface NodePage {
  node: KnowledgeNode & { kindLabel: string };
  edges: NodeEdgeView[];
  claims: ClaimView[];
  references: ReferenceView[];
}

export function referenceView(r: Reference): ReferenceView {
  return { ...r, url: doiUrl(r.doi) };
}

export function nodeSummary(n: KnowledgeNode): NodeSummary {
  return {
    id: n.id,
    name: n.name,
    kind: n.kind,
    kindLabel: NODE_KINDS[n.kind],
    topic: n.topic,
    summary: n.summary,
  };
}

export function edgeView(graph: KnowledgeGraph, e: KnowledgeEdge): EdgeView {
  const from = nodeById(graph, e.from);
  const to = nodeById(graph, e.to);
  if (!from || !to) throw new Error(`edge ${e.id} points outside the graph`);
  return {
    id: e.id,
    from: nodeSummary(from),
    to: nodeSummary(to),
    relation: e.relation,
    label: RELATIONS[e.relation].label,
    grade: e.grade,
    gradeLabel: EVIDENCE_GRADES[e.grade].label,
    note: e.note,
    references: referencesFor(graph, e).map(referenceView),
  };
}

export function claimView(graph: KnowledgeGraph, c: Claim): ClaimView {
  const { refs: _refs, ...rest } = c;
  return {
    ...rest,
    articleTitle: graph.articles.find((a) => a.id === c.article)?.title ?? null,
    verdictLabel: CLAIM_VERDICTS[c.verdict],
    gradeLabel: EVIDENCE_GRADES[c.grade].label,
    references: referencesFor(graph, c).map(referenceView),
  };
}

/**
 * Whether a claim card belongs on "Where the articles go too far": the evidence says it is not
 * supported, or the best there is for it is speculation.
 */
export function goesTooFar(c: Pick<Claim, 'verdict' | 'grade'>): boolean {
  return c.verdict === 'not_supported' || c.grade === 'speculative';
}

/** Everything a node's Learn page shows, or undefined for an unknown id. */
export function nodePage(graph: KnowledgeGraph, id: string): NodePage | undefined {
  const node = nodeById(graph, id);
  if (!node) return undefined;
  const out = edgesFrom(graph, id).map((e): NodeEdgeView => {
    const v = edgeView(graph, e);
    return { ...v, direction: 'out', phrase: RELATIONS[e.relation].label, other: v.to };
  });
  const incoming = edgesTo(graph, id).map((e): NodeEdgeView => {
    const v = edgeView(graph, e);
    return { ...v, direction: 'in', phrase: RELATIONS[e.relation].inverse, other: v.from };
  });
  return {
    node: { ...node, kindLabel: NODE_KINDS[node.kind] },
    edges: [...out, ...incoming].sort(
      (a, b) => EVIDENCE_GRADES[b.grade].rank - EVIDENCE_GRADES[a.grade].rank || a.id.localeCompare(b.id),
    ),
    claims: claimsAbout(graph, id).map((c) => claimView(graph, c)),
    references: referencesForNode(graph, id).map(referenceView),
  };
}
