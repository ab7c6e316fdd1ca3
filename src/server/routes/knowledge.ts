/**
 * The knowledge graph (public: anyone may read it) and the quiz (per person: needs a session).
 * Search is a POST so that what someone searches for never lands in a URL or a log.
 */
import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import { NotFoundError, ValidationError } from '../../core/errors.ts';
import {
  CLAIM_VERDICTS,
  claimView,
  dailyRhythm,
  EVIDENCE_GRADES,
  edgeById,
  edgeView,
  evidenceGradeSchema,
  generateQuiz,
  NODE_KINDS,
  neighbourhood,
  nodeKindSchema,
  nodePage,
  nodeSummary,
  pickQuizQuestions,
  type QuizQuestion,
  quizQuestionById,
  RELATIONS,
  referenceView,
  relationSchema,
  searchKnowledge,
} from '../../core/knowledge/index.ts';
import { getQuizAttempt, listQuizAttempts, saveQuizAttempt } from '../../store/quiz.ts';
import type { AppContext } from '../context.ts';
import { requirePerson } from '../plugins/auth.ts';
import { parseInput } from '../plugins/errors.ts';

const nodeId = z.string().regex(/^[a-z][a-z0-9_]{0,99}$/, { error: 'must be a node id like butyrate' });
const edgeIdParam = z.string().regex(/^[a-z][a-z0-9_]*--[a-z_]+--[a-z][a-z0-9_]*$/, {
  error: 'must be an edge id like fibre--feeds--bifidobacterium',
});
const nodeParams = z.strictObject({ id: nodeId });
const nodesQuery = z.strictObject({ topic: nodeId.optional(), kind: nodeKindSchema.optional() });
const neighbourhoodQuery = z.strictObject({ depth: z.coerce.number().int().min(1).max(2).optional() });
const edgesQuery = z.strictObject({
  from: nodeId.optional(),
  to: nodeId.optional(),
  relation: relationSchema.optional(),
  grade: evidenceGradeSchema.optional(),
});
const searchBody = z.strictObject({
  q: z.string({ error: 'must be text' }).trim().min(1, { error: 'must not be empty' }).max(200),
  limit: z.number().int().min(1).max(50).optional(),
});
const questionsQuery = z.strictObject({ count: z.coerce.number().int().min(1).max(50).optional() });
const answerSchema = z.strictObject({
  questionId: z.string({ error: 'must be text' }).min(1).max(200),
  optionId: z.string({ error: 'must be text' }).min(1).max(200),
});
const attemptBody = z.strictObject({ answers: z.array(answerSchema).min(1).max(50) });
const attemptParams = z.strictObject({ id: z.uuid({ error: 'must be an attempt id' }) });

/** A question as the person sees it before answering: no answer, no assertions. */
function publicQuestion(q: QuizQuestion) {
  return {
    id: q.id,
    prompt: q.prompt,
    options: q.options.map((o) => ({ id: o.id, label: o.label })),
    nodeId: q.nodeId,
  };
}

function feedback(q: QuizQuestion, optionId: string) {
  return {
    questionId: q.id,
    optionId,
    correct: q.answerId === optionId,
    answerId: q.answerId,
    explanation: q.explanation,
    references: q.references,
    nodeId: q.nodeId,
  };
}

