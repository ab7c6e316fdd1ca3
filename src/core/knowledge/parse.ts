/**
 * Parses and validates the knowledge graph from the texts of `knowledge/*.yaml`. Pure: it is handed
 * file names and texts, never touches the disk. A broken graph is refused as a whole, with every
 * problem named by file and line, so the server never starts on a graph with an uncited edge.
 *
 * @example
 * const graph = parseKnowledge([{ name: 'gut.yaml', text: readFileSync('knowledge/gut.yaml', 'utf8') }]);
 * // throws KnowledgeError: "gut.yaml:12: edge fibre--feeds--bifido: unknown node "bifido""
 */
import { isMap, isSeq, LineCounter, parseDocument, type Node as YamlNode } from 'yaml';
import type { z } from 'zod';
import {
  type Article,
  articleSchema,
  type Claim,
  claimSchema,
  type EdgeInput,
  edgeSchema,
  type KnowledgeEdge,
  type KnowledgeGraph,
  type KnowledgeNode,
  knowledgeFileSchema,
  nodeSchema,
  type Reference,
  referenceSchema,
  type Topic,
  topicSchema,
} from './types.ts';

export interface KnowledgeFile {
  name: string;
  text: string;
}

export interface KnowledgeProblem {
  file: string;
  line: number;
  message: string;
}

/** The graph is broken: `problems` names each by file and line; the message lists them all. */
export class KnowledgeError extends Error {
  constructor(readonly problems: KnowledgeProblem[]) {
    super(
      `The knowledge graph is invalid:\n${problems.map((p) => `  ${p.file}:${p.line}: ${p.message}`).join('\n')}`,
    );
    this.name = 'KnowledgeError';
  }
}

interface Located<T> {
  value: T;
  file: string;
  line: number;
}

type Section = 'topics' | 'references' | 'nodes' | 'edges' | 'claims' | 'articles';

export function parseKnowledge(files: KnowledgeFile[]): KnowledgeGraph {
  const problems: KnowledgeProblem[] = [];
  const found = {
    topics: [] as Located<Topic>[],
    references: [] as Located<Reference>[],
    nodes: [] as Located<KnowledgeNode>[],
    edges: [] as Located<EdgeInput>[],
    claims: [] as Located<Claim>[],
    articles: [] as Located<Article>[],
  };
  const schemas = {
    topics: topicSchema,
    references: referenceSchema,
    nodes: nodeSchema,
    edges: edgeSchema,
    claims: claimSchema,
    articles: articleSchema,
  } as const;

  for (const file of [...files].sort((a, b) => a.name.localeCompare(b.name))) {
    const lines = new LineCounter();
    const doc = parseDocument(file.text, { lineCounter: lines, uniqueKeys: true });
    const lineOf = (node: YamlNode | null | undefined) =>
      node?.range ? lines.linePos(node.range[0]).line : 1;
    if (doc.errors.length > 0) {
      for (const e of doc.errors) {
        problems.push({
          file: file.name,
          line: e.linePos?.[0]?.line ?? 1,
          message: e.message.split('\n')[0] ?? '',
        });
      }
      continue;
    }
    const js = (doc.toJS() ?? {}) as Record<string, unknown[] | undefined>;
    const top = knowledgeFileSchema.safeParse(js);
    if (!top.success) {
      const issue = top.error.issues[0];
      const key = issue?.code === 'unrecognized_keys' ? issue.keys[0] : issue?.path[0];
      problems.push({
        file: file.name,
        line: lineOf(isMap(doc.contents) && key ? (doc.contents.get(key, true) as YamlNode) : doc.contents),
        message: `top-level sections may be topics, references, nodes, edges, claims, articles (${issue?.message ?? 'invalid'})`,
      });
      continue;
    }
    for (const section of Object.keys(schemas) as Section[]) {
      const seq = doc.get(section, true);
      if (!isSeq(seq)) continue;
      seq.items.forEach((item, index) => {
        const line = lineOf(item as YamlNode);
        const value = js[section]?.[index];
        const parsed = (schemas[section] as z.ZodType).safeParse(value);
        if (parsed.success) {
          (found[section] as Located<unknown>[]).push({ value: parsed.data, file: file.name, line });
          return;
        }
        for (const issue of parsed.error.issues) {
          const at = doc.getIn([section, index, ...issue.path.map((p) => p as string | number)], true);
          const field = issue.path.length ? issue.path.join('.') : 'entry';
          problems.push({
            file: file.name,
            line: lineOf((at as YamlNode | undefined) ?? (item as YamlNode)),
            message: `${section.replace(/s$/, '')} ${describe(value)}: ${field} ${issue.message}`,
          });
        }
      });
    }
  }

  const graph = link(found, problems);
  if (problems.length > 0) throw new KnowledgeError(problems);
  return graph;
}

