/**
 * Edges read as plain English sentences: "Omega-3 fats reduce inflammation." The graph stores node
 * names as headings ("Stress response", "Omega-3 fats"), so a sentence needs the verb to agree with
 * a plural subject and "the" before names of single body systems ("the vagus nerve").
 *
 * @example
 * edgeSentence(graph, edgeById(graph, 'omega3--reduces--inflammation')!) // → 'Omega-3 fats reduce inflammation.'
 */
import { nodeById } from './queries.ts';
import { type KnowledgeEdge, type KnowledgeGraph, type KnowledgeNode, RELATIONS } from './types.ts';

// Names ending in these words name one thing in the body and read with "the": "the stress response".
const TAKES_THE = new Set([
  'response',
  'system',
  'nerve',
  'barrier',
  'axis',
  'clock',
  'microbiota',
  'lining',
]);
// Words that end a name's head phrase ("Time in nature" → "Time").
const HEAD_ENDS = / (of|in|by|that|made|from|with) /;

/** The name without a trailing explanation in brackets: "Vitamin B9 (folate)" → "Vitamin B9". */
function bare(name: string): string {
  return name.replace(/\s*\(.*\)\s*$/, '');
}

/** Whether a node's name is grammatically plural: "Omega-3 fats", "Onions and leeks", not "Helping others". */
export function isPluralName(name: string): boolean {
  const text = bare(name);
  const words = text.split(/\s+/);
  // A gerund phrase is one activity: "Helping others is…".
  if (words.length > 1 && /^[A-Z]?[a-z]+ing$/.test(words[0] ?? '')) return false;
  if (/ and | \+ |, /.test(text)) return true;
  const head = text.split(HEAD_ENDS)[0] ?? text;
  const last = head.split(/\s+/).pop() ?? '';
  return /[a-z]s$/i.test(last) && !/(ss|us|is)$/i.test(last);
}

/** The node's name as it reads inside a sentence, with "the" where English needs it. */
export function nounPhrase(node: KnowledgeNode | undefined, { article = true } = {}): string {
  if (!node) return '';
  const keepCapital =
    (node.kind === 'microbe' && !/^Gut /.test(node.name)) ||
    /^[A-Z0-9]{2}/.test(node.name) ||
    /^[A-Z]\. /.test(node.name) ||
    /^Mediterranean/.test(node.name);
  let phrase = keepCapital ? node.name : node.name.charAt(0).toLowerCase() + node.name.slice(1);
  const last = bare(node.name).split(/\s+/).pop()?.toLowerCase() ?? '';
  const needsThe = (node.kind === 'rhythm_phase' && node.name !== 'Midday') || TAKES_THE.has(last);
  // One professional, one diet: "a psychiatrist", "a Mediterranean-style diet".
  const needsA = node.kind === 'professional' || last === 'diet';
  if (article && needsThe && !/^the /i.test(phrase)) phrase = `the ${phrase}`;
  else if (article && needsA && !isPluralName(node.name)) phrase = `a ${phrase}`;
  return phrase;
}

/** "omega-3 fats reduce inflammation" — the edge as a clause, to follow "the evidence that". */
export function edgeClause(graph: KnowledgeGraph, edge: KnowledgeEdge): string {
  const from = nodeById(graph, edge.from);
  const to = nodeById(graph, edge.to);
  const subject = nounPhrase(from);
  const relation = RELATIONS[edge.relation];
  const verb = from && isPluralName(from.name) ? relation.plural : relation.label;
  // "goes with less stress response", not "goes with less the stress response".
  const quantity = edge.relation === 'goes_with_more' || edge.relation === 'goes_with_less';
  const object = nounPhrase(to, { article: !quantity });
  return `${subject} ${verb} ${object}`;
}

/** "Omega-3 fats reduce inflammation." — the edge as one sentence, subject first. */
export function edgeSentence(graph: KnowledgeGraph, edge: KnowledgeEdge): string {
  const clause = edgeClause(graph, edge);
  return `${clause.charAt(0).toUpperCase()}${clause.slice(1)}.`;
}
