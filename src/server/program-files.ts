/**
 * Programs a clinic authors as files: every `.json`, `.yaml` or `.yml` in PROGRAMS_DIR is read at
 * start-up and validated by core's `parseProgram`, beside the shipped programs. A broken file stops
 * the server with the file and the path of the mistake, so it never reaches anyone's Today.
 *
 * @example PROGRAMS_DIR=/etc/gutbrain/programs gutbrain serve
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import {
  allPrograms,
  type Program,
  ProgramDefinitionError,
  parseProgram,
  registerPrograms,
} from '../core/programs/index.ts';

export class ProgramFileError extends Error {}

/** The programs defined in `dir`, in file-name order. */
export function readProgramFiles(dir: string): Program[] {
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
    try {
      return parseProgram(data);
    } catch (e) {
      if (e instanceof ProgramDefinitionError) throw new ProgramFileError(`${f}: ${e.message}`);
      throw e;
    }
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