function describe(value: unknown): string {
  if (value && typeof value === 'object') {
    const v = value as Record<string, unknown>;
    if (typeof v.id === 'string') return `"${v.id}"`;
    if (typeof v.from === 'string') return `${v.from}--${String(v.relation)}--${String(v.to)}`;
  }
  return '(unnamed)';
}

/** Checks ids are unique and every reference points at something, then builds the indexes. */
function link(
  found: {
    topics: Located<Topic>[];
    references: Located<Reference>[];
    nodes: Located<KnowledgeNode>[];
    edges: Located<EdgeInput>[];
    claims: Located<Claim>[];
    articles: Located<Article>[];
  },
  problems: KnowledgeProblem[],
): KnowledgeGraph {
  const firstSeen = new Map<string, Located<unknown>>();
  const unique = <T>(kind: string, items: Located<T>[], key: (t: T) => string): Located<T>[] =>
    items.filter((item) => {
      const k = `${kind}:${key(item.value)}`;
      const earlier = firstSeen.get(k);
      if (earlier) {
        problems.push({
          file: item.file,
          line: item.line,
          message: `duplicate ${kind} id "${key(item.value)}" (first defined at ${earlier.file}:${earlier.line})`,
        });
        return false;
      }
      firstSeen.set(k, item);
      return true;
    });

  const topics = unique('topic', found.topics, (t) => t.id);
  const references = unique('reference', found.references, (r) => r.id);
  const nodes = unique('node', found.nodes, (n) => n.id);
  const edges = unique('edge', found.edges, edgeId);
  const claims = unique('claim', found.claims, (c) => c.id);
  const articles = unique('article', found.articles, (a) => a.id);

  const topicIds = new Set(topics.map((t) => t.value.id));
  const nodeIndex = new Map(nodes.map((n) => [n.value.id, n.value]));
  const referenceIndex = new Map(references.map((r) => [r.value.id, r.value]));
  const dangling = (where: Located<unknown>, what: string, message: string) =>
    problems.push({ file: where.file, line: where.line, message: `${what}: ${message}` });

  for (const n of nodes) {
    if (!topicIds.has(n.value.topic)) dangling(n, `node "${n.value.id}"`, `unknown topic "${n.value.topic}"`);
    if ((n.value.kind === 'rhythm_phase') !== (n.value.rhythm !== undefined)) {
      dangling(n, `node "${n.value.id}"`, 'rhythm is required for rhythm_phase nodes and only for them');
    }
  }
  for (const e of edges) {
    const what = `edge ${edgeId(e.value)}`;
    for (const end of [e.value.from, e.value.to]) {
      if (!nodeIndex.has(end)) dangling(e, what, `unknown node "${end}"`);
    }
    for (const ref of e.value.refs)
      if (!referenceIndex.has(ref)) dangling(e, what, `unknown reference "${ref}"`);
  }
  const edgeIds = new Set(edges.map((e) => edgeId(e.value)));
  const articleIds = new Set(articles.map((a) => a.value.id));
  const claimIds = new Set(claims.map((c) => c.value.id));
  for (const c of claims) {
    const what = `claim "${c.value.id}"`;
    if (!nodeIndex.has(c.value.about)) dangling(c, what, `unknown node "${c.value.about}"`);
    for (const ref of c.value.refs)
      if (!referenceIndex.has(ref)) dangling(c, what, `unknown reference "${ref}"`);
    if (c.value.edge && !edgeIds.has(c.value.edge)) dangling(c, what, `unknown edge "${c.value.edge}"`);
    if (!articleIds.has(c.value.article)) dangling(c, what, `unknown article "${c.value.article}"`);
  }
  for (const a of articles) {
    for (const r of a.value.references) {
      const what = `article "${a.value.id}" reference ${r.doi}`;
      if (r.reference && !referenceIndex.has(r.reference))
        dangling(a, what, `unknown reference "${r.reference}"`);
      for (const c of r.claims) if (!claimIds.has(c)) dangling(a, what, `unknown claim "${c}"`);
    }
  }

  const edgeList: KnowledgeEdge[] = edges.map((e) => ({ id: edgeId(e.value), ...e.value }));
  const edgesFromIndex = new Map<string, KnowledgeEdge[]>();
  const edgesToIndex = new Map<string, KnowledgeEdge[]>();
  for (const e of edgeList) {
    edgesFromIndex.set(e.from, [...(edgesFromIndex.get(e.from) ?? []), e]);
    edgesToIndex.set(e.to, [...(edgesToIndex.get(e.to) ?? []), e]);
  }
  return {
    topics: topics.map((t) => t.value).sort((a, b) => a.order - b.order),
    nodes: nodes.map((n) => n.value),
    edges: edgeList,
    references: references.map((r) => r.value),
    claims: claims.map((c) => c.value),
    articles: articles.map((a) => a.value),
    nodeIndex,
    referenceIndex,
    edgesFromIndex,
    edgesToIndex,
  };
}

export function edgeId(e: Pick<EdgeInput, 'from' | 'relation' | 'to'>): string {
  return `${e.from}--${e.relation}--${e.to}`;
}
