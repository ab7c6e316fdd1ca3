/**
 * Checks the real graph in knowledge/*.yaml: it loads, it covers every topic the issue lists, the
 * identifiers other capabilities link to exist, and grades are consistent with the studies cited.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import {
  dailyRhythm,
  edgesOf,
  lintKnowledge,
  nodeById,
  parseKnowledge,
  referencesFor,
  searchKnowledge,
} from '../src/core/knowledge/index.ts';

const dir = fileURLToPath(new URL('.', import.meta.url));
const graph = parseKnowledge(
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ name: `knowledge/${f}`, text: readFileSync(`${dir}/${f}`, 'utf8') })),
);

// The topics issue #3 lists, each with the node ids that must cover it.
const COVERAGE: Record<string, string[]> = {
  neurotransmitters: ['serotonin', 'dopamine', 'gaba', 'norepinephrine', 'glutamate', 'melatonin'],
  'signals (serotonin)': [
    'signal_sad_or_irritable_mood',
    'signal_sleep_changes',
    'signal_loss_of_interest',
    'signal_appetite_changes',
  ],
  'signals (dopamine)': [
    'signal_low_motivation',
    'signal_focus_problems',
    'signal_reduced_pleasure',
    'signal_fatigue',
  ],
  'signals (GABA)': [
    'signal_excessive_worry',
    'signal_difficulty_relaxing',
    'signal_feeling_wired',
    'signal_muscle_tension',
  ],
  'signals (norepinephrine)': [
    'signal_difficulty_concentrating',
    'signal_memory_problems',
    'signal_extreme_stress_response',
    'signal_overwhelmed',
  ],
  'enteric nervous system': ['enteric_nervous_system'],
  'vagus nerve': ['vagus_nerve'],
  'gut serotonin and enterochromaffin cells': [
    'gut_serotonin',
    'enterochromaffin_cells',
    'blood_brain_barrier',
  ],
  'stress response': ['stress_response'],
  'inflammation and immune modulation': ['inflammation', 'immune_modulation'],
  'short-chain fatty acids': ['short_chain_fatty_acids', 'butyrate', 'propionate', 'acetate'],
  vitamins: ['vitamin_b7', 'vitamin_b9', 'vitamin_b12', 'vitamin_k'],
  'microbes that make neurotransmitters': ['microbial_neurotransmitter_production'],
  'microbes and strains': [
    'faecalibacterium',
    'coprococcus',
    'dialister',
    'bifidobacterium',
    'lactobacillus',
    'roseburia',
    'lactobacillus_rhamnosus_jb1',
    'bifidobacterium_infantis_35624',
    'lactobacillus_helveticus_r0052_bifidobacterium_longum_r0175',
  ],
  'food categories': [
    'fermented',
    'prebiotic',
    'high_fibre',
    'omega3',
    'polyphenols',
    'protein',
    'tryptophan',
    'tyrosine',
    'magnesium',
    'l_theanine',
    'ultra_processed',
    'added_sugar',
  ],
  additives: ['food_additives'],
  'fermented-food diversity trial, 30 plants, SMILES': [
    'fermented',
    'plant_diversity',
    'mediterranean_style_diet',
  ],
  practices: [
    'morning_sunlight',
    'movement',
    'sleep',
    'meditation',
    'breathing',
    'progressive_muscle_relaxation',
    'social_connection',
    'laughter',
    'helping_others',
    'creative_expression',
    'gratitude',
    'cold_exposure',
    'nature',
    'intermittent_fasting',
  ],
  'daily rhythm': ['rhythm_morning', 'rhythm_midday', 'rhythm_evening', 'rhythm_night'],
  'red flags': [
    'red_flag_persistent_hopelessness',
    'red_flag_self_harm_thoughts',
    'red_flag_severe_anxiety',
    'red_flag_mood_swings',
    'red_flag_substance_use',
    'red_flag_eating_sleeping_changes',
  ],
  'professional help': [
    'psychiatrist',
    'psychologist',
    'general_practitioner',
    'nutrition_professional',
    'integrative_doctor',
  ],
  treatments: ['ketamine', 'esketamine', 'gaba_targeting_medicines'],
  'serotonin-theory debate': ['serotonin_theory_debate'],
  'individual variability': ['individual_variability'],
  'what is still unknown': ['open_questions'],
};

// DOIs the issue names: each must be cited by the edge or claim about its topic.
const ISSUE_DOIS: [string, string][] = [
  ['gut_serotonin--does_not_cross--blood_brain_barrier', '10.1016/j.cell.2015.02.047'],
  [
    'lactobacillus_helveticus_r0052_bifidobacterium_longum_r0175--reduces--stress_response',
    '10.1017/S0007114510004319',
  ],
  ['lactobacillus_rhamnosus_jb1--reduces--stress_response', '10.1073/pnas.1102999108'],
  ['lactobacillus_rhamnosus_jb1--no_effect_on--stress_response', '10.1016/j.bbi.2016.11.018'],
  ['bifidobacterium_infantis_35624--reduces--depression', '10.1016/j.neuroscience.2010.08.005'],
  ['dialister--lower_in--depression', '10.1038/s41564-018-0337-x'],
  ['fermented--increases--microbiome_diversity', '10.1016/j.cell.2021.06.019'],
  ['plant_diversity--goes_with_more--microbiome_diversity', '10.1128/mSystems.00031-18'],
  ['mediterranean_style_diet--reduces--depression', '10.1186/s12916-017-0791-y'],
  ['serotonin_theory_debate--questions--serotonin', '10.1038/s41380-022-01661-0'],
];

describe('the knowledge graph content', () => {
  it.each(Object.entries(COVERAGE))('covers %s', (_topic, ids) => {
    const missing = ids.filter((id) => !nodeById(graph, id));
    expect(missing).toEqual([]);
  });

  it('cites the DOI the issue names for each of its studies', () => {
    for (const [edgeId, doi] of ISSUE_DOIS) {
      const edge = graph.edges.find((e) => e.id === edgeId);
      expect(edge, edgeId).toBeDefined();
      expect(edge && referencesFor(graph, edge).map((r) => r.doi)).toContain(doi);
    }
  });

  it('states that gut serotonin does not cross the blood–brain barrier', () => {
    const edge = graph.edges.find((e) => e.id === 'gut_serotonin--does_not_cross--blood_brain_barrier');
    expect(edge?.grade).toBe('established');
    expect(nodeById(graph, 'gut_serotonin')?.text).toMatch(/does not cross the blood–brain barrier/);
  });

  it('grades the articles’ overstatements honestly', () => {
    const verdict = (id: string) => graph.claims.find((c) => c.id === id)?.verdict;
    expect(verdict('claim_sunlight_instant_mood')).toBe('overstated');
    expect(verdict('claim_sleep_8_to_10_hours')).toBe('overstated');
    expect(verdict('claim_serotonin_happiness_chemical')).toBe('overstated');
    expect(verdict('claim_gut_serotonin_reaches_brain')).toBe('not_supported');
    expect(nodeById(graph, 'sleep')?.text).toMatch(/7–9 hours/);
    expect(nodeById(graph, 'morning_sunlight')?.text).toMatch(/does not show an instant effect/);
    // Signals are never graded above speculative: a feeling cannot reveal a brain chemical.
    const signalEdges = graph.nodes.filter((n) => n.kind === 'signal').flatMap((n) => edgesOf(graph, n.id));
    expect(signalEdges).toHaveLength(16);
    expect(new Set(signalEdges.map((e) => e.grade))).toEqual(new Set(['speculative']));
  });

  it('lays out the daily rhythm in order with the energy measure for each part of the day', () => {
    expect(
      dailyRhythm(graph).map(({ phase }) => [phase.id, phase.rhythm?.from, phase.rhythm?.energyMeasure]),
    ).toEqual([
      ['rhythm_morning', '06:00', 'energy_morning'],
      ['rhythm_midday', '11:00', 'energy_midday'],
      ['rhythm_evening', '17:00', 'energy_evening'],
      ['rhythm_night', '22:00', null],
    ]);
    expect(dailyRhythm(graph).every(({ edges }) => edges.length > 0)).toBe(true);
  });

  it('keeps its own rules: the linter finds nothing in the shipped graph', () => {
    // Grades within what the cited study designs can show, causal verbs only on experimental
    // evidence, claim cards graded like their edges, every article reference accounted for.
    expect(lintKnowledge(graph)).toEqual([]);
  });

  it('accounts for every DOI in the neurotransmitter article’s reference list', () => {
    const article = graph.articles.find((a) => a.id === 'ganda_2024');
    // The 11 DOIs printed under "References" in the seed article, in its order.
    expect(article?.references.map((r) => r.doi)).toEqual([
      '10.1111/jnc.16097',
      '10.1038/s41392-024-01743-1',
      '10.1038/s41386-023-01629-w',
      '10.7759/cureus.53987',
      '10.1097/MD.0000000000037114',
      '10.1038/s41380-022-01661-0',
      '10.1038/s41398-023-02514-2',
      '10.1002/cpt.3391',
      '10.3390/ijms23115954',
      '10.3389/fnins.2023.1225875',
      '10.1002/mco2.656',
    ]);
    const miscited = article?.references.filter((r) => r.miscited).map((r) => r.doi);
    // The Journal of Neurochemistry review, Medicine 2024, Translational Psychiatry 2023 and MedComm 5(8).
    expect(miscited).toEqual(
      expect.arrayContaining([
        '10.1111/jnc.16097',
        '10.1097/MD.0000000000037114',
        '10.1038/s41398-023-02514-2',
        '10.1002/mco2.656',
      ]),
    );
  });

  it('tags every reference added for the articles with where it was checked', () => {
    const added = ['romijn_2017', 'bremshey_2024', 'kumari_2024', 'mhanna_2024', 'cutler_2023', 'raja_2024'];
    for (const id of added) expect(graph.referenceIndex.get(id)?.checked, id).toMatch(/\d{4}-\d{2}-\d{2}/);
  });

  it('gives the 90–95 % serotonin claim its caveat, and the two-strain probiotic its null trial', () => {
    const serotonin = graph.claims.find((c) => c.id === 'claim_gut_makes_most_serotonin');
    expect(serotonin?.evidence).toMatch(/stays outside the brain/);
    const strains = graph.claims.find((c) => c.id === 'claim_helveticus_longum');
    expect(strains?.refs).toContain('romijn_2017');
    expect(strains?.evidence).toMatch(/mixed/);
  });

  it('gives every article claim the issue lists a graded verdict', () => {
    const verdicts = Object.fromEntries(graph.claims.map((c) => [c.id, [c.verdict, c.grade]]));
    expect(verdicts).toMatchObject({
      claim_leaky_gut_inflammation: ['partly_supported', 'speculative'],
      claim_inflammation_anxiety: ['supported', 'observational'],
      claim_complex_carbs_serotonin: ['not_supported', 'speculative'],
      claim_scfa_prevent_neurodegeneration: ['not_supported', 'preclinical'],
      claim_esketamine_biggest_breakthrough: ['overstated', 'human_trials'],
      claim_psychedelic_therapy: ['partly_supported', 'human_trials'],
      claim_hydroxynorketamine_new_treatment: ['not_supported', 'preclinical'],
      claim_100_billion_messages: ['not_supported', 'speculative'],
    });
  });

  it('links every node except a few stand-alone pages to the rest of the graph', () => {
    const alone = graph.nodes.filter((n) => edgesOf(graph, n.id).length === 0).map((n) => n.id);
    expect(alone).toEqual(['integrative_doctor']);
  });

  it('finds butyrate first when searching "butyrate"', () => {
    const hits = searchKnowledge(graph, 'butyrate');
    expect(hits[0]?.node.id).toBe('butyrate');
    expect(hits.map((h) => h.node.id)).toEqual(
      expect.arrayContaining(['faecalibacterium', 'short_chain_fatty_acids']),
    );
  });
});
