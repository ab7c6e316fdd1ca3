/**
 * The food catalogue's categories, the habits' measure keys and the programs' goal links all name
 * nodes of the knowledge graph (knowledge/*.yaml); a renamed node must fail here, not on a page.
 */
import { describe, expect, it } from 'vitest';
import { loadKnowledgeGraph } from '../../server/knowledge-graph.ts';
import { FOOD_CATEGORIES } from '../foods/categories.ts';
import { HABIT_MEASURES } from '../habits/habits.ts';
import { PROGRAMS } from './index.ts';

const graph = loadKnowledgeGraph();
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
});
