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
import { EVIDENCE_GRADES, type EvidenceGrade } from '../../core/knowledge/evidence-grades.ts';
import { ErrorState } from '../components/States.tsx';
import { type Neighbourhood, neighbourhoodQuery } from './queries.ts';

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
  const q = useQuery(neighbourhoodQuery(nodeId));
  const box = useRef<HTMLDivElement>(null);
  const navigate = useNavigate();
  const total = q.data ? q.data.nodes.length - 1 : 0;

  useEffect(() => {
    if (!q.data || !box.current) return;
    const n = trimNeighbourhood(q.data, MAX_NEIGHBOURS);
    const styles = getComputedStyle(document.documentElement);
    const color = (name: string, fallback: string) => styles.getPropertyValue(name).trim() || fallback;
    // The centre in the middle, neighbours on a circle, each label on the outside of its node so that
    // labels do not run into each other or into the centre.
    const around = n.nodes.filter((x) => x.id !== n.center);
    // An upright ellipse: labels sit left and right of the nodes, so width is scarcer than height.
    // Wider boxes (desktop) get a wider ellipse, so labels don't crowd.
    const aspect = box.current.clientWidth / Math.max(box.current.clientHeight, 1);
    const ry = 120;
    const rx = ry * Math.min(Math.max(aspect * 0.7, 0.67), 1.6);
    const place = (i: number) => {
      const angle = -Math.PI / 2 + (2 * Math.PI * i) / Math.max(around.length, 1);
      const [cos, sin] = [Math.cos(angle), Math.sin(angle)];
      return {
        position: { x: rx * cos, y: ry * sin },
        halign: cos > 0.35 ? 'right' : cos < -0.35 ? 'left' : 'center',
        // A few pixels between a side label and its node, so the label's backdrop doesn't cover the dot.
        mx: cos > 0.35 ? 4 : cos < -0.35 ? -4 : 0,
        // Side labels sit level with their node; only the nodes near the top and bottom get theirs above or below.
        valign: Math.abs(cos) > 0.35 ? 'center' : sin > 0 ? 'bottom' : 'top',
      };
    };
    const cy = cytoscape({
      container: box.current,
      elements: [
        {
          data: {
            id: n.center,
            label: n.nodes.find((x) => x.id === n.center)?.name ?? n.center,
            center: 1,
            halign: 'center',
            valign: 'bottom',
            mx: 0,
          },
          position: { x: 0, y: 0 },
        },
        ...around.map((x, i) => {
          const p = place(i);
          return {
            data: { id: x.id, label: x.name, center: 0, halign: p.halign, valign: p.valign, mx: p.mx },
            position: p.position,
          };
        }),
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
            'text-max-width': '84px',
            'font-size': '12px',
            color: color('--text', '#1d2623'),
            'text-halign': 'data(halign)' as unknown as 'center',
            'text-valign': 'data(valign)' as unknown as 'center',
            'text-margin-x': 'data(mx)' as unknown as number,
            'text-background-color': color('--surface', '#ffffff'),
            'text-background-opacity': 0.85,
            'text-background-padding': '2px',
            width: 14,
            height: 14,
            'background-color': color('--chart-2', '#c7772b'),
          },
        },
        {
          selector: 'node[center = 1]',
          style: {
            width: 26,
            height: 26,
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
            'curve-style': 'straight',
            'line-style': 'data(line)' as unknown as 'solid',
          },
        },
      ],
      layout: { name: 'preset', fit: true, padding: 12 },
      // A small neighbourhood would otherwise be blown up to fill the box.
      maxZoom: 1.4,
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
