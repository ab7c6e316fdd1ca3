import { describe, expect, it } from 'vitest';
import { parseKnowledge } from '../knowledge/index.ts';
import { signalsReflection } from './reflection.ts';

// A small hand-made graph: GABA supported by a practice (human trials), a food category
// (observational), a probiotic strain and a medicine (both must never be offered).
const graph = parseKnowledge([
  {
    name: 'fixture.yaml',
    text: `
topics:
  - { id: t, title: T, summary: S, order: 1 }
references:
  - { id: r1, doi: 10.1000/one, citation: "One et al. 2020", year: 2020, design: trial }
  - { id: r2, doi: 10.1000/two, citation: "Two et al. 2021", year: 2021, design: observational }
nodes:
  - { id: gaba, kind: neurotransmitter, name: GABA, topic: t, summary: "The brain's main calming messenger.", text: x }
  - { id: meditation, kind: practice, name: Meditation, topic: t, summary: s, text: x }
  - { id: l_theanine, kind: food_category, name: L-theanine foods, topic: t, summary: s, text: x }
  - { id: lactobacillus_rhamnosus_jb1, kind: microbe, name: L. rhamnosus JB-1, topic: t, summary: s, text: x }
  - { id: benzodiazepines, kind: treatment, name: Benzodiazepines, topic: t, summary: s, text: x }
  - { id: signal_excessive_worry, kind: signal, name: Excessive worry, topic: t, summary: s, text: x }
edges:
  - { from: meditation, relation: supports, to: gaba, grade: human_trials, note: "Small trials.", refs: [r1] }
  - { from: l_theanine, relation: supports, to: gaba, grade: observational, note: "Links only.", refs: [r2] }
  - { from: lactobacillus_rhamnosus_jb1, relation: produces, to: gaba, grade: preclinical, note: "Mice.", refs: [r1] }
  - { from: benzodiazepines, relation: increases, to: gaba, grade: established, note: "Drug.", refs: [r1] }
  - { from: signal_excessive_worry, relation: linked_to, to: gaba, grade: speculative, note: "Article's grouping.", refs: [r2] }
`,
  },
]);

describe('the signals reflection from the knowledge graph', () => {
  it('lists graded everyday supports, strongest first, and never a microbe strain or a medicine', () => {
    const r = signalsReflection(graph, ['signal_excessive_worry']);
    expect(r.caution).toMatch(/many causes/);
    const [gaba] = r.systems;
    expect(gaba?.neurotransmitter).toBe('gaba');
    expect(gaba?.summary).toBe("The brain's main calming messenger.");
    expect(gaba?.supports.map((s) => [s.nodeId, s.grade, s.gradeLabel])).toEqual([
      ['meditation', 'human_trials', 'Human trials'],
      ['l_theanine', 'observational', 'Observational'],
    ]);
    expect(gaba?.supports[0]?.references).toEqual([{ citation: 'One et al. 2020', doi: '10.1000/one' }]);
  });

  it('states how weak the signal → system link itself is', () => {
    const [gaba] = signalsReflection(graph, ['signal_excessive_worry']).systems;
    expect(gaba?.links).toEqual([
      expect.objectContaining({
        nodeId: 'signal_excessive_worry',
        grade: 'speculative',
        relation: 'is linked by the articles to',
      }),
    ]);
  });

  it('works on a graph that knows nothing yet: systems are still named, supports empty', () => {
    const [dopamine] = signalsReflection(graph, ['signal_fatigue']).systems;
    expect(dopamine).toMatchObject({ neurotransmitter: 'dopamine', summary: null, links: [], supports: [] });
  });
});