export function registerKnowledgeRoutes(app: FastifyInstance, ctx: AppContext): void {
  const graph = ctx.knowledge;
  const bank = generateQuiz(graph);
  const { db } = ctx.store;

  /** The vocabulary the Learn pages need: topics, evidence grades, node kinds, relations. */
  app.get('/api/knowledge', async () => ({
    topics: graph.topics.map((t) => ({
      ...t,
      nodeCount: graph.nodes.filter((n) => n.topic === t.id).length,
    })),
    grades: Object.entries(EVIDENCE_GRADES).map(([id, g]) => ({ id, ...g })),
    kinds: Object.entries(NODE_KINDS).map(([id, label]) => ({ id, label })),
    relations: Object.entries(RELATIONS).map(([id, r]) => ({ id, ...r })),
    verdicts: Object.entries(CLAIM_VERDICTS).map(([id, label]) => ({ id, label })),
    counts: { nodes: graph.nodes.length, edges: graph.edges.length, references: graph.references.length },
  }));

  /** Morning, midday, evening, night: clock hours, the energy measure of each, and what happens then. */
  app.get('/api/knowledge/rhythm', async () => ({
    phases: dailyRhythm(graph).map(({ phase, edges }) => ({
      id: phase.id,
      name: phase.name,
      summary: phase.summary,
      from: phase.rhythm?.from,
      to: phase.rhythm?.to,
      energyMeasure: phase.rhythm?.energyMeasure ?? null,
      events: edges.map((e) => edgeView(graph, e)),
    })),
  }));

  app.get('/api/knowledge/nodes', async (req) => {
    const q = parseInput(nodesQuery, req.query, 'query');
    const nodes = graph.nodes.filter(
      (n) => (!q.topic || n.topic === q.topic) && (!q.kind || n.kind === q.kind),
    );
    return { nodes: nodes.map(nodeSummary) };
  });

  app.get('/api/knowledge/nodes/:id', async (req) => {
    const { id } = parseInput(nodeParams, req.params, 'params');
    const page = nodePage(graph, id);
    if (!page) throw new NotFoundError('node');
    return page;
  });

  app.get('/api/knowledge/nodes/:id/neighbourhood', async (req) => {
    const { id } = parseInput(nodeParams, req.params, 'params');
    const { depth } = parseInput(neighbourhoodQuery, req.query, 'query');
    if (!graph.nodeIndex.has(id)) throw new NotFoundError('node');
    const n = neighbourhood(graph, id, depth ?? 1);
    return {
      center: id,
      nodes: n.nodes.map(nodeSummary),
      edges: n.edges.map((e) => ({
        id: e.id,
        from: e.from,
        to: e.to,
        relation: e.relation,
        label: RELATIONS[e.relation].label,
        grade: e.grade,
      })),
    };
  });

  app.get('/api/knowledge/edges', async (req) => {
    const q = parseInput(edgesQuery, req.query, 'query');
    const edges = graph.edges.filter(
      (e) =>
        (!q.from || e.from === q.from) &&
        (!q.to || e.to === q.to) &&
        (!q.relation || e.relation === q.relation) &&
        (!q.grade || e.grade === q.grade),
    );
    return { edges: edges.map((e) => edgeView(graph, e)) };
  });

  app.get('/api/knowledge/edges/:id', async (req) => {
    const { id } = parseInput(z.strictObject({ id: edgeIdParam }), req.params, 'params');
    const edge = edgeById(graph, id);
    if (!edge) throw new NotFoundError('edge');
    return edgeView(graph, edge);
  });

  /** The articles' claims, each with a verdict and what the evidence supports, and the node it is about. */
  app.get('/api/knowledge/claims', async () => ({
    claims: graph.claims.map((c) => {
      const about = graph.nodeIndex.get(c.about);
      return { ...claimView(graph, c), aboutNode: about ? nodeSummary(about) : null };
    }),
  }));

  app.get('/api/knowledge/references', async () => ({ references: graph.references.map(referenceView) }));

  app.get('/api/knowledge/references/:id', async (req) => {
    const { id } = parseInput(nodeParams, req.params, 'params');
    const ref = graph.referenceIndex.get(id);
    if (!ref) throw new NotFoundError('reference');
    const citedBy = graph.edges.filter((e) => e.refs.includes(id)).map((e) => edgeView(graph, e));
    return { reference: referenceView(ref), edges: citedBy };
  });

  app.post('/api/knowledge/search', async (req) => {
    const { q, limit } = parseInput(searchBody, req.body, 'body');
    const hits = searchKnowledge(graph, q, limit ?? 20);
    return { hits: hits.map((h) => ({ node: nodeSummary(h.node), excerpt: h.excerpt })) };
  });

  app.get('/api/quiz/questions', async (req) => {
    requirePerson(req);
    const { count } = parseInput(questionsQuery, req.query, 'query');
    return {
      questions: pickQuizQuestions(bank, count ?? 10, Math.random).map(publicQuestion),
      bankSize: bank.length,
    };
  });

  app.post('/api/quiz/check', async (req) => {
    requirePerson(req);
    const answer = parseInput(answerSchema, req.body, 'body');
    const q = quizQuestionById(bank, answer.questionId);
    if (!q) throw new ValidationError('questionId', 'questionId is not a question we know');
    if (!q.options.some((o) => o.id === answer.optionId)) {
      throw new ValidationError('optionId', 'optionId is not one of the question’s options');
    }
    return feedback(q, answer.optionId);
  });

  app.post('/api/quiz/attempts', async (req, reply) => {
    const personId = requirePerson(req);
    const { answers } = parseInput(attemptBody, req.body, 'body');
    const seen = new Set<string>();
    const scored = answers.map((a, i) => {
      const q = quizQuestionById(bank, a.questionId);
      if (!q) throw new ValidationError(`answers.${i}.questionId`, 'is not a question we know');
      if (seen.has(a.questionId)) throw new ValidationError(`answers.${i}.questionId`, 'is answered twice');
      seen.add(a.questionId);
      if (!q.options.some((o) => o.id === a.optionId)) {
        throw new ValidationError(`answers.${i}.optionId`, 'is not one of the question’s options');
      }
      return { questionId: q.id, optionId: a.optionId, correct: q.answerId === a.optionId };
    });
    const attempt = await saveQuizAttempt(db, personId, scored, ctx.now());
    return reply.code(201).send({ attempt: withQuestions(attempt) });
  });

  app.get('/api/quiz/attempts', async (req) => {
    const personId = requirePerson(req);
    return { attempts: await listQuizAttempts(db, personId) };
  });

  app.get('/api/quiz/attempts/:id', async (req) => {
    const personId = requirePerson(req);
    const { id } = parseInput(attemptParams, req.params, 'params');
    const attempt = await getQuizAttempt(db, personId, id);
    if (!attempt) throw new NotFoundError('quiz attempt');
    return { attempt: withQuestions(attempt) };
  });

  /** Adds each question's prompt and the right answer, for reviewing an attempt. */
  function withQuestions<T extends { answers: { questionId: string; optionId: string; correct: boolean }[] }>(
    attempt: T,
  ) {
    return {
      ...attempt,
      answers: attempt.answers.map((a) => {
        const q = quizQuestionById(bank, a.questionId);
        return {
          ...a,
          prompt: q?.prompt ?? null,
          chosenLabel: q?.options.find((o) => o.id === a.optionId)?.label ?? null,
          answerId: q?.answerId ?? null,
          answerLabel: q?.options.find((o) => o.id === q.answerId)?.label ?? null,
        };
      }),
    };
  }
}
