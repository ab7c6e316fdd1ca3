/**
 * Read-only questions asked of a parsed knowledge graph. Other capabilities (recommendations,
 * self-checks, programs) use these to find the node or edge behind every sentence they show.
 *
 * @example
 * nodeById(graph, 'butyrate')?.name                  // → 'Butyrate'
 * edgesFrom(graph, 'prebiotic').map((e) => e.to)      // → ['bifidobacterium', …]
 * supportingEdgesFor(graph, 'gaba').map((e) => e.from) // → ['meditation', 'l_theanine', …]
 */
import {
  type Claim,
  EVIDENCE_GRADES,
  type KnowledgeEdge,
  type KnowledgeGraph,
  type KnowledgeNode,
  type NodeKind,
  type Reference,
  type Relation,
  SUPPORTING_RELATIONS,
} from './types.ts';

/** The node with this id, or undefined. `nodeById(g, 'serotonin')?.kind` → `'neurotransmitter'`. */
export function nodeById(graph: KnowledgeGraph, id: string): KnowledgeNode | undefined {
  return graph.nodeIndex.get(id);
}

/** Edges leaving the node (`from === id`), optionally of one relation. */
export function edgesFrom(graph: KnowledgeGraph, id: string, relation?: Relation): KnowledgeEdge[] {
  const all = graph.edgesFromIndex.get(id) ?? [];
  return relation ? all.filter((e) => e.relation === relation) : all;
}

/** Edges arriving at the node (`to === id`), optionally of one relation. */
export function edgesTo(graph: KnowledgeGraph, id: string, relation?: Relation): KnowledgeEdge[] {
  const all = graph.edgesToIndex.get(id) ?? [];
  return relation ? all.filter((e) => e.relation === relation) : all;
}

/** Every edge touching the node, either direction. */
export function edgesOf(graph: KnowledgeGraph, id: string): KnowledgeEdge[] {
  return [...edgesFrom(graph, id), ...edgesTo(graph, id)];
}

/** The edge `from--relation--to`, or undefined. */
export function edgeById(graph: KnowledgeGraph, id: string): KnowledgeEdge | undefined {
  const [from] = id.split('--');
  return from ? edgesFrom(graph, from).find((e) => e.id === id) : undefined;
}

/**
 * Edges that help the node: what produces, feeds, supports, increases or protects it, or is its
 * building block. Strongest evidence first. `supportingEdgesFor(g, 'serotonin')` → tryptophan, …
 */
export function supportingEdgesFor(graph: KnowledgeGraph, nodeId: string): KnowledgeEdge[] {
  return edgesTo(graph, nodeId)
    .filter((e) => SUPPORTING_RELATIONS.includes(e.relation))
    .sort(byStrength);
}

/** Sorts edges strongest evidence first, then by id so the order is stable. */
export function byStrength(a: KnowledgeEdge, b: KnowledgeEdge): number {
  return EVIDENCE_GRADES[b.grade].rank - EVIDENCE_GRADES[a.grade].rank || a.id.localeCompare(b.id);
}

/** The references of an edge, a claim or a list of reference ids, in the order given. */
export function referencesFor(
  graph: KnowledgeGraph,
  of: KnowledgeEdge | Claim | readonly string[],
): Reference[] {
  const ids = Array.isArray(of) ? of : (of as KnowledgeEdge | Claim).refs;
  return ids.flatMap((id: string) => {
    const r = graph.referenceIndex.get(id);
    return r ? [r] : [];
  });
}

/** Every reference cited by an edge or claim touching the node, without repeats. */
export function referencesForNode(graph: KnowledgeGraph, nodeId: string): Reference[] {
  const ids = new Set<string>();
  for (const e of edgesOf(graph, nodeId)) for (const r of e.refs) ids.add(r);
  for (const c of claimsAbout(graph, nodeId)) for (const r of c.refs) ids.add(r);
  return referencesFor(graph, [...ids]);
}

/** Nodes of one kind, in file order. `nodesOfKind(g, 'neurotransmitter')` → serotonin, dopamine, … */
export function nodesOfKind(graph: KnowledgeGraph, kind: NodeKind): KnowledgeNode[] {
  return graph.nodes.filter((n) => n.kind === kind);
}

/** Nodes of one topic, in file order. */
export function nodesOfTopic(graph: KnowledgeGraph, topicId: string): KnowledgeNode[] {
  return graph.nodes.filter((n) => n.topic === topicId);
}

/** Article statements about the node, with what the evidence supports. */
export function claimsAbout(graph: KnowledgeGraph, nodeId: string): Claim[] {
  return graph.claims.filter((c) => c.about === nodeId);
}

/**
 * The node and everything within `depth` edges of it: a small picture that stays readable on a
 * phone, unlike the whole graph.
 */
export function neighbourhood(
  graph: KnowledgeGraph,
  nodeId: string,
  depth = 1,
): { nodes: KnowledgeNode[]; edges: KnowledgeEdge[] } {
  const seen = new Set<string>([nodeId]);
  let frontier = [nodeId];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const id of frontier) {
      for (const e of edgesOf(graph, id)) {
        for (const end of [e.from, e.to]) {
          if (!seen.has(end)) {
            seen.add(end);
            next.push(end);
          }
        }
      }
    }
    frontier = next;
  }
  const nodes = [...seen].flatMap((id) => {
    const n = graph.nodeIndex.get(id);
    return n ? [n] : [];
  });
  const edges = graph.edges.filter((e) => seen.has(e.from) && seen.has(e.to));
  return { nodes, edges };
}

/** The parts of the day in order (morning, midday, evening, night), with the edges that happen in each. */
export function dailyRhythm(graph: KnowledgeGraph): { phase: KnowledgeNode; edges: KnowledgeEdge[] }[] {
  return nodesOfKind(graph, 'rhythm_phase')
    .sort((a, b) => (a.rhythm?.order ?? 0) - (b.rhythm?.order ?? 0))
    .map((phase) => ({ phase, edges: edgesTo(graph, phase.id) }));
}
