import { describe, expect, it } from 'vitest';
import { KnowledgeError, parseKnowledge } from './parse.ts';

// A small valid graph; each broken case below changes one thing in it.
const topics = `topics:
  - id: axis
    title: The gut–brain axis
    summary: How the gut and brain talk.
    order: 1
`;
const references = `references:
  - id: yano_2015
    doi: 10.1016/j.cell.2015.02.047
    citation: Yano JM et al. (2015). Cell.
    year: 2015
    design: animal
`;
const nodes = `nodes:
  - id: serotonin
    kind: neurotransmitter
    name: Serotonin
    topic: axis
    summary: A messenger.
    text: Longer text.
  - id: enterochromaffin_cells
    kind: structure
    name: Enterochromaffin cells
    topic: axis
    summary: Gut lining cells.
    text: Longer text.
`;
const edge = (extra = '', grade = 'established', relation = 'produces', refs = '[yano_2015]') => `edges:
  - from: enterochromaffin_cells
    relation: ${relation}
    to: serotonin${extra}
    grade: ${grade}
    note: They make most of the body's serotonin.
    refs: ${refs}
`;

function problemsOf(files: { name: string; text: string }[]) {
  try {
    parseKnowledge(files);
  } catch (e) {
    expect(e).toBeInstanceOf(KnowledgeError);
    return (e as KnowledgeError).problems;
  }
  throw new Error('expected the graph to be refused');
}

