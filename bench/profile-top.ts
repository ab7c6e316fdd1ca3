/**
 * Reads a V8 CPU profile (`node --cpu-prof`, see bench/load.ts `PROFILE_DIR`) and prints where the
 * time went: the functions with the most self time, and the source files and packages by self time.
 * argv: <file.cpuprofile> [rows]
 *
 * @example tsx bench/profile-top.ts /tmp/prof/CPU.20260101.123456.789.0.001.cpuprofile 30
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file = '', rows = '25'] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map<number, number>();
let total = 0;
profile.samples.forEach((id, i) => {
  const dt = profile.timeDeltas[i] ?? 0;
  self.set(id, (self.get(id) ?? 0) + dt);
  total += dt;
});

/** `node_modules/kysely/...` → `kysely`; our own files keep their path from `src/`. */
function placeOf(url: string): string {
  if (!url) return '(native or idle)';
  const nm = url.lastIndexOf('node_modules/');
  if (nm >= 0) {
    const rest = url.slice(nm + 'node_modules/'.length).split('/');
    return rest[0]?.startsWith('@') ? `${rest[0]}/${rest[1]}` : (rest[0] ?? url);
  }
  const src = url.indexOf('/src/');
  return src >= 0 ? url.slice(src + 1) : url.replace(/^file:\/\//, '');
}

const add = (m: Map<string, number>, k: string, v: number) => m.set(k, (m.get(k) ?? 0) + v);
const fns = new Map<string, number>();
const places = new Map<string, number>();
for (const [id, t] of self) {
  const n = byId.get(id);
  if (!n) continue;
  const { functionName, url, lineNumber } = n.callFrame;
  add(fns, `${functionName || '(anonymous)'} ${placeOf(url)}:${lineNumber + 1}`, t);
  add(places, placeOf(url), t);
}
// Inclusive time: a node's own samples and its callees'; a function counted once per stack.
const inclusive = new Map<string, number>();
const nameOf = (n: ProfileNode) =>
  `${n.callFrame.functionName || '(anonymous)'} ${placeOf(n.callFrame.url)}:${n.callFrame.lineNumber + 1}`;
function walk(id: number, onStack: Set<string>): number {
  const n = byId.get(id);
  if (!n) return 0;
  let t = self.get(id) ?? 0;
  const name = nameOf(n);
  const first = !onStack.has(name);
  if (first) onStack.add(name);
  for (const c of n.children ?? []) t += walk(c, onStack);
  if (first) {
    onStack.delete(name);
    add(inclusive, name, t);
  }
  return t;
}
const root = profile.nodes[0];
if (root) walk(root.id, new Set());

const pct = (t: number) => `${((100 * t) / total).toFixed(1).padStart(5)} %`;
const top = (m: Map<string, number>) =>
  [...m]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(rows))
    .map(([k, t]) => `${pct(t)}  ${k}`)
    .join('\n');
console.log(`${(total / 1e6).toFixed(1)} s sampled\n\nself time by function:\n${top(fns)}`);
console.log(`\nself time by package or file:\n${top(places)}`);
console.log(`\ntime including callees, by function:\n${top(inclusive)}`);
