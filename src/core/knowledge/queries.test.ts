import { describe, expect, it } from 'vitest';
import { parseKnowledge } from './parse.ts';
import {
  edgeById,
  edgesFrom,
  edgesTo,
  neighbourhood,
  nodeById,
  referencesFor,
  referencesForNode,
  supportingEdgesFor,
} from './queries.ts';
import { searchKnowledge } from './search.ts';

const node = (id: string, name: string, text = 'Plain text.') => `  - id: ${id}
    kind: concept
    name: ${name}
    topic: t
    summary: About ${name}.
    text: ${text}
`;
const edge = (from: string, relation: string, to: string, grade: string, refs = '[r1]') => `  - from: ${from}
    relation: ${relation}
    to: ${to}
    grade: ${grade}
    note: A note.
    refs: ${refs}
`;

const graph = parseKnowledge([
  {
    name: 'g.yaml',
    text: `topics:
  - { id: t, title: T, summary: S, order: 1 }
references:
  - { id: r1, doi: 10.1000/one, citation: One, year: 2001, design: trial }
  - { id: r2, doi: 10.1000/two, citation: Two, year: 2002, design: animal }
nodes:
${node('fibre', 'Dietary fibre', 'Gut bacteria ferment fibre into butyrate.')}${node('butyrate', 'Butyrate')}${node('bifido', 'Bifidobacteria')}${node('gut_lining', 'Gut lining')}${node('sugar', 'Added sugar')}
edges:
${edge('fibre', 'feeds', 'bifido', 'human_trials')}${edge('bifido', 'produces', 'butyrate', 'preclinical', '[r2, r1]')}${edge('butyrate', 'protects', 'gut_lining', 'preclinical', '[r2]')}${edge('sugar', 'disrupts', 'bifido', 'observational')}${edge('fibre', 'supports', 'butyrate', 'established')}`,
  },
]);

describe('knowledge queries', () => {
  it('finds nodes and edges in both directions', () => {
    expect(nodeById(graph, 'butyrate')?.name).toBe('Butyrate');
    expect(nodeById(graph, 'nope')).toBeUndefined();
    expect(edgesFrom(graph, 'fibre').map((e) => e.to)).toEqual(['bifido', 'butyrate']);
    expect(edgesFrom(graph, 'fibre', 'feeds').map((e) => e.to)).toEqual(['bifido']);
    expect(edgesTo(graph, 'bifido').map((e) => e.from)).toEqual(['fibre', 'sugar']);
    expect(edgeById(graph, 'sugar--disrupts--bifido')?.grade).toBe('observational');
    expect(edgeById(graph, 'sugar--feeds--bifido')).toBeUndefined();
  });

  it('lists supporting edges strongest first and leaves out disrupting ones', () => {
    expect(supportingEdgesFor(graph, 'bifido').map((e) => e.from)).toEqual(['fibre']);
    expect(supportingEdgesFor(graph, 'butyrate').map((e) => `${e.from}:${e.grade}`)).toEqual([
      'fibre:established',
      'bifido:preclinical',
    ]);
  });

  it('resolves references in the order cited and per node without repeats', () => {
    const e = edgeById(graph, 'bifido--produces--butyrate');
    expect(e && referencesFor(graph, e).map((r) => r.doi)).toEqual(['10.1000/two', '10.1000/one']);
    expect(referencesForNode(graph, 'butyrate').map((r) => r.id)).toEqual(['r2', 'r1']);
  });

  it('returns a neighbourhood of the requested depth', () => {
    const one = neighbourhood(graph, 'gut_lining', 1);
    expect(one.nodes.map((n) => n.id).sort()).toEqual(['butyrate', 'gut_lining']);
    const two = neighbourhood(graph, 'gut_lining', 2);
    expect(two.nodes.map((n) => n.id).sort()).toEqual(['bifido', 'butyrate', 'fibre', 'gut_lining']);
    expect(two.edges.map((e) => e.id)).toContain('fibre--supports--butyrate');
    expect(two.edges.map((e) => e.id)).not.toContain('sugar--disrupts--bifido');
  });

  it('searches names first, needs every word, and ignores case and accents', () => {
    expect(searchKnowledge(graph, 'BUTYRATE').map((h) => h.node.id)).toEqual(['butyrate', 'fibre']);
    expect(searchKnowledge(graph, 'ferment butyr').map((h) => h.node.id)).toEqual(['fibre']);
    expect(searchKnowledge(graph, 'fibre sugar')).toEqual([]);
    expect(searchKnowledge(graph, '  ')).toEqual([]);
    expect(searchKnowledge(graph, 'Bifidobactéria')[0]?.node.id).toBe('bifido');
  });

  it('forgives a typo in a name when the words find nothing, the way food search does', () => {
    expect(searchKnowledge(graph, 'butyrat')[0]?.node.id).toBe('butyrate');
    expect(searchKnowledge(graph, 'butirate').map((h) => h.node.id)).toEqual(['butyrate']);
    expect(searchKnowledge(graph, 'xqzvw')).toEqual([]);
  });
});
