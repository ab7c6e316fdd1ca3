/**
 * The linter must refuse each kind of mistake issue #17 found in the graph. A small sound graph
 * lints clean; each case below seeds one bad edge, claim or article entry into it and expects
 * exactly that rule to fire.
 */
import { describe, expect, it } from 'vitest';
import { lintKnowledge, lintMessengerTexts } from './lint.ts';
import { parseKnowledge } from './parse.ts';

const base = {
  topics: `topics:
  - { id: t, title: T, summary: S, order: 1 }
`,
  references: `references:
  - { id: mouse, doi: 10.1000/mouse, citation: "Mouse study", year: 2011, design: animal }
  - { id: cells, doi: 10.1000/cells, citation: "Cell study", year: 2012, design: lab }
  - { id: rct, doi: 10.1000/rct, citation: "Randomised trial", year: 2013, design: trial }
  - { id: cohort, doi: 10.1000/cohort, citation: "Cohort study", year: 2014, design: observational }
  - { id: idea, doi: 10.1000/idea, citation: "Hypothesis paper", year: 2015, design: hypothesis }
  - { id: animal_review, doi: 10.1000/areview, citation: "Review of rat work", year: 2016, design: preclinical_review }
`,
  nodes: `nodes:
  - { id: probiotic, kind: microbe, name: A probiotic, topic: t, summary: s, text: x }
  - { id: mood, kind: condition, name: Low mood, topic: t, summary: s, text: x }
  - { id: walking, kind: practice, name: Walking, topic: t, summary: s, text: x }
  - { id: serotonin, kind: neurotransmitter, name: Serotonin, topic: t, aliases: [5-HT], summary: s, text: x }
  - { id: gaba, kind: neurotransmitter, name: GABA, topic: t, summary: s, text: x }
  - { id: tryptophan, kind: food_category, name: Tryptophan, topic: t, summary: s, text: x }
`,
  edges: `edges:
  - { from: probiotic, relation: reduces, to: mood, grade: preclinical, note: "In mice.", refs: [mouse, cells] }
  - { from: walking, relation: reduces, to: mood, grade: human_trials, note: "A trial.", refs: [rct] }
  - { from: walking, relation: goes_with_less, to: mood, grade: observational, note: "A cohort.", refs: [cohort] }
  - { from: tryptophan, relation: precursor_of, to: serotonin, grade: established, note: "Biochemistry.", refs: [rct] }
  - { from: walking, relation: proposed_for, to: serotonin, grade: speculative, note: "An idea.", refs: [idea, animal_review] }
`,
  claims: `claims:
  - { id: claim_walk, article: art, about: walking, edge: walking--reduces--mood, statement: "Walking helps mood.", verdict: supported, evidence: "Trials.", grade: human_trials, refs: [rct] }
`,
  articles: `articles:
  - id: art
    title: An article
    source: Someone, 2024
    references:
      - { doi: 10.1000/rct, as_cited: "Trial (2013)", reference: rct, claims: [claim_walk] }
      - { doi: 10.9999/elsewhere, as_cited: "Unrelated (2020)", left_out: "About something else." }
`,
};

type Part = keyof typeof base;

/** The base graph with `extra` YAML list items appended to one section. */
function graphWith(section?: Part, extra = '') {
  const text = (Object.keys(base) as Part[]).map((k) => base[k] + (k === section ? extra : '')).join('');
  return parseKnowledge([{ name: 'fixture.yaml', text }]);
}

const rulesOf = (section: Part, extra: string) => lintKnowledge(graphWith(section, extra)).map((p) => p.rule);

