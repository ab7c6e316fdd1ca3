/**
 * Reads `knowledge/*.yaml` from disk once and hands the texts to core's parser. The parsed graph is
 * cached per folder, so every app built in one process (tests build many) shares one copy.
 * A broken graph throws KnowledgeError naming each file and line, and the server does not start;
 * so does a graph that breaks its own evidence rules (`lintKnowledge`: a grade above what the cited
 * studies can show, a causal verb on observational evidence, an unaccounted article reference…).
 *
 * @example const graph = loadKnowledgeGraph(); // the repository's knowledge/ folder
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  KnowledgeError,
  type KnowledgeGraph,
  lintKnowledge,
  parseKnowledge,
} from '../core/knowledge/index.ts';
import { PROJECT_ROOT } from './project-root.ts';

export const DEFAULT_KNOWLEDGE_DIR = join(PROJECT_ROOT, 'knowledge');

const cache = new Map<string, KnowledgeGraph>();

/** The texts of every `.yaml` file in `dir`, named relative to the repository (`knowledge/x.yaml`). */
export function readKnowledgeFiles(dir: string = DEFAULT_KNOWLEDGE_DIR): { name: string; text: string }[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((f) => ({ name: `knowledge/${f}`, text: readFileSync(join(dir, f), 'utf8') }));
}

export function loadKnowledgeGraph(dir: string = DEFAULT_KNOWLEDGE_DIR): KnowledgeGraph {
  const cached = cache.get(dir);
  if (cached) return cached;
  const graph = parseKnowledge(readKnowledgeFiles(dir));
  const problems = lintKnowledge(graph);
  if (problems.length > 0) {
    throw new KnowledgeError(
      problems.map((p) => ({ file: 'knowledge', line: 1, message: `${p.subject} ${p.message} (${p.rule})` })),
    );
  }
  cache.set(dir, graph);
  return graph;
}
