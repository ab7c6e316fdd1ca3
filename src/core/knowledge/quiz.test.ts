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
import { isPluralName } from './sentences.ts';
import { EVIDENCE_GRADES, type KnowledgeEdge, type KnowledgeGraph } from './types.ts';

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

  // The edge a question is about: the graded edge itself, or the edge its right answer asserts.
  function edgeOf(q: (typeof bank)[number]): KnowledgeEdge | undefined {
    const a = q.options.find((o) => o.id === q.answerId)?.assertion;
    if (a?.type === 'grade') return graph.edges.find((e) => e.id === a.edgeId);
    if (a?.type === 'edge')
      return graph.edges.find((e) => e.from === a.from && e.relation === a.relation && e.to === a.to);
    return undefined;
  }

  it.each(bank.map((q) => [q.id, q] as const))(
    '%s reads as a sentence and never points at "the article"',
    (_id, q) => {
      expect(q.prompt).toMatch(/^[A-Z][\s\S]*\?$/);
      expect(q.prompt).not.toMatch(/ {2}| [.,?]|\.\./);
      for (const text of [q.prompt, q.explanation])
        expect(text).not.toMatch(/\bthe (first |second )?article\b/i);
      expect(q.explanation).toMatch(/[.!?]$/);
    },
  );

  it.each(bank.map((q) => [q.id, q] as const))(
    '%s: the explanation agrees with the graded evidence',
    (_id, q) => {
      const claim = q.family === 'claim' ? graph.claims.find((c) => `claim:${c.id}` === q.id) : undefined;
      const grade = claim?.grade ?? edgeOf(q)?.grade;
      expect(grade, 'every question rests on a graded edge or claim').toBeDefined();
      if (!grade) return;
      expect(q.explanation).toContain(`Evidence grade: ${EVIDENCE_GRADES[grade].label.toLowerCase()}.`);
      // Noradrenaline → alertness was answered "established" while its note said "mostly animal".
      if (grade === 'established' || grade === 'human_trials') {
        expect(q.explanation).not.toMatch(
          /mostly (shown )?(in |from )?animal|animal recordings|only in (mice|rats|animals)/i,
        );
      }
      if (grade === 'preclinical' && q.family !== 'claim') {
        expect(q.explanation).toMatch(/animal|mice|mouse|\brats?\b|lab\b|culture|cells/i);
      }
    },
  );

  it('asks about graded statements only, never about an idea page (“What is still unknown questions probiotics”)', () => {
    for (const q of bank.filter((x) => x.family === 'grade')) {
      const edge = edgeOf(q);
      expect(graph.nodeIndex.get(edge?.from ?? '')?.kind, q.id).not.toBe('concept');
      expect(['questions', 'applies_to', 'linked_to']).not.toContain(edge?.relation);
    }
    expect(bank.some((q) => /unknown questions/.test(q.prompt))).toBe(false);
  });

  it('makes the verb agree with its subject and puts "the" and "a" where English needs them', () => {
    const prompt = (id: string) => quizQuestionById(bank, id)?.prompt;
    expect(prompt('grade:omega3--reduces--inflammation')).toBe(
      'How strong is the evidence that omega-3 fats reduce inflammation?',
    );
    expect(prompt('grade:helping_others--goes_with_less--depression')).toBe(
      'How strong is the evidence that helping others goes with less depression?',
    );
    expect(prompt('grade:stress_response--disrupts--gut_microbiota')).toBe(
      'How strong is the evidence that the stress response disrupts the gut microbiota?',
    );
    expect(prompt('grade:psychiatrist--helps_with--depression')).toBe(
      'How strong is the evidence that a psychiatrist can help with depression?',
    );
    expect(prompt('grade:mediterranean_style_diet--reduces--depression')).toBe(
      'How strong is the evidence that a Mediterranean-style diet reduces depression?',
    );
    expect(prompt('target:ketamine')).toBe('Which messenger system does ketamine mainly act on?');
    expect(prompt('target:ssri_antidepressants')).toBe(
      'Which messenger system do antidepressant medicines (SSRIs and others) mainly act on?',
    );
    expect(prompt('rhythm:cortisol_awakening_response')).toBe(
      'When in the day does the cortisol awakening response happen or peak?',
    );
  });

  it('tells singular names from plural ones', () => {
    const plural = [
      'Omega-3 fats',
      'Onions and leeks',
      'Microbes that make messengers',
      'GABA-targeting medicines (neurosteroids)',
      'L. helveticus R0052 + B. longum R0175',
    ];
    const singular = [
      'Helping others',
      'Asparagus',
      'Coprococcus',
      'Time in nature',
      'Plant variety (30 plants a week)',
      'Stress response',
    ];
    for (const n of plural) expect(isPluralName(n), n).toBe(true);
    for (const n of singular) expect(isPluralName(n), n).toBe(false);
  });

  it('answers noradrenaline and alertness with the grade its note gives: animal studies', () => {
    const q = quizQuestionById(bank, 'grade:norepinephrine--supports--alertness_and_attention');
    expect(q?.answerId).toBe('preclinical');
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
