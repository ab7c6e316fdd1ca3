/**
 * Full-text search over the graph's nodes: every word of the query must appear (as a word or the
 * start of one) in the node's name, aliases, summary or text; matches in the name count most.
 *
 * @example
 * searchKnowledge(graph, 'butyrate')[0]?.node.id   // → 'butyrate'
 * searchKnowledge(graph, 'vagus nerve')[0]?.node.id // → 'vagus_nerve'
 * searchKnowledge(graph, 'kimchee')[0]?.node.id     // → 'kimchi' (a typo, as food search forgives)
 */
import Fuse from 'fuse.js';
import type { KnowledgeGraph, KnowledgeNode } from './types.ts';

export interface SearchHit {
  node: KnowledgeNode;
  score: number;
  /** A short piece of the text around the first match, for the result list. */
  excerpt: string;
}

/** Lower case, accents removed, hyphens and punctuation as spaces: "Gut–brain" → "gut brain". */
export function normaliseForSearch(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

const FIELD_WEIGHTS = { name: 10, aliases: 8, summary: 3, text: 1 } as const;

/**
 * Names and aliases one or two letters off ("kimchee", "serotonine"), used only when the words
 * themselves find nothing. Fuse's 0–1 scale, the same cut-off food search allows for a typo.
 */
const TYPO_THRESHOLD = 0.4;

function typoHits(graph: KnowledgeGraph, query: string, limit: number): SearchHit[] {
  const fuse = new Fuse(graph.nodes as KnowledgeNode[], {
    keys: [
      { name: 'name', weight: 0.7 },
      { name: 'aliases', weight: 0.3 },
    ],
    threshold: TYPO_THRESHOLD,
    ignoreLocation: true,
    includeScore: true,
  });
  const found = fuse.search(query).filter((r) => (r.score ?? 1) <= TYPO_THRESHOLD + 0.08);
  const best = found[0]?.score ?? 0;
  return found
    .filter((r) => (r.score ?? 1) <= best + 0.1)
    .slice(0, limit)
    .map((r) => ({ node: r.item, score: 1 - (r.score ?? 1), excerpt: excerptAround(r.item, '') }));
}

export function searchKnowledge(graph: KnowledgeGraph, query: string, limit = 20): SearchHit[] {
  const hits = wordHits(graph, query, limit);
  return hits.length > 0 ? hits : typoHits(graph, normaliseForSearch(query), limit);
}

function wordHits(graph: KnowledgeGraph, query: string, limit: number): SearchHit[] {
  const terms = normaliseForSearch(query).split(' ').filter(Boolean);
  if (terms.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const node of graph.nodes) {
    const fields = {
      name: ` ${normaliseForSearch(`${node.name} ${node.id}`)} `,
      aliases: ` ${normaliseForSearch(node.aliases.join(' '))} `,
      summary: ` ${normaliseForSearch(node.summary)} `,
      text: ` ${normaliseForSearch(node.text)} `,
    };
    let score = 0;
    let allFound = true;
    for (const term of terms) {
      let termScore = 0;
      for (const [field, weight] of Object.entries(FIELD_WEIGHTS) as [keyof typeof fields, number][]) {
        const haystack = fields[field];
        if (haystack.includes(` ${term} `)) termScore += weight * 2;
        else if (haystack.includes(` ${term}`)) termScore += weight;
      }
      if (termScore === 0) {
        allFound = false;
        break;
      }
      score += termScore;
    }
    if (!allFound) continue;
    // An exact name match ranks first: searching "butyrate" opens Butyrate, not every SCFA page.
    if (normaliseForSearch(node.name) === terms.join(' ')) score += 100;
    hits.push({ node, score, excerpt: excerptAround(node, terms[0] ?? '') });
  }
  return hits.sort((a, b) => b.score - a.score || a.node.name.localeCompare(b.node.name)).slice(0, limit);
}

function excerptAround(node: KnowledgeNode, term: string): string {
  const text = `${node.summary} ${node.text}`.replace(/\s+/g, ' ');
  const at = text.toLowerCase().indexOf(term);
  if (at < 0 || at < 120) return text.length > 200 ? `${text.slice(0, 200).trimEnd()}…` : text;
  const start = text.lastIndexOf(' ', at - 60) + 1;
  const piece = text.slice(start, start + 200).trimEnd();
  return `…${piece}${start + 200 < text.length ? '…' : ''}`;
}