describe('parseKnowledge', () => {
  it('builds the graph and its indexes from valid files', () => {
    const g = parseKnowledge([
      { name: 'a.yaml', text: topics + references },
      { name: 'b.yaml', text: nodes + edge() },
    ]);
    expect(g.nodes.map((n) => n.id)).toEqual(['serotonin', 'enterochromaffin_cells']);
    expect(g.edges).toHaveLength(1);
    expect(g.edges[0]?.id).toBe('enterochromaffin_cells--produces--serotonin');
    expect(g.edgesToIndex.get('serotonin')?.[0]?.from).toBe('enterochromaffin_cells');
    expect(g.nodes[0]?.aliases).toEqual([]);
  });

  it('refuses a duplicate node id, naming both places', () => {
    const dup = `  - id: serotonin
    kind: neurotransmitter
    name: Serotonin again
    topic: axis
    summary: A copy.
    text: Copy.
`;
    const problems = problemsOf([
      { name: 'a.yaml', text: topics + references },
      { name: 'b.yaml', text: nodes + dup },
    ]);
    expect(problems).toEqual([
      { file: 'b.yaml', line: 14, message: 'duplicate node id "serotonin" (first defined at b.yaml:2)' },
    ]);
  });

  it('refuses a duplicate reference id across files', () => {
    const problems = problemsOf([
      { name: 'a.yaml', text: topics + references },
      { name: 'c.yaml', text: references },
    ]);
    expect(problems).toEqual([
      {
        file: 'c.yaml',
        line: 2,
        message: 'duplicate reference id "yano_2015" (first defined at a.yaml:7)',
      },
    ]);
  });

  it('refuses an edge to a node that does not exist', () => {
    const text = nodes + edge().replace('to: serotonin', 'to: seratonin');
    const problems = problemsOf([
      { name: 'a.yaml', text: topics + references },
      { name: 'b.yaml', text },
    ]);
    expect(problems).toEqual([
      {
        file: 'b.yaml',
        line: 15,
        message: 'edge enterochromaffin_cells--produces--seratonin: unknown node "seratonin"',
      },
    ]);
  });

  it('refuses an edge citing an unknown reference', () => {
    const problems = problemsOf([
      { name: 'a.yaml', text: topics + references },
      { name: 'b.yaml', text: nodes + edge('', 'established', 'produces', '[yano_2016]') },
    ]);
    expect(problems[0]?.message).toBe(
      'edge enterochromaffin_cells--produces--serotonin: unknown reference "yano_2016"',
    );
    expect(problems[0]?.line).toBe(15);
  });

  it('refuses an edge without a reference (empty list or missing)', () => {
    const empty = problemsOf([
      { name: 'a.yaml', text: topics + references },
      { name: 'b.yaml', text: nodes + edge('', 'established', 'produces', '[]') },
    ]);
    expect(empty).toEqual([
      {
        file: 'b.yaml',
        line: 20,
        message:
          'edge enterochromaffin_cells--produces--serotonin: refs an edge needs at least one reference',
      },
    ]);
    const missing = nodes + edge().replace('    refs: [yano_2015]\n', '');
    const problems = problemsOf([
      { name: 'a.yaml', text: topics + references },
      { name: 'b.yaml', text: missing },
    ]);
    expect(problems[0]?.file).toBe('b.yaml');
    expect(problems[0]?.line).toBe(15);
    expect(problems[0]?.message).toContain('refs');
  });

  it('refuses an unknown evidence grade on its line', () => {
    const problems = problemsOf([
      { name: 'a.yaml', text: topics + references },
      { name: 'b.yaml', text: nodes + edge('', 'proven') },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(18);
    expect(problems[0]?.message).toMatch(
      /^edge enterochromaffin_cells--produces--serotonin: grade must be one of: established,/,
    );
  });

  it('refuses an unknown relation on its line', () => {
    const problems = problemsOf([
      { name: 'a.yaml', text: topics + references },
      { name: 'b.yaml', text: nodes + edge('', 'established', 'cures') },
    ]);
    expect(problems).toHaveLength(1);
    expect(problems[0]?.line).toBe(16);
    expect(problems[0]?.message).toContain('relation must be one of: produces,');
  });

  it('refuses an unknown node kind and an unknown topic', () => {
    const text = nodes
      .replace('kind: structure', 'kind: organ')
      .replace('topic: axis\n    summary: A messenger.', 'topic: brain\n    summary: A messenger.');
    const problems = problemsOf([
      { name: 'a.yaml', text: topics + references },
      { name: 'b.yaml', text },
    ]);
    expect(problems.map((p) => [p.line, p.message.split(':')[0]])).toEqual([
      [9, 'node "enterochromaffin_cells"'],
      [2, 'node "serotonin"'],
    ]);
    expect(problems[0]?.message).toContain('kind must be one of: neurotransmitter,');
    expect(problems[1]?.message).toContain('unknown topic "brain"');
  });

  it('refuses a duplicate edge', () => {
    const twice = nodes + edge() + edge().replace('edges:\n', '');
    const problems = problemsOf([
      { name: 'a.yaml', text: topics + references },
      { name: 'b.yaml', text: twice },
    ]);
    expect(problems).toEqual([
      {
        file: 'b.yaml',
        line: 21,
        message:
          'duplicate edge id "enterochromaffin_cells--produces--serotonin" (first defined at b.yaml:15)',
      },
    ]);
  });

  it('refuses a reference without a well-formed DOI', () => {
    const problems = problemsOf([{ name: 'a.yaml', text: references.replace('10.1016/', 'doi:10.1016/') }]);
    expect(problems[0]).toMatchObject({ file: 'a.yaml', line: 3 });
    expect(problems[0]?.message).toContain('doi must be a DOI');
  });

  it('reports YAML syntax errors with their line', () => {
    const problems = problemsOf([{ name: 'bad.yaml', text: 'nodes:\n  - id: a\n   kind: x\n' }]);
    expect(problems[0]?.file).toBe('bad.yaml');
    expect(problems[0]?.line).toBe(3);
  });

  it('lists every problem in the error message with file:line', () => {
    expect(() =>
      parseKnowledge([
        { name: 'a.yaml', text: topics + references },
        { name: 'b.yaml', text: nodes + edge('', 'proven', 'cures') },
      ]),
    ).toThrow(/b\.yaml:16: .*relation[\s\S]*b\.yaml:18: .*grade/);
  });
});
