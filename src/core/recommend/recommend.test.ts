/** The selection: evidence order, the limit of three, dismissals, snoozes, and safety first. */
import { describe, expect, it } from 'vitest';
import { addDays } from '../dates.ts';
import { edgeById } from '../knowledge/index.ts';
import { repositoryGraph } from '../knowledge/test-graph.ts';
import { isHidden, recommend } from './recommend.ts';
import { RULES } from './rules.ts';
import { type PersonState, recentDays } from './state.ts';

const graph = repositoryGraph();
const TODAY = '2026-03-14';

/** A fortnight that fires sleep, fermented, movement, morning light, breathing and ultra-processed. */
function struggling(): PersonState {
  const m = new Map<string, Map<string, number>>();
  for (let i = 0; i < 14; i++) {
    m.set(
      addDays('2026-03-01', i),
      new Map([
        ['mood', 5],
        ['sleep_hours', 6],
        ['energy_morning', 4],
        ['stress', 7],
        ['food_entries', 3],
        ['ultra_processed_servings', 3],
      ]),
    );
  }
  return { today: TODAY, days: recentDays(m, TODAY), screeners: [], microbiome: null };
}

describe('recommend', () => {
  it('every rule names an edge that exists in the graph, with at least one DOI', () => {
    for (const rule of RULES) {
      const edge = edgeById(graph, rule.edgeId);
      expect(edge, rule.id).toBeDefined();
      expect(edge?.refs.length, rule.id).toBeGreaterThan(0);
    }
  });

  it('gives at most three, strongest evidence first: established sleep, then the human-trial rules in order', () => {
    const out = recommend(graph, struggling(), { feedback: [], safetyTriggers: [] });
    expect(out.kind).toBe('recommendations');
    // Fired: sleep (established), fermented, movement, morning light, breathing (human trials),
    // ultra-processed (observational). Established first, then the rules' own order.
    expect(out.recommendations.map((r) => r.id)).toEqual(['sleep_hours', 'fermented_food', 'movement']);
  });

  it('cites the edge: its note, grade and DOI come from the graph, not from the rule', () => {
    const out = recommend(graph, struggling(), { feedback: [], safetyTriggers: [] });
    const sleep = out.recommendations[0];
    const edge = edgeById(graph, 'sleep--fits--rhythm_night');
    expect(sleep?.basis.note).toBe(edge?.note);
    expect(sleep?.basis.grade).toBe('established');
    expect(sleep?.basis.references.map((r) => r.url)).toEqual(
      sleep?.basis.references.map((r) => `https://doi.org/${r.doi}`),
    );
    expect(sleep?.about.name).toBe(graph.nodeIndex.get('sleep')?.name);
    expect(sleep?.experiment).toEqual({
      title: 'At least 7 hours in bed for 14 nights',
      action: 'Give sleep 7 to 9 hours',
      measure: 'sleep_hours',
      recommendationId: 'sleep_hours',
    });
  });

  it('leaves out dismissed rules for good and snoozed ones through their last day', () => {
    const out = recommend(graph, struggling(), {
      feedback: [
        { ruleId: 'sleep_hours', kind: 'dismissed', until: null },
        { ruleId: 'fermented_food', kind: 'snoozed', until: TODAY },
      ],
      safetyTriggers: [],
    });
    expect(out.recommendations.map((r) => r.id)).toEqual([
      'movement',
      'morning_light',
      'breathing_for_stress',
    ]);
    expect(
      isHidden(
        'fermented_food',
        [{ ruleId: 'fermented_food', kind: 'snoozed', until: TODAY }],
        addDays(TODAY, 1),
      ),
    ).toBe(false);
  });

  it('skips a rule whose experiment is already running', () => {
    const out = recommend(graph, struggling(), {
      feedback: [],
      safetyTriggers: [],
      runningExperiments: ['fermented_food'],
    });
    expect(out.recommendations.map((r) => r.id)).toEqual(['sleep_hours', 'movement', 'morning_light']);
  });

  it('a safety trigger replaces every recommendation', () => {
    const trigger = {
      code: 'low_mood_pattern' as const,
      level: 'professional' as const,
      message: 'Your mood has been low.',
    };
    const out = recommend(graph, struggling(), { feedback: [], safetyTriggers: [trigger] });
    expect(out).toEqual({ kind: 'support', triggers: [trigger], recommendations: [] });
  });

  it('a new person with nothing logged gets nothing', () => {
    const empty: PersonState = {
      today: TODAY,
      days: recentDays(new Map(), TODAY),
      screeners: [],
      microbiome: null,
    };
    expect(recommend(graph, empty, { feedback: [], safetyTriggers: [] }).recommendations).toEqual([]);
  });
});
