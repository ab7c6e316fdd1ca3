/**
 * The food catalogue's categories, the habits' measure keys and the programs' goal links all name
 * nodes of the knowledge graph (knowledge/*.yaml); a renamed node must fail here, not on a page.
 */
import { describe, expect, it } from 'vitest';
import { FOOD_CATEGORIES } from '../foods/categories.ts';
import { HABIT_MEASURES } from '../habits/habits.ts';
import { lintMessengerTexts, type MessengerText } from '../knowledge/index.ts';
import { repositoryGraph } from '../knowledge/test-graph.ts';
import { SIGNAL_GROUPS, signalsMessengerTexts } from '../screeners/signals.ts';
import { PROGRAMS } from './index.ts';

const graph = repositoryGraph();
const kindOf = (id: string) => graph.nodeIndex.get(id)?.kind;

describe('links into the knowledge graph', () => {
  it('every food category is a food_category node', () => {
    for (const c of FOOD_CATEGORIES) expect(kindOf(c), c).toBe('food_category');
  });

  it('every habit measure named after a practice is a practice node', () => {
    const practices = HABIT_MEASURES.map((m) => m.key).filter((k) => k !== 'morning_sunlight_time');
    for (const k of practices) expect(kindOf(k), k).toBe('practice');
  });

  it('every goal’s node and every caution’s professional exist', () => {
    for (const p of PROGRAMS) {
      for (const g of p.weeks.flatMap((w) => w.adds)) {
        if (g.node) expect(kindOf(g.node), `${p.id}.${g.id} → ${g.node}`).toBeDefined();
        if (g.caution) expect(kindOf(g.caution.professional), g.caution.professional).toBe('professional');
      }
    }
  });

  it('every goal that names a brain messenger links to the edge behind it and carries its grade', () => {
    const texts: MessengerText[] = PROGRAMS.flatMap((p) => [
      { where: `program ${p.id} summary`, text: p.summary },
      ...p.weeks.map((w, i) => ({ where: `program ${p.id} week ${i + 1}`, text: w.title })),
      ...p.weeks.flatMap((w) =>
        w.adds.map((g) => ({
          where: `program ${p.id} goal ${g.id}`,
          text: [g.title, g.description, g.caution?.text].filter(Boolean).join(' '),
          evidence: g.evidence,
        })),
      ),
    ]);
    expect(lintMessengerTexts(graph, texts)).toEqual([]);
    // The checks above must have something to check: these goals name GABA, serotonin and dopamine.
    const linked = PROGRAMS.flatMap((p) => p.weeks.flatMap((w) => w.adds)).filter((g) => g.evidence);
    expect(linked.map((g) => g.id).sort()).toEqual([
      'gaba_food',
      'gaba_food_most_days',
      'tryptophan_food',
      'tyrosine_food',
    ]);
  });

  it('no goal or level repeats the "brain chemicals → food fix" framing', () => {
    const words = PROGRAMS.flatMap((p) => [
      p.summary,
      ...p.weeks.map((w) => w.title),
      ...p.weeks.flatMap((w) => w.adds.map((g) => g.title)),
    ]);
    for (const w of words)
      expect(w).not.toMatch(/brain chemicals|GABA-supporting food|serotonin-boosting|dopamine-boosting/i);
  });

  it('every signals-check heading that names a messenger carries the grade of its links in the graph', () => {
    expect(lintMessengerTexts(graph, signalsMessengerTexts())).toEqual([]);
    expect(signalsMessengerTexts()).toHaveLength(SIGNAL_GROUPS.length * 4);
  });

  it('the daily cold-exposure goal carries the heart and pregnancy caution the knowledge node gives', () => {
    const node = graph.nodeIndex.get('cold_exposure');
    expect(node?.text).toMatch(/heart/);
    expect(node?.text).toMatch(/pregnant/);
    const goal = PROGRAMS.flatMap((p) => p.weeks.flatMap((w) => w.adds)).find(
      (g) => g.id === 'cold_exposure',
    );
    expect(goal?.optional).toBe(true);
    expect(goal?.caution?.text).toMatch(/heart/);
    expect(goal?.caution?.text).toMatch(/pregnant/);
    expect(goal?.caution?.professional).toBe('general_practitioner');
  });
});
