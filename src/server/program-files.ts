/**
 * Programs a clinic authors as files: every `.json`, `.yaml` or `.yml` in PROGRAMS_DIR is read at
 * start-up and validated by core's `parseProgram`, beside the shipped programs. A broken file stops
 * the server with the file and the path of the mistake, so it never reaches anyone's Today. So does
 * a goal that names a brain messenger ("boost your serotonin") without the knowledge-graph edge it
 * rests on and that edge's grade — the same rule the shipped programs keep.
 *
 * @example PROGRAMS_DIR=/etc/gutbrain/programs gutbrain serve
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { type KnowledgeGraph, lintMessengerTexts } from '../core/knowledge/index.ts';
import {
  allPrograms,
  type Program,
  ProgramDefinitionError,
  parseProgram,
  registerPrograms,
} from '../core/programs/index.ts';
import { loadKnowledgeGraph } from './knowledge-graph.ts';

export class ProgramFileError extends Error {}

/** Goals that name a messenger without the graph's edge and grade: "weeks.1.adds.0 (goal x): names gaba …". */
function messengerProblems(program: Program, graph: KnowledgeGraph): string[] {
  const texts = program.weeks.flatMap((w, wi) =>
    w.adds.map((g, gi) => ({
      where: `weeks.${wi}.adds.${gi} (goal ${g.id})`,
      text: [g.title, g.description, g.caution?.text].filter(Boolean).join(' '),
      evidence: g.evidence,
    })),
  );
  return lintMessengerTexts(graph, texts).map((p) => `${p.subject}: ${p.message}`);
}

/** The programs defined in `dir`, in file-name order. */
export function readProgramFiles(dir: string, graph: KnowledgeGraph = loadKnowledgeGraph()): Program[] {
  const files = readdirSync(dir)
    .filter((f) => /\.(json|ya?ml)$/.test(f))
    .sort();
  return files.map((f) => {
    const text = readFileSync(join(dir, f), 'utf8');
    let data: unknown;
    try {
      data = f.endsWith('.json') ? JSON.parse(text) : parseYaml(text);
    } catch (e) {
      throw new ProgramFileError(`${f}: cannot be read: ${(e as Error).message}`);
    }
    let program: Program;
    try {
      program = parseProgram(data);
    } catch (e) {
      if (e instanceof ProgramDefinitionError) throw new ProgramFileError(`${f}: ${e.message}`);
      throw e;
    }
    const [problem] = messengerProblems(program, graph);
    if (problem) throw new ProgramFileError(`${f}: ${problem}`);
    return program;
  });
}

/**
 * Reads the programs in `dir` (when given) and registers them beside the shipped ones, so every
 * capability that looks a program up by id knows them. Answers every known program.
 */
export function programCatalogue(dir?: string): readonly Program[] {
  const extra = dir ? readProgramFiles(dir) : [];
  const ids = new Set<string>();
  for (const p of extra) {
    if (ids.has(p.id)) throw new ProgramFileError(`program id ${p.id} is used twice`);
    ids.add(p.id);
  }
  try {
    registerPrograms(extra);
  } catch (e) {
    throw new ProgramFileError((e as Error).message);
  }
  return allPrograms();
}
