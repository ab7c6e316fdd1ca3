/**
 * The shipped programs, validated when this module loads (a bad definition fails every test and
 * the server's start, never a person's Today), the registry of programs by id, and the public API.
 */
import { GUT_BRAIN_30_DAY } from './definitions/gut-brain-30-day.ts';
import { THREE_LEVEL_GUIDE } from './definitions/three-level-guide.ts';
import { type Program, parseProgram } from './schema.ts';

export const PROGRAMS: readonly Program[] = [parseProgram(GUT_BRAIN_30_DAY), parseProgram(THREE_LEVEL_GUIDE)];

const registry = new Map<string, Program>(PROGRAMS.map((p) => [p.id, p]));

/**
 * Adds validated programs (a clinic's, read from files at start-up) so every capability that looks
 * a program up by id knows them. The same definition twice is fine; a different one under a used id is not.
 */
export function registerPrograms(programs: readonly Program[]): void {
  for (const p of programs) {
    const had = registry.get(p.id);
    if (had && JSON.stringify(had) !== JSON.stringify(p)) throw new Error(`program id ${p.id} is used twice`);
  }
  for (const p of programs) registry.set(p.id, p);
}

export function programById(id: string): Program | undefined {
  return registry.get(id);
}

/** Every known program: the shipped ones first, then those registered. */
export function allPrograms(): Program[] {
  return [...registry.values()];
}

export * from './calendar.ts';
export * from './progress.ts';
export * from './report.ts';
export * from './rules.ts';
export * from './schema.ts';
