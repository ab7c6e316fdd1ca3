import { describe, expect, it } from 'vitest';
import { parseKnowledge } from '../knowledge/index.ts';
import { signalsReflection } from './reflection.ts';

// A small hand-made graph: GABA "supported" by a food (the article's framing, speculative), a
// practice tested in people for anxiety, a probiotic strain and a medicine (both never offered),
// and an observational link to depression (not "tested").
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
  - { id: anxiety, kind: condition, name: Anxiety, topic: t, summary: s, text: x }
  - { id: depression, kind: condition, name: Depression, topic: t, summary: s, text: x }
  - { id: meditation, kind: practice, name: Meditation, topic: t, summary: s, text: x }
  - { id: nature, kind: practice, name: Time in nature, topic: t, summary: s, text: x }
  - { id: l_theanine, kind: food_category, name: L-theanine foods, topic: t, summary: s, text: x }
  - { id: lactobacillus_rhamnosus_jb1, kind: microbe, name: L. rhamnosus JB-1, topic: t, summary: s, text: x }
  - { id: benzodiazepines, kind: treatment, name: Benzodiazepines, topic: t, summary: s, text: x }
  - { id: signal_excessive_worry, kind: signal, name: Excessive worry, topic: t, summary: s, text: x }
edges:
  - { from: meditation, relation: reduces, to: anxiety, grade: human_trials, note: "Trials.", refs: [r1] }
  - { from: nature, relation: goes_with_less, to: depression, grade: observational, note: "Links only.", refs: [r2] }
  - { from: l_theanine, relation: linked_to, to: gaba, grade: speculative, note: "The article's idea.", refs: [r2] }
  - { from: lactobacillus_rhamnosus_jb1, relation: reduces, to: anxiety, grade: preclinical, note: "Mice.", refs: [r1] }
  - { from: benzodiazepines, relation: treats, to: anxiety, grade: established, note: "Drug.", refs: [r1] }
  - { from: signal_excessive_worry, relation: linked_to, to: gaba, grade: speculative, note: "Article's grouping.", refs: [r2] }
`,
  },
]);

describe('the signals reflection from the knowledge graph', () => {
  it('offers only everyday things tested in people for how you feel — never a food "for" a messenger', () => {
    const r = signalsReflection(graph, ['signal_excessive_worry']);
    expect(r.caution).toMatch(/many causes/);
    expect(r.tested.map((s) => [s.nodeId, s.sentence, s.gradeLabel])).toEqual([
      ['meditation', 'Meditation reduces anxiety.', 'Human trials'],
    ]);
    expect(r.tested[0]?.references).toEqual([{ citation: 'One et al. 2020', doi: '10.1000/one' }]);
    // Nothing the reflection recommends names a messenger.
    for (const s of r.tested) expect(s.sentence).not.toMatch(/GABA|serotonin|dopamine|noradrenaline/i);
  });

  it('states how weak the signal → messenger link itself is', () => {
    const [gaba] = signalsReflection(graph, ['signal_excessive_worry']).systems;
    expect(gaba?.neurotransmitter).toBe('gaba');
    expect(gaba?.summary).toBe("The brain's main calming messenger.");
    expect(gaba?.links).toEqual([
      expect.objectContaining({
        nodeId: 'signal_excessive_worry',
        edgeId: 'signal_excessive_worry--linked_to--gaba',
        grade: 'speculative',
        relation: 'is linked by the articles to',
      }),
    ]);
  });

  it('works on a graph that knows nothing yet: systems are still named, links empty; no answers, nothing offered', () => {
    const [dopamine] = signalsReflection(graph, ['signal_fatigue']).systems;
    expect(dopamine).toMatchObject({ neurotransmitter: 'dopamine', summary: null, links: [] });
    expect(signalsReflection(graph, []).tested).toEqual([]);
  });
});
