/**
 * What the knowledge graph says about each mood-associated taxon: the node's own summary, its
 * edges with their evidence grade and references, and article claims checked against the evidence.
 * Every health sentence shown beside a sample comes from here, so it carries its citations.
 */
import {
  claimsAbout,
  doiUrl,
  EVIDENCE_GRADES,
  edgesOf,
  type KnowledgeGraph,
  nodeById,
  RELATIONS,
  referencesFor,
} from '../knowledge/index.ts';
import { MOOD_TAXA } from './signatures.ts';

export interface CitedReference {
  citation: string;
  doi: string;
  url: string;
}

export interface TaxonEvidence {
  nodeId: string;
  name: string;
  summary: string;
  text: string;
  /** One line per relation: "Faecalibacterium produces butyrate", graded and cited. */
  findings: Array<{
    statement: string;
    grade: string;
    gradeLabel: string;
    note: string;
    references: CitedReference[];
  }>;
  /** What popular articles claim, and what the evidence supports. */
  claims: Array<{
    statement: string;
    verdict: string;
    evidence: string;
    gradeLabel: string;
    references: CitedReference[];
  }>;
}

const cite = (graph: KnowledgeGraph, refs: readonly string[]): CitedReference[] =>
  referencesFor(graph, refs).map((r) => ({ citation: r.citation, doi: r.doi, url: doiUrl(r.doi) }));

/** Evidence for one graph node, or null when the graph does not (yet) hold it. */
export function evidenceFor(graph: KnowledgeGraph, nodeId: string): TaxonEvidence | null {
  const node = nodeById(graph, nodeId);
  if (!node) return null;
  const name = (id: string) => nodeById(graph, id)?.name ?? id;
  return {
    nodeId,
    name: node.name,
    summary: node.summary,
    text: node.text,
    findings: edgesOf(graph, nodeId).map((e) => ({
      statement:
        e.from === nodeId
          ? `${node.name} ${RELATIONS[e.relation].label} ${name(e.to)}`
          : `${node.name} ${RELATIONS[e.relation].inverse} ${name(e.from)}`,
      grade: e.grade,
      gradeLabel: EVIDENCE_GRADES[e.grade].label,
      note: e.note,
      references: cite(graph, e.refs),
    })),
    claims: claimsAbout(graph, nodeId).map((c) => ({
      statement: c.statement,
      verdict: c.verdict,
      evidence: c.evidence,
      gradeLabel: EVIDENCE_GRADES[c.grade].label,
      references: cite(graph, c.refs),
    })),
  };
}

/** Evidence for every mood-associated taxon the graph knows, keyed by node id. */
export function moodTaxaEvidence(graph: KnowledgeGraph): Record<string, TaxonEvidence> {
  const out: Record<string, TaxonEvidence> = {};
  for (const t of MOOD_TAXA) {
    const e = evidenceFor(graph, t.nodeId);
    if (e) out[t.nodeId] = e;
  }
  return out;
}
