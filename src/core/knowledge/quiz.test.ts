import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseKnowledge } from './parse.ts';
import {
  generateQuiz,
  pickQuizQuestions,
  type QuizAssertion,
  quizQuestionById,
  scoreQuizAnswer,
} from './quiz.ts';
import type { KnowledgeGraph } from './types.ts';

const dir = fileURLToPath(new URL('../../../knowledge/', import.meta.url));
const graph = parseKnowledge(
  readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .map((f) => ({ name: f, text: readFileSync(`${dir}/${f}`, 'utf8') })),
);
const bank = generateQuiz(graph);

/**
 * Does the statement hold in the graph? Written independently of the generator: an edge holds if it is
 * in the graph, or — for building blocks and "happens during" — if it follows through a chain
 * (tryptophan → serotonin → melatonin), so a distractor can't be true by a longer route.
 */
function holds(g: KnowledgeGraph, a: QuizAssertion): boolean {
  if (a.type === 'grade') return g.edges.some((e) => e.id === a.edgeId && e.grade === a.grade);
  if (a.type === 'verdict') return g.claims.some((c) => c.id === a.claimId && c.verdict === a.verdict);
  const direct = (from: string, to: string) =>
    g.edges.some((e) => e.from === from && e.relation === a.relation && e.to === to);
  if (a.relation !== 'precursor_of') return direct(a.from, a.to);
  const seen = new Set<string>();
  const reach = (from: string): boolean => {
    for (const e of g.edges.filter((x) => x.from === from && x.relation === 'precursor_of')) {
      if (e.to === a.to) return true;
      if (!seen.has(e.to)) {
        seen.add(e.to);
        if (reach(e.to)) return true;
      }
    }
    return false;
  };
  return reach(a.from);
}

describe('quiz generation', () => {
  it('generates at least 40 distinct questions', () => {
    expect(bank.length).toBeGreaterThanOrEqual(40);
    expect(new Set(bank.map((q) => q.id)).size).toBe(bank.length);
    // Three butyrate questions share a prompt but differ in their right answer.
    expect(new Set(bank.map((q) => `${q.prompt} ${q.answerId}`)).size).toBe(bank.length);
  });

  it.each(bank.map((q) => [q.id, q] as const))(
    '%s: the answer holds in the graph, no distractor does',
    (_id, q) => {
      const answer = q.options.find((o) => o.id === q.answerId);
      expect(answer).toBeDefined();
      expect(answer && holds(graph, answer.assertion)).toBe(true);
      for (const o of q.options.filter((x) => x.id !== q.answerId)) {
        expect(holds(graph, o.assertion), `${q.id} distractor ${o.id}`).toBe(false);
      }
      expect(q.options.length).toBeGreaterThanOrEqual(4);
      expect(new Set(q.options.map((o) => o.label)).size).toBe(q.options.length);
      expect(q.explanation.length).toBeGreaterThan(20);
      expect(q.references.length).toBeGreaterThan(0);
      for (const r of q.references) expect(r.url).toBe(`https://doi.org/${r.doi}`);
    },
  );

  it('covers every family and does not always put the answer first', () => {
    expect(new Set(bank.map((q) => q.family))).toEqual(
      new Set(['grade', 'claim', 'precursor', 'producer', 'rhythm', 'signal', 'target']),
    );
    const positions = new Set(bank.map((q) => q.options.findIndex((o) => o.id === q.answerId)));
    expect(positions.size).toBeGreaterThanOrEqual(3);
  });

  it('asks the sleep claim with the verdict the evidence supports', () => {
    const q = quizQuestionById(bank, 'claim:claim_sleep_8_to_10_hours');
    expect(q?.answerId).toBe('overstated');
    expect(q?.explanation).toMatch(/7–9 hours/);
    expect(q && scoreQuizAnswer(q, 'overstated').correct).toBe(true);
    expect(q && scoreQuizAnswer(q, 'supported').correct).toBe(false);
    expect(q && scoreQuizAnswer(q, 'nonsense').correct).toBe(false);
    // Scales read in order, strongest first, wherever the answer falls.
    expect(q?.options.map((o) => o.id)).toEqual([
      'supported',
      'partly_supported',
      'overstated',
      'not_supported',
    ]);
    expect(quizQuestionById(bank, 'rhythm:growth_hormone')?.options.map((o) => o.label)).toEqual([
      'Morning',
      'Midday',
      'Evening',
      'Night',
    ]);
  });

  it('never offers tryptophan as a wrong building block of melatonin', () => {
    const q = quizQuestionById(bank, 'precursor:serotonin:melatonin');
    expect(q?.options.map((o) => o.id)).not.toContain('tryptophan');
  });

  it('picks the requested number of questions without repeats, mixing families', () => {
    let seed = 42;
    const random = () => {
      seed = (seed * 1103515245 + 12345) % 2147483648;
      return seed / 2147483648;
    };
    const picked = pickQuizQuestions(bank, 10, random);
    expect(picked).toHaveLength(10);
    expect(new Set(picked.map((q) => q.id)).size).toBe(10);
    expect(new Set(picked.map((q) => q.family)).size).toBeGreaterThanOrEqual(5);
    expect(pickQuizQuestions(bank, 10_000, random)).toHaveLength(bank.length);
  });
});