describe('the graph linter', () => {
  it('finds nothing wrong in a sound graph', () => {
    expect(lintKnowledge(graphWith())).toEqual([]);
  });

  it('refuses an edge graded above preclinical when every study is in animals or cells', () => {
    const bad = `  - { from: probiotic, relation: reduces, to: gaba, grade: human_trials, note: "Mice.", refs: [mouse, animal_review] }\n`;
    expect(rulesOf('edges', bad)).toContain('preclinical_only_graded_higher');
    const established = `  - { from: probiotic, relation: produces, to: gaba, grade: established, note: "Dishes.", refs: [cells] }\n`;
    expect(rulesOf('edges', established)).toEqual(['preclinical_only_graded_higher']);
  });

  it('refuses a human-trials grade that cites no trial or meta-analysis of trials', () => {
    const bad = `  - { from: walking, relation: goes_with_less, to: gaba, grade: human_trials, note: "A cohort.", refs: [cohort] }\n`;
    expect(rulesOf('edges', bad)).toEqual(['human_trials_without_trial']);
  });

  it('refuses a causal verb on observational or speculative evidence', () => {
    const observational = `  - { from: walking, relation: increases, to: serotonin, grade: observational, note: "A cohort.", refs: [cohort] }\n`;
    expect(rulesOf('edges', observational)).toEqual(['causal_verb_without_experiment']);
    const speculative = `  - { from: walking, relation: supports, to: gaba, grade: speculative, note: "An idea.", refs: [idea] }\n`;
    expect(rulesOf('edges', speculative)).toEqual(['causal_verb_without_experiment']);
  });

  it('refuses an edge resting only on a hypothesis paper graded above speculative', () => {
    const bad = `  - { from: walking, relation: linked_to, to: gaba, grade: observational, note: "An idea.", refs: [idea] }\n`;
    expect(rulesOf('edges', bad)).toEqual(['hypothesis_only_graded_higher']);
  });

  it('refuses a claim card whose grade differs from its edge’s, or whose edge is about something else', () => {
    const differs = `  - { id: claim_b, article: art, about: walking, edge: walking--goes_with_less--mood, statement: "s.", verdict: supported, evidence: "e.", grade: human_trials, refs: [rct] }\n`;
    expect(rulesOf('claims', differs)).toEqual(['claim_grade_differs_from_edge']);
    const elsewhere = `  - { id: claim_c, article: art, about: gaba, edge: walking--reduces--mood, statement: "s.", verdict: supported, evidence: "e.", grade: human_trials, refs: [rct] }\n`;
    expect(rulesOf('claims', elsewhere)).toEqual(['claim_edge_does_not_touch_subject']);
  });

  it('refuses an article reference that is neither cited nor left out, or cited under another DOI', () => {
    const unaccounted = `      - { doi: 10.1000/cohort, as_cited: "Cohort (2014)" }\n`;
    expect(rulesOf('articles', unaccounted)).toEqual(['article_reference_unaccounted']);
    const noClaim = `      - { doi: 10.1000/cohort, as_cited: "Cohort (2014)", reference: cohort }\n`;
    expect(rulesOf('articles', noClaim)).toEqual(['article_reference_unaccounted']);
    const wrongDoi = `      - { doi: 10.1000/other, as_cited: "Trial (2013)", reference: rct, claims: [claim_walk] }\n`;
    expect(rulesOf('articles', wrongDoi)).toEqual(['article_reference_mismatch']);
    const claimMissesIt = `      - { doi: 10.1000/cohort, as_cited: "Cohort (2014)", reference: cohort, claims: [claim_walk] }\n`;
    expect(rulesOf('articles', claimMissesIt)).toEqual(['article_reference_mismatch']);
  });

  it('refuses a reference nothing cites', () => {
    const spare = `  - { id: spare, doi: 10.1000/spare, citation: "Spare", year: 2020, design: review }\n`;
    expect(rulesOf('references', spare)).toEqual(['reference_never_cited']);
  });
});

describe('texts outside the graph that name a messenger', () => {
  const graph = graphWith();

  it('passes a text that names no messenger, or names one and carries its edge and grade', () => {
    expect(
      lintMessengerTexts(graph, [
        { where: 'goal walk', text: 'A 20-minute walk' },
        {
          where: 'goal protein',
          text: 'Tryptophan is a building block of serotonin (established); food does not lift mood through it.',
          evidence: { edge: 'tryptophan--precursor_of--serotonin', grade: 'established' },
        },
      ]),
    ).toEqual([]);
  });

  it('refuses a messenger named with no edge, with an edge about another messenger, or with the wrong grade', () => {
    const problems = lintMessengerTexts(graph, [
      { where: 'goal gaba_food', text: 'One GABA-supporting food' },
      {
        where: 'goal serotonin_food',
        text: 'Foods for your 5-HT',
        evidence: { edge: 'walking--reduces--mood', grade: 'human_trials' },
      },
      {
        where: 'goal tryptophan',
        text: 'Tryptophan builds serotonin',
        evidence: { edge: 'tryptophan--precursor_of--serotonin', grade: 'human_trials' },
      },
    ]);
    expect(problems.map((p) => [p.subject, p.rule])).toEqual([
      ['goal gaba_food', 'messenger_text_without_edge'],
      ['goal serotonin_food', 'messenger_text_without_edge'],
      ['goal tryptophan', 'messenger_text_grade_differs'],
    ]);
  });

  it('matches a capitalised name only as a word, in its own case', () => {
    // "Gabardine" is not GABA; "serotonin's" is serotonin.
    expect(lintMessengerTexts(graph, [{ where: 'a', text: 'A gabardine coat' }])).toEqual([]);
    expect(lintMessengerTexts(graph, [{ where: 'b', text: "serotonin's building block" }])).toHaveLength(1);
  });
});
