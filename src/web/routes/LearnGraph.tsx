/**
 * A picture of one node's neighbourhood, drawn with cytoscape. Only the node and its closest
 * connections (strongest evidence first, at most MAX_NEIGHBOURS) so that labels stay readable on a
 * phone; tapping a node opens its page. This file is loaded lazily, so cytoscape stays out of the
 * first bundle. The list of connections below the picture carries the same information as text.
 */
import { useQuery } from '@tanstack/react-query';
import cytoscape from 'cytoscape';
import { useEffect, useRef } from 'react';
import { useNavigate } from 'react-router';
import { EVIDENCE_GRADES, type EvidenceGrade } from '../../core/knowledge/types.ts';
import { api } from '../api.ts';
import { ErrorState } from '../components/States.tsx';
import { KEYS, type Neighbourhood } from './LearnApi.ts';

const MAX_NEIGHBOURS = 12;

// Line style shows the grade: solid for studies in people, dashed for links seen in observation,
// dotted for animal/lab work and speculation.
const LINE: Record<EvidenceGrade, 'solid' | 'dashed' | 'dotted'> = {
  established: 'solid',
  human_trials: 'solid',
  observational: 'dashed',
  preclinical: 'dotted',
  speculative: 'dotted',
};

/** The centre and its strongest-evidence neighbours, at most `max` of them. */
export function trimNeighbourhood(n: Neighbourhood, max: number): Neighbourhood {
  const rank = (g: string) => EVIDENCE_GRADES[g as EvidenceGrade]?.rank ?? 0;
  const touching = n.edges
    .filter((e) => e.from === n.center || e.to === n.center)
    .sort((a, b) => rank(b.grade) - rank(a.grade) || a.id.localeCompare(b.id));
  const keep = new Set([n.center]);
  for (const e of touching) {
    if (keep.size > max) break;
    keep.add(e.from === n.center ? e.to : e.from);
  }
  return {
    center: n.center,
    nodes: n.nodes.filter((x) => keep.has(x.id)),
    edges: n.edges.filter((e) => keep.has(e.from) && keep.has(e.to)),
  };
}

export default function LearnGraph({ nodeId }: { nodeId: string }) {
  const q = useQuery({
    queryKey: KEYS.neighbourhood(nodeId),
    queryFn: () => api.get<Neighbourhood>(`/api/knowledge/nodes/${encodeURIComponent(nodeId)}/neighbourhood`),
    staleTime: Number.POSITIVE_INFINITY,
  });
  const box = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const total = q.data ? q.data.nodes.length - 1 : 0;

  useEffect(() => {
    if (!q.data || !box.current) return;
    const n = trimNeighbourhood(q.data, MAX_NEIGHBOURS);
    const styles = getComputedStyle(document.documentElement);
    const color = (name: string, fallback: string) => styles.getPropertyValue(name).trim() || fallback;
    const cy = cytoscape({
      container: box.current,
      elements: [
        ...n.nodes.map((x) => ({ data: { id: x.id, label: x.name, center: x.id === n.center ? 1 : 0 } })),
        ...n.edges.map((e) => ({
          data: { id: e.id, source: e.from, target: e.to, line: LINE[e.grade as EvidenceGrade] },
        })),
      ],
      // Pan and zoom stay off so the page scrolls normally on a phone; tap opens a node.
      userZoomingEnabled: false,
      userPanningEnabled: false,
      boxSelectionEnabled: false,
      autoungrabify: true,
      style: [
        {
          selector: 'node',
          style: {
            label: 'data(label)',
            'text-wrap': 'wrap',
            'text-max-width': '96px',
            'font-size': '11px',
            color: color('--text', '#1d2623'),
            'text-valign': 'bottom',
            'text-margin-y': 3,
            width: 14,
            height: 14,
            'background-color': color('--chart-2', '#c7772b'),
          },
        },
        {
          selector: 'node[center = 1]',
          style: {
            width: 24,
            height: 24,
            'font-size': '13px',
            'font-weight': 'bold',
            'background-color': color('--primary', '#2f7d6d'),
          },
        },
        {
          selector: 'edge',
          style: {
            width: 1.5,
            'line-color': color('--muted', '#56625d'),
            'target-arrow-color': color('--muted', '#56625d'),
            'target-arrow-shape': 'triangle',
            'arrow-scale': 0.8,
            'curve-style': 'bezier',
            'line-style': 'data(line)' as unknown as 'solid',
          },
        },
      ],
      layout: {
        name: 'concentric',
        concentric: (node: cytoscape.NodeSingular) => (node.data('center') ? 2 : 1),
        levelWidth: () => 1,
        minNodeSpacing: 28,
        padding: 24,
        animate: false,
      },
    });
    cy.on('tap', 'node', (evt) => {
      const id = evt.target.id();
      if (id !== nodeId) navigate(`/learn/${id}`);
    });
    return () => cy.destroy();
  }, [q.data, nodeId, navigate]);

  if (q.error) return <ErrorState error={q.error} onRetry={() => q.refetch()} />;
  return (
    <figure className="learn-graph">
      <div
        ref={box}
        className="learn-graph-canvas"
        role="img"
        aria-label="Map of this topic's closest connections; the same connections are listed below."
      />
      <figcaption className="small muted">
        {total > MAX_NEIGHBOURS ? `The ${MAX_NEIGHBOURS} best-supported of ${total} connections. ` : ''}
        Solid line: studies in people · dashed: observational · dotted: animal, lab or speculative. Tap a name
        to open it.
      </figcaption>
    </figure>
  );
}
