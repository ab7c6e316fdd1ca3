/**
 * Test support (Node only, so left out of the pure core project): the repository's knowledge graph
 * read from `knowledge/*.yaml` for core tests, without importing the server's loader.
 *
 * @example const graph = repositoryGraph();
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseKnowledge } from './parse.ts';
import type { KnowledgeGraph } from './types.ts';

const dir = fileURLToPath(new URL('../../../knowledge/', import.meta.url));
let graph: KnowledgeGraph | undefined;

export function repositoryGraph(): KnowledgeGraph {
  graph ??= parseKnowledge(
    readdirSync(dir)
      .filter((f) => f.endsWith('.yaml'))
      .sort()
      .map((f) => ({ name: `knowledge/${f}`, text: readFileSync(join(dir, f), 'utf8') })),
  );
  return graph;
}
