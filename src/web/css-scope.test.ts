/**
 * Stylesheets cannot clash (issue 19): a class that leads a rule at the top level of one stylesheet
 * (after comments, inside @media and friends) leads no rule in another. Capability stylesheets keep
 * every rule under their root class with native CSS nesting (`.cap-insights { .verdict { … } }`),
 * so `.verdict` on Insights and on Learn are two different rules that can never meet.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const web = import.meta.dirname;

/** The selectors of the rules at the top level of a stylesheet (inside at-rules too), comments removed. */
function topLevelSelectors(css: string): string[] {
  const text = css.replace(/\/\*[\s\S]*?\*\//g, '');
  const out: string[] = [];
  let depth = 0;
  let atDepth: number[] = [];
  let start = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '{') {
      const head = text.slice(start, i).trim();
      const ruleDepth = depth - atDepth.length;
      if (head.startsWith('@')) {
        if (/^@(media|supports|container|layer)\b/.test(head)) atDepth.push(depth);
      } else if (ruleDepth === 0) {
        out.push(head);
      }
      depth++;
      start = i + 1;
    } else if (c === '}') {
      depth--;
      if (atDepth.at(-1) === depth) atDepth = atDepth.slice(0, -1);
      start = i + 1;
    } else if (c === ';') {
      start = i + 1;
    }
  }
  return out;
}

/** The class each selector of a rule starts with (`[data-theme="dark"] .x` starts with `.x`). */
function leadingClasses(selector: string): string[] {
  return selector
    .split(',')
    .map((s) => s.trim().replace(/^(\[data-theme="dark"\]|:root|html|body)\s*/, ''))
    .map((s) => /^\.([A-Za-z0-9_-]+)/.exec(s)?.[1])
    .filter((c): c is string => c !== undefined);
}

function stylesheets(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith('.css'))
    .map((e) => join(e.parentPath, e.name));
}

describe('stylesheets', () => {
  it('reads nesting and at-rules the way a browser does', () => {
    const css = `/* .ignored { } */ .a, [data-theme="dark"] .b { color: red; }
      @media (min-width: 40em) { .c { .d { x: y; } } }
      .cap-x { .verdict { x: y; } &.wide { x: y; } }`;
    expect(topLevelSelectors(css).flatMap(leadingClasses)).toEqual(['a', 'b', 'c', 'cap-x']);
  });

  it('no class leads rules in two stylesheets, so no page can restyle another', () => {
    const owner = new Map<string, string>();
    const clashes: string[] = [];
    for (const file of stylesheets(web)) {
      const name = relative(web, file);
      const classes = new Set(topLevelSelectors(readFileSync(file, 'utf8')).flatMap(leadingClasses));
      for (const c of classes) {
        const first = owner.get(c);
        if (first) clashes.push(`.${c} in ${first} and ${name}`);
        else owner.set(c, name);
      }
    }
    expect(clashes).toEqual([]);
  });

  // tracking/tracking.css holds the shared tracking parts (food picker, goal list) that several pages
  // use, so it has no single page root; the test above still keeps its names its own.
  it('capability stylesheets keep every rule under their root class', () => {
    const capability =
      /^(insights|checks|learn|microbiome|data|clinician|clinics|programs|wearables|checkin)\//;
    const loose: string[] = [];
    for (const file of stylesheets(web)) {
      const name = relative(web, file);
      if (!capability.test(name)) continue;
      const roots = new Set(topLevelSelectors(readFileSync(file, 'utf8')).flatMap(leadingClasses));
      if (roots.size !== 1 || ![...roots][0]?.startsWith('cap-'))
        loose.push(`${name}: ${[...roots].join(' ')}`);
    }
    expect(loose).toEqual([]);
  });
});
